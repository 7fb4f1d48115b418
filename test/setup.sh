#!/usr/bin/env bash
# Installs the real tools the tests run against, from Debian's packages, when they are missing.
# Tests that need one of them fail under CI=true when it is absent, and skip loudly elsewhere.
set -euo pipefail
need=()
command -v go >/dev/null 2>&1 || need+=(golang-go)
command -v git >/dev/null 2>&1 || need+=(git)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v tar >/dev/null 2>&1 || need+=(tar)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test/setup.sh: missing ${need[*]} and not root; the tests that need them will say so" >&2
    exit 0
  fi
  echo "test/setup.sh: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
