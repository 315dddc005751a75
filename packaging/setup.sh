#!/usr/bin/env bash
# QA Workbench on a fresh Debian 12 machine: installs the Debian packages that are
# missing, builds, then either runs the GUI on the demo workspace or runs the tests.
#   packaging/setup.sh run     build and open the demo workspace (created on first run)
#   packaging/setup.sh test    build and run the whole test suite
#   packaging/setup.sh build   only install and build
#   packaging/setup.sh package build the Debian package (Release, in build-package/)
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail

command=${1:-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${QAW_BUILD_DIR:-$root/build}

# Everything the build, the tests, the benchmarks and the package need, from Debian 12
# only. The tests drive sqlite3 (the packed_scores extension), pdftotext (poppler-utils),
# desktop-file-validate, appstreamcli, update-mime-database (shared-mime-info) and groff;
# the package needs dpkg-shlibdeps (dpkg-dev) and file.
packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev libqt6sql6-sqlite libqt6opengl6-dev libgl-dev
  libqcustomplot-dev qt6-tools-dev qt6-l10n-tools
  libboost-dev libsqlite3-dev sqlite3 libssl-dev libjemalloc-dev fonts-dejavu-core poppler-utils
  desktop-file-utils appstream shared-mime-info groff-base dpkg-dev file
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  echo "Installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

build_project() {
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" --parallel "$(nproc)"
}

case "$command" in
  run)
    install_missing
    build_project
    exec "$build/app/qa-workbench" --demo
    ;;
  test)
    install_missing
    build_project
    cd "$build"
    ctest --output-on-failure --parallel "$(nproc)" --timeout 600 | tee setup-test.log
    # A test may skip only for a missing tool (tests/MissingTool.h), and every such tool
    # was installed above: here a skip means the package list lacks one.
    if grep -q "tests did not run" setup-test.log; then
      echo "setup.sh test: tests were skipped (see above); nothing may skip here" >&2
      exit 1
    fi
    ;;
  build)
    install_missing
    build_project
    ;;
  package)
    install_missing
    # A build of its own: Release, installed under /usr, no tests; CPack strips the
    # programs and asks dpkg-shlibdeps for the dependencies.
    package_build=${QAW_PACKAGE_BUILD_DIR:-$root/build-package}
    cmake -S "$root" -B "$package_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_INSTALL_PREFIX=/usr -DQAW_BUILD_TESTS=OFF >/dev/null
    cmake --build "$package_build" --parallel "$(nproc)"
    cd "$package_build"
    cpack -G DEB
    ;;
  *)
    echo "usage: $0 run|test|build|package" >&2
    exit 2
    ;;
esac
