#!/usr/bin/env bash
# Starts a real Kubernetes control plane on loopback for slipway's tests:
#   etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok (simulated nodes),
# each on a free 127.0.0.1 port, with all data, certificates and logs in one temp dir.
#
#   start.sh up [DIR]        start; print shell assignments (K8S_DIR=..., KUBECONFIG=...) and leave it running
#   start.sh down DIR        stop every process that `up` started in DIR (pids in DIR/pids)
#   start.sh run CMD [ARG..] start, run CMD with KUBECONFIG exported, stop everything (also on failure)
#
# Binaries come from build.sh's cache (K8S_BIN overrides). Environment knobs:
#   K8S_NODES (default 2)  number of fake Ready nodes kwok manages (kwok-node-0..N-1)
#   K8S_KEEP_DIR=1         keep the temp dir after `down`/`run` (logs for debugging)
# Pods annotated slipway.test/unready="true" are kept unready by kwok (see kwok-stages.yaml).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
K8S_NODES="${K8S_NODES:-2}"
log() { echo "[k8s-start] $*" >&2; }
now_ms() { date +%s%3N; }

alive() { # running and not a zombie (children of an exited `up` are reparented and may linger unreaped)
  local st; st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "${st#Z}" = "$st" ]
}

stop_dir() {
  local dir="$1" pid name
  [ -f "$dir/pids" ] || return 0
  # reverse start order: kwok, scheduler, controller-manager, apiserver, etcd
  tac "$dir/pids" | while read -r pid name; do
    if alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for _ in $(seq 1 15); do   # up to 3 s, then SIGKILL (the data dir is thrown away anyway)
    local alive=0
    while read -r pid name; do alive "$pid" && alive=1; done < "$dir/pids"
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  while read -r pid name; do
    if alive "$pid"; then log "killing $name ($pid)"; kill -KILL "$pid" 2>/dev/null || true; fi
  done < "$dir/pids"
  rm -f "$dir/pids"
  if [ "${K8S_KEEP_DIR:-0}" != 1 ]; then rm -rf "$dir"; else log "kept $dir"; fi
}

free_ports() { # N free loopback ports, bound together so they are distinct
  python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
PY
}

spawn() { # name, command... : start in its own session, log to DIR/name.log, record pid
  local name="$1"; shift
  setsid "$@" >"$DIR/$name.log" 2>&1 < /dev/null &
  echo "$! $name" >> "$DIR/pids"
}

wait_for() { # description, timeout seconds, command...
  local what="$1" timeout="$2"; shift 2
  local deadline=$(( $(date +%s) + timeout ))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then log "timed out waiting for $what"; return 1; fi
    while read -r pid name; do
      alive "$pid" || { log "$name exited early; tail of its log:"; tail -n 30 "$DIR/$name.log" >&2; return 1; }
    done < "$DIR/pids"
    sleep 0.2
  done
}

kubeconfig() { # file, user, token
  cat > "$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: slipway-test
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority: $DIR/pki/ca.crt
users:
- name: $2
  user:
    token: $3
contexts:
- name: slipway-test
  context: {cluster: slipway-test, user: $2, namespace: default}
current-context: slipway-test
EOF
}

up() {
  local t0; t0=$(now_ms)
  BIN="${K8S_BIN:-$("$HERE/build.sh")}"
  DIR="${1:-$(mktemp -d /tmp/slipway-k8s-XXXXXX)}"
  mkdir -p "$DIR/pki" "$DIR/etcd"
  : > "$DIR/pids"
  trap 'rc=$?; if [ "$rc" != 0 ]; then log "start failed (rc=$rc), logs in $DIR"; K8S_KEEP_DIR=1 stop_dir "$DIR"; fi' EXIT

  # --- certificates, keys, tokens -----------------------------------------------------
  local P="$DIR/pki"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -keyout "$P/ca.key" -out "$P/ca.crt" -subj "/CN=slipway-test-ca" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$P/apiserver.key" -out "$P/apiserver.csr" -subj "/CN=kube-apiserver" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\n' > "$P/apiserver.ext"
  openssl x509 -req -in "$P/apiserver.csr" -CA "$P/ca.crt" -CAkey "$P/ca.key" -CAcreateserial \
    -days 2 -extfile "$P/apiserver.ext" -out "$P/apiserver.crt" 2>/dev/null
  openssl genrsa -out "$P/sa.key" 2048 2>/dev/null
  openssl rsa -in "$P/sa.key" -pubout -out "$P/sa.pub" 2>/dev/null
  local ADMIN_TOKEN KCM_TOKEN SCHED_TOKEN KWOK_TOKEN
  ADMIN_TOKEN=$(openssl rand -hex 24); KCM_TOKEN=$(openssl rand -hex 24)
  SCHED_TOKEN=$(openssl rand -hex 24); KWOK_TOKEN=$(openssl rand -hex 24)
  cat > "$P/tokens.csv" <<EOF
$ADMIN_TOKEN,admin,uid-admin,"system:masters"
$KCM_TOKEN,system:kube-controller-manager,uid-kcm
$SCHED_TOKEN,system:kube-scheduler,uid-scheduler
$KWOK_TOKEN,kwok,uid-kwok,"system:masters"
EOF
  chmod 600 "$P"/*.key "$P/tokens.csv"

  local ports; read -r ETCD_PORT ETCD_PEER_PORT APISERVER_PORT KWOK_PORT <<<"$(free_ports 4)"
  ports="etcd=$ETCD_PORT apiserver=$APISERVER_PORT kwok=$KWOK_PORT"

  # --- etcd ------------------------------------------------------------------------------
  spawn etcd "$BIN/etcd" --name slipway --data-dir "$DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "slipway=http://127.0.0.1:$ETCD_PEER_PORT" --logger zap --log-level warn
  wait_for etcd 30 curl -sf "http://127.0.0.1:$ETCD_PORT/health"
  local t_etcd; t_etcd=$(now_ms)

  # --- kube-apiserver --------------------------------------------------------------------
  spawn kube-apiserver "$BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" --etcd-prefix /registry \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$APISERVER_PORT" \
    --tls-cert-file "$P/apiserver.crt" --tls-private-key-file "$P/apiserver.key" \
    --client-ca-file "$P/ca.crt" --token-auth-file "$P/tokens.csv" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$P/sa.pub" --service-account-signing-key-file "$P/sa.key" \
    --service-cluster-ip-range 10.0.0.0/24 \
    --authorization-mode Node,RBAC \
    --endpoint-reconciler-type none \
    --profiling=false --v 1
  wait_for "kube-apiserver /readyz" 120 curl -sf --cacert "$P/ca.crt" -H "Authorization: Bearer $ADMIN_TOKEN" \
    "https://127.0.0.1:$APISERVER_PORT/readyz"
  local t_api; t_api=$(now_ms)

  kubeconfig "$DIR/kubeconfig" admin "$ADMIN_TOKEN"
  kubeconfig "$DIR/kcm.kubeconfig" system:kube-controller-manager "$KCM_TOKEN"
  kubeconfig "$DIR/scheduler.kubeconfig" system:kube-scheduler "$SCHED_TOKEN"
  kubeconfig "$DIR/kwok.kubeconfig" kwok "$KWOK_TOKEN"

  # --- kube-controller-manager, kube-scheduler -------------------------------------------
  spawn kube-controller-manager "$BIN/kube-controller-manager" \
    --kubeconfig "$DIR/kcm.kubeconfig" \
    --authentication-kubeconfig "$DIR/kcm.kubeconfig" --authorization-kubeconfig "$DIR/kcm.kubeconfig" \
    --secure-port 0 --leader-elect=false \
    --service-account-private-key-file "$P/sa.key" --root-ca-file "$P/ca.crt" \
    --use-service-account-credentials=true \
    --cluster-name slipway-test --v 1
  spawn kube-scheduler "$BIN/kube-scheduler" \
    --kubeconfig "$DIR/scheduler.kubeconfig" \
    --authentication-kubeconfig "$DIR/scheduler.kubeconfig" --authorization-kubeconfig "$DIR/scheduler.kubeconfig" \
    --secure-port 0 --leader-elect=false --v 1

  # --- kwok: manages every node; stages from kwok-stages.yaml ------------------------------
  spawn kwok "$BIN/kwok" --config "$HERE/kwok-stages.yaml" \
    --kubeconfig "$DIR/kwok.kubeconfig" --manage-all-nodes=true \
    --node-lease-duration-seconds 40 \
    --server-address "127.0.0.1:$KWOK_PORT" --cidr 10.244.0.1/16 --node-ip 10.0.1.1

  local K="$BIN/kubectl --kubeconfig $DIR/kubeconfig"
  local i
  for i in $(seq 0 $(( K8S_NODES - 1 ))); do
    $K apply -f - >/dev/null <<EOF
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations:
    node.alpha.kubernetes.io/ttl: "0"
    kwok.x-k8s.io/node: fake
  labels:
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    type: kwok
EOF
  done
  wait_for "nodes Ready" 60 $K wait node --all --for=condition=Ready --timeout=1s
  wait_for "default service account" 60 $K get serviceaccount default -n default
  local t_ready; t_ready=$(now_ms)

  trap - EXIT
  {
    echo "K8S_DIR=$DIR"
    echo "KUBECONFIG=$DIR/kubeconfig"
    echo "K8S_BIN=$BIN"
    echo "K8S_APISERVER=https://127.0.0.1:$APISERVER_PORT"
  } | tee "$DIR/env"
  log "ready: $ports; etcd $(( t_etcd - t0 )) ms, apiserver /readyz $(( t_api - t0 )) ms, nodes+SA ready $(( t_ready - t0 )) ms (incl. certs)"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  up) up "$@" ;;
  down) [ -n "${1:-}" ] || { echo "usage: $0 down DIR" >&2; exit 2; }; stop_dir "$1" ;;
  run)
    [ "$#" -gt 0 ] || { echo "usage: $0 run CMD [ARG...]" >&2; exit 2; }
    envout="$(up)"
    DIR="$(sed -n 's/^K8S_DIR=//p' <<<"$envout")"
    trap 'stop_dir "$DIR"' EXIT INT TERM
    set -a; eval "$envout"; set +a
    "$@"
    ;;
  *) sed -n '2,13p' "$0" >&2; exit 2 ;;
esac
