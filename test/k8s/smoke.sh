#!/usr/bin/env bash
# Proves the control plane from start.sh behaves like a real cluster for slipway's needs.
# Usage: test/k8s/start.sh run test/k8s/smoke.sh     (needs KUBECONFIG and K8S_BIN from start.sh)
set -euo pipefail
K="$K8S_BIN/kubectl"
NS=smoke
step() { echo; echo "=== $*"; }
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }

$K create namespace "$NS" >/dev/null
$K get nodes -o wide

deployment() { # name image [extra template annotations yaml] [progressDeadlineSeconds]
  cat <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $1
  namespace: $NS
spec:
  replicas: 3
  progressDeadlineSeconds: ${4:-60}
  selector:
    matchLabels: {app: $1}
  template:
    metadata:
      labels: {app: $1}
      annotations: {${3:-}}
    spec:
      containers:
      - name: app
        image: $2
        ports:
        - containerPort: 8080
          protocol: TCP
EOF
}

step "1. create a Deployment; rollout status"
deployment web registry.invalid/web:v1 | $K apply -f -
$K -n "$NS" rollout status deploy/web --timeout=60s
$K -n "$NS" get pods -o wide

step "2. change the image -> new ReplicaSet"
$K -n "$NS" set image deploy/web app=registry.invalid/web:v2
$K -n "$NS" rollout status deploy/web --timeout=60s
$K -n "$NS" get rs -l app=web
[ "$($K -n "$NS" get rs -l app=web -o name | wc -l)" = 2 ] || fail "expected 2 ReplicaSets"

step "3. rollout undo -> back to v1"
$K -n "$NS" rollout undo deploy/web
$K -n "$NS" rollout status deploy/web --timeout=60s
img=$($K -n "$NS" get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}')
[ "$img" = registry.invalid/web:v1 ] || fail "undo left image $img"
$K -n "$NS" rollout history deploy/web

step "4. server-side apply with --field-manager=slipway (and a conflict with another manager)"
deployment web-canary registry.invalid/web:v3 '"slipway.dev/track": "canary"' | $K apply --server-side --field-manager=slipway -f -
$K -n "$NS" rollout status deploy/web-canary --timeout=60s
$K -n "$NS" get deploy web-canary -o jsonpath='{range .metadata.managedFields[*]}{.manager} {.operation}{"\n"}{end}'
$K -n "$NS" get deploy web-canary -o jsonpath='{.metadata.managedFields[*].manager}' | grep -qw slipway || fail "no slipway manager"
if out=$(printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-canary, namespace: %s}\nspec: {replicas: 5}\n' "$NS" \
  | $K apply --server-side --field-manager=someone-else -f - 2>&1); then
  fail "expected a conflict, got: $out"
fi
echo "conflict as expected: $out"

step "5. a pod kept unready (kwok stage slipway-pod-unready) -> progressDeadlineSeconds exceeded"
deployment bad registry.invalid/web:broken '"slipway.test/unready": "true"' 10 | $K apply -f -
start=$(date +%s)
if $K -n "$NS" rollout status deploy/bad --timeout=90s; then fail "rollout of bad should fail"; fi
echo "rollout status failed after $(( $(date +%s) - start ))s (progressDeadlineSeconds: 10)"
$K -n "$NS" get deploy bad -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
$K -n "$NS" get deploy bad -o jsonpath='{.status.conditions[?(@.type=="Progressing")].reason}' | grep -qx ProgressDeadlineExceeded || fail "no ProgressDeadlineExceeded"
$K -n "$NS" get pods -l app=bad -o jsonpath='{range .items[*]}{.metadata.name} {.status.phase} ready={.status.conditions[?(@.type=="Ready")].status} {.status.containerStatuses[0].state.waiting.reason}{"\n"}{end}'

step "6. a CRD with OpenAPI validation"
$K apply -f - <<'EOF'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.smoke.slipway.dev}
spec:
  group: smoke.slipway.dev
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [weight]
            properties:
              weight: {type: integer, minimum: 0, maximum: 100}
EOF
$K wait --for=condition=Established crd/widgets.smoke.slipway.dev --timeout=30s
printf 'apiVersion: smoke.slipway.dev/v1\nkind: Widget\nmetadata: {name: ok, namespace: %s}\nspec: {weight: 10}\n' "$NS" | $K apply -f -
if out=$(printf 'apiVersion: smoke.slipway.dev/v1\nkind: Widget\nmetadata: {name: bad, namespace: %s}\nspec: {weight: 150}\n' "$NS" | $K apply -f - 2>&1); then
  fail "invalid Widget accepted"
fi
echo "rejected as expected: $out"

echo
echo "SMOKE OK"
