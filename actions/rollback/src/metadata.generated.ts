// Generated from action.yml by `npm run docs`; do not edit.
import type { ActionMetadata } from '@slipway/action-kit/lite';

/** rollback's inputs and outputs as declared in action.yml. */
export const metadata: ActionMetadata = {
  "name": "rollback",
  "description": "Restores the last known-good release of an environment in seconds: aborts a canary in flight, or switches traffic back to a release the host still keeps (starting it again from its folder when its process is gone), records the rollback in the ledger and checks the restored release answers.",
  "inputs": {
    "provider": {
      "description": "Traffic router, as deploy-canary: local, haproxy or nginx.",
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
