# qaw_add_test(NAME name SOURCES ... LIBS ... [GUI] [SLOW])
# One Qt Test executable per class or feature; GUI tests run on the offscreen platform.
function(qaw_add_test)
  cmake_parse_arguments(T "GUI;SLOW" "NAME" "SOURCES;LIBS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_BINARY_DIR}/tests)
  qaw_set_warnings(${T_NAME})
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  set(labels unit)
  if(T_GUI)
    set(labels gui)
  endif()
  if(T_SLOW)
    list(APPEND labels slow)
  endif()
  # A skip is visible and has one allowed reason. Qt Test counts a QSKIP as a pass (exit
  # code 0), so CTest reads the output instead: a skip naming a missing tool
  # (tests/MissingTool.h) with nothing failed is reported as skipped; any other skip fails
  # the test. The skip expression is checked first, and needs "0 failed" so that a skip
  # cannot hide a failure of another function in the same executable.
  set_tests_properties(${T_NAME} PROPERTIES
    SKIP_REGULAR_EXPRESSION "SKIP   : [^\n]*missing tool: .*Totals: [0-9]+ passed, 0 failed"
    FAIL_REGULAR_EXPRESSION "SKIP   : "
    LABELS "${labels}"
    TIMEOUT 300
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;LANG=C.UTF-8;QAW_QAW_EXE=$<TARGET_FILE:qaw>;QAW_PACKED_SCORES_EXTENSION=$<TARGET_FILE:packed_scores>;QT_LOGGING_RULES=qt.qpa.*=false")
endfunction()

# qaw_add_benchmark(NAME name SOURCES ... LIBS ...)
# A program that prints its own figures; built with the tests, never run by CTest
# (timed tests flake on a shared machine).
function(qaw_add_benchmark)
  cmake_parse_arguments(B "" "NAME" "SOURCES;LIBS" ${ARGN})
  add_executable(${B_NAME} ${B_SOURCES})
  target_link_libraries(${B_NAME} PRIVATE ${B_LIBS})
  target_include_directories(${B_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_BINARY_DIR}/tests)
  qaw_set_warnings(${B_NAME})
endfunction()
