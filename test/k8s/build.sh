#!/usr/bin/env bash
# Builds (once) a real Kubernetes control plane for slipway's tests:
#   kube-apiserver, kube-controller-manager, kube-scheduler, kubectl  (from the k8s.io/kubernetes Go module)
#   (kube-scheduler too: kwok does not bind pods, so Deployments need a scheduler)
#   etcd                                             (go.etcd.io/etcd/server/v3 from the Go module proxy)
#   kwok                                             (sigs.k8s.io/kwok, simulated nodes)
# into a cache outside the repository, keyed by version, rebuilt only when missing.
# Prints the bin directory on stdout (everything else goes to stderr).
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-1.37.2}"          # k8s.io/kubernetes v1.37.2 (go.mod: go 1.26.0)
KWOK_VERSION="${KWOK_VERSION:-v0.8.0}"        # sigs.k8s.io/kwok
ETCD_VERSION="${ETCD_VERSION:-v3.6.16}"       # go.etcd.io/etcd/server/v3 (or "debian" for Debian's etcd-server)
CACHE_ROOT="${SLIPWAY_TEST_TOOLS:-/opt/slipway-test-tools}"
NICE="${NICE:-nice -n 19}"

STAGING_VERSION="v0.${K8S_VERSION#1.}"        # 1.37.2 -> v0.37.2
K8S_MINOR="${K8S_VERSION#1.}"; K8S_MINOR="${K8S_MINOR%%.*}"
DIR="$CACHE_ROOT/k8s-$K8S_VERSION"
BIN="$DIR/bin"
SRC="$DIR/src"
mkdir -p "$BIN" "$SRC"
log() { echo "[k8s-build] $*" >&2; }
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export CGO_ENABLED=0

# --- etcd ----------------------------------------------------------------------------
# Built from go.etcd.io/etcd/server/v3 on the Go module proxy. Debian's etcd-server (3.4.23)
# is too old: the 1.37 apiserver reports "RequestWatchProgress feature is not supported" for it,
# then refuses the streaming list-watch that client-go >= 0.35 informers ask for ("a watch stream
# was requested by the client but the required storage feature RequestWatchProgress is disabled"),
# and kwok's informers went stale (terminating pods never removed, lease update conflicts).
# ETCD_VERSION=debian uses the Debian package anyway.
if [ ! -x "$BIN/etcd" ]; then
  if [ "$ETCD_VERSION" = debian ]; then
    if ! command -v etcd >/dev/null 2>&1; then
      log "installing Debian etcd-server"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server >&2
    fi
    ln -sf "$(command -v etcd)" "$BIN/etcd"
  else
    mkdir -p "$DIR/etcd-src"
    (
      cd "$DIR/etcd-src"
      if [ ! -f go.mod ] || ! grep -q "go.etcd.io/etcd/server/v3 $ETCD_VERSION" go.mod; then
        rm -f go.mod go.sum
        printf 'module slipway.test/etcd-tools\n\ngo 1.26.0\n\nrequire go.etcd.io/etcd/server/v3 %s\n\nreplace (\n' "$ETCD_VERSION" > go.mod
        for m in api/v3 client/pkg/v3 client/v3 pkg/v3; do printf '\tgo.etcd.io/etcd/%s => go.etcd.io/etcd/%s %s\n' "$m" "$m" "$ETCD_VERSION" >> go.mod; done
        printf ')\n' >> go.mod
        printf 'package tools\n' > tools.go
        $NICE go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" >&2
      fi
      log "building etcd $ETCD_VERSION"
      start=$(date +%s)
      $NICE go build -trimpath -ldflags "-s -w" -o "$BIN/etcd.tmp" go.etcd.io/etcd/server/v3
      mv "$BIN/etcd.tmp" "$BIN/etcd"
      log "built etcd in $(( $(date +%s) - start ))s"
    )
  fi
fi

# --- kube-apiserver, kube-controller-manager, kubectl ---------------------------------
need_k8s=0
for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do [ -x "$BIN/$b" ] || need_k8s=1; done
if [ "$need_k8s" = 1 ]; then
  cd "$SRC"
  if [ ! -f go.mod ] || ! grep -q "k8s.io/kubernetes v$K8S_VERSION" go.mod; then
    log "preparing module for k8s.io/kubernetes v$K8S_VERSION (staging modules at $STAGING_VERSION)"
    rm -f go.mod go.sum
    # kubernetes' own go.mod, as the Go module proxy serves it
    KMOD="$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/^\s*"GoMod": "\(.*\)",\?$/\1/p')"
    GOVER="$(sed -n 's/^go \([0-9.]*\)$/\1/p' "$KMOD")"
    {
      echo "module slipway.test/k8s-tools"
      echo
      echo "go $GOVER"
      echo
      echo "require k8s.io/kubernetes v$K8S_VERSION"
      echo
      echo "replace ("
      sed -n 's#^\s*\(k8s.io/[^ ]*\) => ./staging/src/.*$#\t\1 => \1 '"$STAGING_VERSION"'#p' "$KMOD"
      echo ")"
    } > go.mod
    printf 'package tools\n' > tools.go
    $NICE go get "k8s.io/kubernetes/cmd/kube-apiserver@v$K8S_VERSION" \
      "k8s.io/kubernetes/cmd/kube-controller-manager@v$K8S_VERSION" \
      "k8s.io/kubernetes/cmd/kube-scheduler@v$K8S_VERSION" \
      "k8s.io/kubernetes/cmd/kubectl@v$K8S_VERSION" >&2
  fi
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    if [ ! -x "$BIN/$b" ]; then
      log "building $b"
      start=$(date +%s)
      $NICE go build -trimpath -ldflags "-s -w \
        -X k8s.io/component-base/version.gitVersion=v$K8S_VERSION \
        -X k8s.io/component-base/version.gitMajor=1 \
        -X k8s.io/component-base/version.gitMinor=$K8S_MINOR \
        -X k8s.io/client-go/pkg/version.gitVersion=v$K8S_VERSION" \
        -o "$BIN/$b.tmp" "k8s.io/kubernetes/cmd/$b"
      mv "$BIN/$b.tmp" "$BIN/$b"
      log "built $b in $(( $(date +%s) - start ))s"
    fi
  done
fi

# --- kwok ------------------------------------------------------------------------------
if [ ! -x "$BIN/kwok" ]; then
  log "installing sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
  start=$(date +%s)
  GOBIN="$BIN" GOFLAGS= $NICE go install "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" >&2
  log "built kwok in $(( $(date +%s) - start ))s"
fi

echo "$BIN"
