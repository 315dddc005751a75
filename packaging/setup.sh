#!/usr/bin/env bash
# QA Workbench on a fresh Debian 12 machine: installs the Debian packages that are
# missing, builds, then either runs the GUI on the demo workspace or runs the tests.
#   packaging/setup.sh run     build and open the demo workspace (created on first run)
#   packaging/setup.sh test    build and run the whole test suite
#   packaging/setup.sh build   only install and build
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail

command=${1:-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${QAW_BUILD_DIR:-$root/build}

# Everything the build, the tests and the benchmarks need, from Debian 12 only.
packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev libqt6sql6-sqlite libqt6opengl6-dev libgl-dev
  libqcustomplot-dev qt6-tools-dev qt6-l10n-tools
  libboost-dev libsqlite3-dev sqlite3 libssl-dev libjemalloc-dev fonts-dejavu-core poppler-utils
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
  *)
    echo "usage: $0 run|test|build" >&2
    exit 2
    ;;
esac
