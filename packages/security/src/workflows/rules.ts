import type { RuleInfo, Severity } from '../types.js';

/** The workflow rules: what each finds and, in `help`, how to fix it. */
const RULES = {
  'template-injection': {
    name: 'Untrusted input expanded into code',
    description:
      'A `${{ }}` expression that an outsider controls is pasted into code that runs: `run:`, a github-script `script:`, an azure/cli or azure/powershell `inlineScript:`, a mikefarah/yq `cmd:`.',
    help: 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use `"$TITLE"` (`$env:TITLE` in pwsh, `process.env.TITLE` in github-script), so it is data, not code.',
    severity: 'high',
  },
  'unpinned-action': {
    name: 'Action or reusable workflow not pinned to a commit',
    description:
      'A step or job `uses:` reference points at a tag or branch, which its owner (or an attacker who takes it over) can move.',
    help: 'Pin to a full 40-character commit SHA and keep the version in a comment: `uses: owner/action@<sha> # v1.2.3`.',
    severity: 'medium',
  },
  'excessive-permissions': {
    name: 'Token permissions not limited',
    description:
      'A job runs with the repository default token permissions (no `permissions:`), with `write-all`/`read-all`, or inherits write scopes granted to the whole workflow.',
    help: 'Add `permissions: contents: read` at the top and grant write scopes (`contents: write`, `id-token: write`, …) only in the jobs that need them.',
    severity: 'medium',
  },
  'dangerous-trigger': {
    name: 'Privileged trigger',
    description:
      "`pull_request_target`, `workflow_run` and `issue_comment` run with secrets and a write token on events outsiders cause; a job that checks out or runs the pull request's code hands both to them.",
    help: 'Use `pull_request` for building untrusted code, or split the work: build in `pull_request`, then act on its artifacts in a separate privileged workflow that never runs them. Never check out `github.event.pull_request.head.*` in a privileged workflow.',
    severity: 'medium',
  },
  'persisted-credentials': {
    name: 'Checkout keeps the token on disk',
    description:
      '`actions/checkout` writes the token into `.git/config` unless `persist-credentials: false`; any later step, artifact or image built from the workspace can carry it away.',
    help: 'Set `persist-credentials: false` on the checkout step; give the token to the one step that pushes, if any.',
    severity: 'low',
  },
  'secrets-inherit': {
    name: 'All secrets passed to a reusable workflow',
    description: '`secrets: inherit` hands every secret of the caller to the called workflow.',
    help: 'Pass only the secrets the called workflow needs, by name.',
    severity: 'medium',
  },
  'unpinned-image': {
    name: 'Container image not pinned to a digest',
    description:
      'A `container:`, `services:` or `docker://` image is named by tag (or by nothing, meaning `latest`), which the registry or whoever pushes to it can change.',
    help: 'Pin the image by digest: `image: node:20@sha256:<digest>`.',
    severity: 'medium',
  },
  'overprovisioned-secrets': {
    name: 'Every secret handed to one place',
    description: '`toJSON(secrets)` serializes all of the repository and organization secrets into one value.',
    help: 'Name the secrets the step needs: `${{ secrets.DEPLOY_TOKEN }}`.',
    severity: 'medium',
  },
  'use-trusted-publishing': {
    name: 'Long-lived publishing token where trusted publishing exists',
    description:
      'The registry (PyPI, npm, RubyGems, crates.io) accepts short-lived OIDC credentials from this workflow, yet a stored token is used.',
    help: "Configure trusted publishing on the registry, grant the job `id-token: write`, and remove the token (`pypa/gh-action-pypi-publish` without `password:`, `npm publish --provenance` with npm's trusted publisher, `rubygems/release-gem`, `rust-lang/crates-io-auth-action`).",
    severity: 'low',
  },
  'bot-conditions': {
    name: 'Bot check that an actor can spoof',
    description:
      "`github.actor == 'dependabot[bot]'` is the actor of the latest event, not the author of the code: anyone can make the bot the actor (by having it rebase their pull request).",
    help: "Check the author of the change instead: `github.event.pull_request.user.login == 'dependabot[bot]'`.",
    severity: 'medium',
  },
  'github-env': {
    name: 'Untrusted data written to GITHUB_ENV, GITHUB_PATH or GITHUB_OUTPUT',
    description:
      'Lines written to `$GITHUB_ENV` or `$GITHUB_PATH` set variables (`LD_PRELOAD`, `NODE_OPTIONS`, `PATH`) for every later step; a newline in outsider data adds any variable it likes.',
    help: 'Do not write outsider data to these files; if a later step needs it, pass it through `env:` on that step, or write it with a random heredoc delimiter after validating it.',
    severity: 'high',
  },
  'cache-poisoning': {
    name: 'Cache restored in a release workflow',
    description:
      'A workflow that publishes restores a cache that other workflows (a pull request build on the default branch) could have written, so their content can end up in the release.',
    help: 'Do not restore caches in release or publishing jobs: remove `actions/cache` and set `cache: false` (or leave `cache:` out) on setup actions there.',
    severity: 'medium',
  },
  'insecure-commands': {
    name: 'Deprecated workflow commands enabled',
    description:
      '`ACTIONS_ALLOW_UNSECURE_COMMANDS` turns `::set-env` and `::add-path` back on, so anything printed to the log (an issue title, a test name) can set variables and PATH.',
    help: 'Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to `$GITHUB_ENV`/`$GITHUB_PATH` instead.',
    severity: 'high',
  },
  'hardcoded-container-credentials': {
    name: 'Registry password written in the workflow',
    description:
      'A `container:` or `services:` `credentials.password` is a literal value, readable by anyone who reads the repository.',
    help: 'Store the password as a secret and reference it: `password: ${{ secrets.REGISTRY_PASSWORD }}`; then rotate the exposed one.',
    severity: 'high',
  },
  'unsound-contains': {
    name: '`contains()` on a string used as an allow-list',
    description:
      "`contains('refs/heads/main refs/heads/release', github.ref)` is a substring test: `refs/heads/mai` or `main` pass too.",
    help: 'Compare against a list: `contains(fromJSON(\'["refs/heads/main", "refs/heads/release"]\'), github.ref)`.',
    severity: 'medium',
  },
  'self-hosted-runner': {
    name: 'Self-hosted runner runs pull requests',
    description:
      'A job on a self-hosted runner is started by `pull_request`, so a fork can run its code on the machine, which keeps state between jobs.',
    help: 'Run pull request jobs on GitHub-hosted or ephemeral runners, or require approval for fork workflows and restrict the runner group to trusted workflows.',
    severity: 'medium',
  },
  obfuscation: {
    name: 'Obfuscated expression or path',
    description:
      "A constant expression (`${{ 'curl' }}`), context indexing by string (`github['event']`) or a `uses:` path with `//`, `./` or `../` hides what the workflow does from reviewers and from audits.",
    help: 'Write it plainly: the literal text, `github.event.issue.title`, `owner/repo/path@<sha>`.',
    severity: 'low',
  },
  'known-vulnerable-action': {
    name: 'Action with a known vulnerability',
    description:
      "An action or reusable workflow is used at a release that an OSV advisory (the `GitHub Actions` ecosystem, from GitHub's advisory database) names as vulnerable or compromised. A floating tag (`v4`) is reported when every release it may point at is affected.",
    help: 'Move to the fixed release the message names and pin its commit SHA with the version in a comment: `uses: owner/action@<sha> # v1.2.3`. If no fix exists, replace the action.',
    severity: 'high',
  },
} satisfies Record<string, Omit<RuleInfo, 'id'>>;

/** A workflow rule's id without the `workflow/` prefix. */
export type RuleId = keyof typeof RULES;

/** The rule as reported, with its severity for this finding. */
export function rule(id: RuleId, severity?: Severity): RuleInfo {
  const r = RULES[id];
  return { id: `workflow/${id}`, ...r, severity: severity ?? (r.severity as Severity) };
}
