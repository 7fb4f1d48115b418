export const id = 754;
export const ids = [754];
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
            "description": "Traffic router, as deploy-canary: local, haproxy, nginx or command.",
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
            "description": "command provider: run once before a canary's first weight change, to put the release on the platform. Runs through /bin/sh with SLIPWAY_RELEASE, SLIPWAY_VERSION, SLIPWAY_WEIGHT, SLIPWAY_ENVIRONMENT, SLIPWAY_PREVIOUS_RELEASE and SLIPWAY_OPERATION.",
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
            "description": "command provider: time allowed to each of its commands, such as 5m.",
            "required": false,
            "default": "5m"
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
