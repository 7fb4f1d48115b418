export const id = 5514;
export const ids = [5514];
export const modules = {

/***/ 5514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   metadata: () => (/* binding */ metadata)
/* harmony export */ });
/** deploy-canary's inputs and outputs as declared in action.yml. */
const metadata = {
    "name": "deploy-canary",
    "description": "Ships a release to a small share of traffic, widens it step by step while live traffic and health probes are judged against the stable release, promotes it when it holds and puts all traffic back on stable the moment it does not.",
    "inputs": {
        "provider": {
            "description": "Traffic router: local (an embedded proxy, nothing to install), haproxy (runtime API, no reload), nginx (an upstream file, tested with nginx -t before each reload), kubernetes (a canary Deployment beside yours, traffic by pod count, Gateway API, ingress-nginx or Istio) or command (your own shell commands, for any platform).",
            "required": false,
            "default": "local"
        },
        "environment": {
            "description": "Environment name (letters, digits, dots, dashes, underscores); each has its own release ledger, lock and front door.",
            "required": false,
            "default": "production"
        },
        "artifact": {
            "description": "The release: a .tar.gz from build-artifact (its manifest beside it; verified and extracted before anything runs) or a folder. Absolute, ~/…, or relative to the workspace. Required, except with the kubernetes provider, whose release is image.",
            "required": false,
            "default": ""
        },
        "version": {
            "description": "Release version; empty takes the artifact manifest's version (or package.json's, or the folder name). The release id is the version plus a short digest.",
            "required": false,
            "default": ""
        },
        "start-command": {
            "description": "How to run the release, through /bin/sh in its folder, with PORT (and HOST=127.0.0.1) in the environment; empty takes the start command detect-stack finds in the release.",
            "required": false,
            "default": ""
        },
        "health-path": {
            "description": "Path probed on the new release until it answers 2xx or 3xx, before any traffic reaches it; also probed throughout every analysis window.",
            "required": false,
            "default": "/healthz"
        },
        "ready-timeout": {
            "description": "How long a new release has to answer health-path, such as 60s.",
            "required": false,
            "default": "60s"
        },
        "steps": {
            "description": "Canary traffic percentages, rising, separated by commas; a step may carry a pause before its analysis (25:2m).",
            "required": false,
            "default": "10,25,50,100"
        },
        "step-analysis": {
            "description": "Analysis window of each step, such as 30s; a clear regression ends it early.",
            "required": false,
            "default": "30s"
        },
        "min-requests": {
            "description": "Live requests the canary must serve in a step before the step can pass; with fewer the window is extended up to three times, then the canary is rolled back. 0 lets health probes alone decide when traffic is thin.",
            "required": false,
            "default": "0"
        },
        "max-error-rate": {
            "description": "Share of failed health probes of the canary a window tolerates (and, at 100%, of its 5xx answers), as a percentage (1%) or a fraction (0.01).",
            "required": false,
            "default": "1%"
        },
        "auto-promote": {
            "description": "false holds the canary before its last step with result paused; a later run with the same artifact resumes and promotes it.",
            "required": false,
            "default": "true"
        },
        "drain": {
            "description": "How long the old stable release keeps serving in-flight requests after promotion before it is stopped, such as 30s.",
            "required": false,
            "default": "30s"
        },
        "state-dir": {
            "description": "Where the release ledger, the locks, the releases and the local proxy's admin token live. Absolute, ~/…, or relative to the workspace; on a self-hosted runner keep it outside the workspace.",
            "required": false,
            "default": "~/.slipway"
        },
        "listen": {
            "description": "The local provider's front door, host:port: where users and load balancers send traffic.",
            "required": false,
            "default": "127.0.0.1:8080"
        },
        "front-door-url": {
            "description": "The URL users reach the service at, shown in the url output and the summary; empty takes the local provider's own address (haproxy and nginx cannot tell it).",
            "required": false,
            "default": ""
        },
        "haproxy-socket": {
            "description": "HAProxy's runtime API: a unix socket path or host:port at level admin (haproxy provider).",
            "required": false,
            "default": ""
        },
        "haproxy-backend": {
            "description": "The HAProxy backend holding the servers named stable and canary (haproxy provider).",
            "required": false,
            "default": ""
        },
        "nginx-upstream-file": {
            "description": "The upstream file slipway owns and nginx includes in its http block (nginx provider). Absolute, ~/…, or relative to the workspace.",
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
        "pre-deploy-command": {
            "description": "Runs through /bin/sh before anything starts (a backup, a migration); its failure stops the deploy before any traffic moves. SLIPWAY_* variables describe the release.",
            "required": false,
            "default": ""
        },
        "confirm-promotion-command": {
            "description": "A gate run before the last step; while it exits non-zero the canary holds its weight and is still analysed (a regression still rolls back). After confirm-timeout the run ends paused.",
            "required": false,
            "default": ""
        },
        "confirm-timeout": {
            "description": "How long the confirm-promotion-command gate may hold the canary, such as 30m.",
            "required": false,
            "default": "30m"
        },
        "post-promote-command": {
            "description": "Runs after promotion; its failure is reported in reason but does not undo the promotion.",
            "required": false,
            "default": ""
        },
        "on-rollback-command": {
            "description": "Runs after a rollback, with SLIPWAY_REASON set to why.",
            "required": false,
            "default": ""
        },
        "hook-timeout": {
            "description": "Time allowed to each hook command, such as 5m.",
            "required": false,
            "default": "5m"
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
        "image": {
            "description": "kubernetes provider (required with it): the release, an image reference such as ghcr.io/acme/web:1.4.2 or one pinned @sha256:…; it takes the place of artifact. The version is its tag unless version is given.",
            "required": false,
            "default": ""
        },
        "manifest": {
            "description": "kubernetes provider: your Deployment's YAML (and its Service of the same name), as you would kubectl apply it. The canary is derived from it, so a change to it ships with the release and is judged with it; promotion applies it with the release's image, and a first deploy creates it. Absolute, ~/…, or relative to the workspace; empty derives the canary from the Deployment the cluster runs.",
            "required": false,
            "default": ""
        },
        "replicas": {
            "description": "kubernetes provider: the stable Deployment's full size, restored before a canary goes; empty keeps its own (1 for one slipway creates).",
            "required": false,
            "default": ""
        },
        "container-port": {
            "description": "kubernetes provider: the port the container listens on, for the Deployment and the Service slipway creates on a first deploy.",
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
        "canary-url": {
            "description": "kubernetes provider (required with it): where the runner reaches the canary's pods (a port-forward, an internal load balancer or the canary Service's address); probed at health-path until ready and through every analysis window.",
            "required": false,
            "default": ""
        },
        "prometheus-url": {
            "description": "kubernetes provider: Prometheus, such as http://prometheus.monitoring:9090, to count each release's live traffic with requests-query and errors-query; every step is then judged on it as well as on canary-url (which becomes optional). Empty: canary-url's probes alone.",
            "required": false,
            "default": ""
        },
        "requests-query": {
            "description": "With prometheus-url: a PromQL counter of the requests a Deployment served, $deployment standing for its name (the stable or <deployment>-canary), such as sum(http_requests_total{namespace=\"shop\", pod=~\"$deployment-[a-z0-9]+-[a-z0-9]+\"}).",
            "required": false,
            "default": ""
        },
        "errors-query": {
            "description": "With prometheus-url: the same counter for its 5xx answers, such as sum(http_requests_total{namespace=\"shop\", pod=~\"$deployment-[a-z0-9]+-[a-z0-9]+\", code=~\"5..\"}).",
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
            "description": "Deploy on this host over SSH instead of where the job runs: user@host or user@host:port (IPv6 in brackets, user@[2001:db8::1]:22). The action copies itself and the artifact there (each copy checked by sha256 on both sides) and runs there, so the provider acts on the host; the host needs Node.js 20 or later on the PATH of a non-interactive login. Relative paths such as state-dir resolve in ~/slipway on the host. Empty deploys where the job runs.",
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
            "description": "`promoted`, `rolled-back`, `paused` or `failed`; rolled-back and failed fail the step."
        },
        "url": {
            "description": "The front door: where traffic reaches the environment."
        },
        "release-id": {
            "description": "The id of the release deployed (version plus short digest)."
        },
        "previous-release-id": {
            "description": "The stable release before this deploy; empty for an environment's first release."
        },
        "weight": {
            "description": "The canary's share of traffic when the run ended, percent (100 once promoted, 0 after a rollback)."
        },
        "reason": {
            "description": "One sentence: why the deploy ended as it did, with the numbers of the check that decided."
        },
        "report": {
            "description": "JSON: every ledger transition of this run with timestamps, and each step's analysis (live requests and 5xx per release, canary share, probes, verdict)."
        }
    }
};


/***/ })

};
