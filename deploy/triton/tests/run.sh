#!/usr/bin/env bash
# CPU tests of the Triton model repository (tiny random LRAS, fake triton_python_backend_utils).
# Needs Debian's python3-torch and python3-numpy (.ci/run installs them); without them the tests
# are skipped with a message, as Docker-only tests are. FLOWTRACE_REQUIRE_TORCH=1 makes a missing
# torch an error instead.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! /usr/bin/python3 -c 'import torch, numpy' >/dev/null 2>&1; then
  if [ "${FLOWTRACE_REQUIRE_TORCH:-0}" = 1 ]; then
    echo "deploy/triton tests: python3-torch and python3-numpy are required" >&2
    exit 1
  fi
  echo "deploy/triton tests SKIPPED: install python3-torch and python3-numpy to run them" >&2
  exit 0
fi
export PYTHONDONTWRITEBYTECODE=1
exec /usr/bin/python3 -m unittest discover -s deploy/triton/tests -v
