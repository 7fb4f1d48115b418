export const id = 6754;
export const ids = [6754];
export const modules = {

/***/ 46754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   metadata: () => (/* binding */ metadata)
/* harmony export */ });
/** rollback's inputs and outputs as declared in action.yml. */
const metadata = {
    "name": "rollback",
    "description": "Restores the last known-good release of an environment in seconds: aborts a canary in flight, or switches traffic back to a release the host still keeps (starting it again from its folder when its process is gone), records the rollback in the ledger and checks the restored release answers.",
    "inputs": {
        "provider": {
            "description": "Traffic router, as deploy-canary: local, haproxy, nginx, kubernetes or command.",
            "required": false,
            "default": "local"
        },
        "environment": {
            "description": "Environment name, as deploy-canary.",
            "required": false,
            "default": "production"
        },
        "state-dir": {
            "description": "deploy-canary's state folder (ledger, locks, releases). Absolute, ~/…, or relative to the workspace.",
            "required": false,
            "default": "~/.slipway"
        },
        "to": {
            "description": "previous (the newest release that was stable before the current one; a canary in flight is aborted instead), or a release id from the ledger.",
            "required": false,
            "default": "previous"
        },
        "reason": {
            "description": "Why: recorded in the ledger and the summary.",
            "required": false,
            "default": ""
        },
        "verify": {
            "description": "After switching, probe the restored release's health-path until it answers (verify-health's readiness check); a failure fails the step loudly.",
            "required": false,
            "default": "true"
        },
        "health-path": {
            "description": "Path probed on the restored release.",
            "required": false,
            "default": "/healthz"
        },
        "ready-timeout": {
            "description": "How long a restored release (started again, or checked by verify) has to answer health-path.",
            "required": false,
            "default": "60s"
        },
        "drain": {
            "description": "How long the replaced release keeps serving in-flight requests before it is stopped.",
            "required": false,
            "default": "5s"
        },
        "listen": {
            "description": "The local provider's front door, host:port, as deploy-canary.",
            "required": false,
            "default": "127.0.0.1:8080"
        },
        "front-door-url": {
            "description": "The URL users reach the service at, shown on GitHub's deployment and in alerts.",
            "required": false,
            "default": ""
        },
        "haproxy-socket": {
            "description": "HAProxy's runtime API socket (haproxy provider).",
            "required": false,
            "default": ""
        },
        "haproxy-backend": {
            "description": "The HAProxy backend holding the servers named stable and canary (haproxy provider).",
            "required": false,
            "default": ""
        },
        "nginx-upstream-file": {
            "description": "The upstream file slipway owns (nginx provider). Absolute, ~/…, or relative to the workspace.",
            "required": false,
            "default": ""
        },
        "nginx-reload-command": {
            "description": "How to reload nginx (nginx provider).",
            "required": false,
            "default": "nginx -s reload"
        },
        "nginx-test-command": {
            "description": "How to test nginx's configuration before each reload; empty runs nginx -t with the reload command's -c and -p options.",
            "required": false,
            "default": ""
        },
        "deploy-command": {
            "description": "command provider: put the release on the platform with no traffic, printing its own URL (which slipway probes) as the last line; runs once per release through /bin/sh with SLIPWAY_RELEASE, SLIPWAY_VERSION, SLIPWAY_WEIGHT, SLIPWAY_ENVIRONMENT, SLIPWAY_PREVIOUS_RELEASE and SLIPWAY_OPERATION. Empty: slipway runs the release on the runner itself.",
            "required": false,
            "default": ""
        },
        "set-weight-command": {
            "description": "command provider (required with it): send SLIPWAY_WEIGHT percent of traffic to SLIPWAY_RELEASE and the rest to SLIPWAY_PREVIOUS_RELEASE.",
            "required": false,
            "default": ""
        },
        "promote-command": {
            "description": "command provider: make the canary the only release; empty runs set-weight-command with weight 100.",
            "required": false,
            "default": ""
        },
        "abort-command": {
            "description": "command provider: send all traffic back to stable; empty runs set-weight-command.",
            "required": false,
            "default": ""
        },
        "status-command": {
            "description": "command provider: print live traffic per release as JSON ({\"<release>\": {\"requests\": n, \"errors\": n}}) for the analysis; empty judges on health probes alone.",
            "required": false,
            "default": ""
        },
        "command-timeout": {
            "description": "command provider: time allowed to each of its commands; kubernetes provider: to each kubectl call; such as 5m.",
            "required": false,
            "default": "5m"
        },
        "namespace": {
            "description": "kubernetes provider: the namespace of the Deployment.",
            "required": false,
            "default": "default"
        },
        "deployment": {
            "description": "kubernetes provider (required with it): the stable Deployment, served by the Service of the same name, or the name of the one slipway creates on a first deploy; the canary is <deployment>-canary.",
            "required": false,
            "default": ""
        },
        "replicas": {
            "description": "kubernetes provider: the stable Deployment's full size, restored before a canary goes; empty keeps its own (1 for one slipway creates).",
            "required": false,
            "default": ""
        },
        "router": {
            "description": "kubernetes provider: how traffic moves: replicas (pod counts behind the one Service, no mesh), gateway-api (an HTTPRoute's weights), ingress-nginx (a canary Ingress beside yours) or istio (a VirtualService's weights).",
            "required": false,
            "default": "replicas"
        },
        "route": {
            "description": "kubernetes provider, with every router but replicas: the HTTPRoute, Ingress or VirtualService that sends traffic to the stable Service.",
            "required": false,
            "default": ""
        },
        "kube-context": {
            "description": "kubernetes provider: the context of the job's kubeconfig (KUBECONFIG, as azure/k8s-set-context, aws eks update-kubeconfig or google-github-actions/get-gke-credentials leave it); empty uses its current context.",
            "required": false,
            "default": ""
        },
        "stable-url": {
            "description": "kubernetes provider: where the runner reaches the stable pods; the url output, and what rollback's verify probes.",
            "required": false,
            "default": ""
        },
        "kubectl": {
            "description": "kubernetes provider: the kubectl program (GitHub-hosted runners have it).",
            "required": false,
            "default": "kubectl"
        },
        "container": {
            "description": "kubernetes provider: the container whose image the release sets; empty takes the first.",
            "required": false,
            "default": ""
        },
        "github-token": {
            "description": "Token for GitHub's Deployments API (the job needs permissions: deployments: write); the rollout shows on the repository's Environments page. Empty records in the ledger only. Masked.",
            "required": false,
            "default": "${{ github.token }}"
        },
        "notify-webhook": {
            "description": "A Slack-compatible incoming webhook URL (Slack, or the Slack-compatible endpoints of Teams and Discord): one message on a rollback or a failed deploy. Masked; a failed delivery is a warning and never blocks the rollback.",
            "required": false,
            "default": ""
        },
        "host": {
            "description": "Roll back on this host over SSH instead of where the job runs: user@host or user@host:port (IPv6 in brackets, user@[2001:db8::1]:22). The action copies itself there (checked by sha256 on both sides) and runs there, so the provider acts on the host; the host needs Node.js 20 or later on the PATH of a non-interactive login. Relative paths such as state-dir resolve in ~/slipway on the host. Empty rolls back where the job runs.",
            "required": false,
            "default": ""
        },
        "ssh-key": {
            "description": "With host: the private key to log in with (OpenSSH or PEM, without a passphrase), from a secret. Masked; written to a 0600 file in the runner temp folder and removed when the step ends (by the post step if main was killed).",
            "required": false,
            "default": ""
        },
        "known-hosts": {
            "description": "Required when host is set: the host's known_hosts lines ([host]:port on a port other than 22). Host keys are always checked and never accepted on first use. ssh-keyscan -p <port> <host> prints such lines, but check their fingerprints against the server's own before you trust them.",
            "required": false,
            "default": ""
        }
    },
    "outputs": {
        "result": {
            "description": "`rolled-back`, `noop` (the target is already live) or `failed`; failed fails the step."
        },
        "restored-release": {
            "description": "The release now taking all traffic."
        },
        "replaced-release": {
            "description": "The release it replaced (a canary aborted, or the previous stable)."
        },
        "duration-ms": {
            "description": "Milliseconds from the start of the rollback to all traffic on the restored release."
        },
        "reason": {
            "description": "One sentence: what was rolled back to what, and why."
        }
    }
};


/***/ })

};
