// slipway's workflow audits beside zizmor, on workflows written here:
//  - setup: zizmor from PyPI (pinned, `pip install` into a temp venv) unless it is on PATH;
//  - twins: per audit, a vulnerable workflow and its fixed twin, alike but for the one thing
//    the audit is about (every other step pinned, permissions read-only, no persisted token);
//  - trees: real-shaped repositories generated from the workflows projects commonly carry (CI,
//    release, labeler, comment bot, docs, container build), each with its own mix of habits;
//  - printed: per audit, whether each tool flags the vulnerable twin and the safe one; per audit,
//    the findings of each tool on the trees, and the (file, audit) pairs both report; wall time.
// zizmor runs `--offline` (no GitHub API: impostor-commit, ref-confusion and known-vulnerable-actions
// are off) with its default `regular` persona (`--persona=auditor` here passes another).
// Run: npm run bench:workflows-peer   (--keep leaves the files to look at; --write-readme updates README.md)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditWorkflow } from '../packages/security/src/workflows/audit.js';
import { writeBenchBlock } from './readme.js';
import { recordRatio } from './summary.js';

/** zizmor, pinned (`pip index versions zizmor`). */
const ZIZMOR_VERSION = '1.32.0';
const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2';
const SETUP_NODE = 'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0';
const UPLOAD = 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2';
const PYPI = 'pypa/gh-action-pypi-publish@76f52bc884231f62b9a1a3d7d0ee3d6bc69cb8b2 # v1.12.4';
const DIGEST = 'sha256:' + 'b'.repeat(64);

/** slipway's rule id → zizmor's audit id, where the names differ. */
const ZIZMOR_ID: Record<string, string> = {
  'unpinned-action': 'unpinned-uses',
  'dangerous-trigger': 'dangerous-triggers',
  'persisted-credentials': 'artipacked',
  'unpinned-image': 'unpinned-images',
};
const audit = (slipwayRule: string): string => ZIZMOR_ID[slipwayRule] ?? slipwayRule;

const args = process.argv.slice(2);
const persona = args.find((a) => a.startsWith('--persona='))?.slice('--persona='.length) ?? 'regular';

/** A job's header: read-only token, a pinned checkout that keeps no credentials. */
const job = (name: string, steps: string, extra = ''): string =>
  `  ${name}:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - uses: ${CHECKOUT}\n        with:\n          persist-credentials: false\n${steps}`;
const wf = (on: string, jobs: string, top = 'permissions:\n  contents: read\n'): string =>
  `name: twin\non:\n${on}\n${top}jobs:\n${jobs}`;

/** Per zizmor audit id: the vulnerable workflow and its fixed twin. */
const TWINS: Record<string, [vulnerable: string, safe: string]> = {
  'template-injection': [
    wf(
      '  issues:\n    types: [opened]',
      job('greet', '      - run: echo "Thanks for ${{ github.event.issue.title }}"\n'),
    ),
    wf(
      '  issues:\n    types: [opened]',
      job(
        'greet',
        '      - run: echo "Thanks for $TITLE"\n        env:\n          TITLE: ${{ github.event.issue.title }}\n',
      ),
    ),
  ],
  'unpinned-uses': [
    wf('  push:', job('build', '      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n')),
    wf('  push:', job('build', `      - uses: ${SETUP_NODE}\n        with:\n          node-version: 20\n`)),
  ],
  'excessive-permissions': [
    wf('  push:', job('build', '      - run: make\n'), 'permissions: write-all\n'),
    wf('  push:', job('build', '      - run: make\n')),
  ],
  'dangerous-triggers': [
    wf('  pull_request_target:', job('test', '      - run: npm test\n')),
    wf('  pull_request:', job('test', '      - run: npm test\n')),
  ],
  artipacked: [
    wf(
      '  push:',
      `  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${CHECKOUT}\n      - run: make dist\n      - uses: ${UPLOAD}\n        with:\n          path: .\n`,
    ),
    wf('  push:', job('build', `      - run: make dist\n      - uses: ${UPLOAD}\n        with:\n          path: .\n`)),
  ],
  'secrets-inherit': [
    wf(
      '  push:',
      '  call:\n    uses: octo-org/shared/.github/workflows/deploy.yml@0123456789abcdef0123456789abcdef01234567\n    secrets: inherit\n',
    ),
    wf(
      '  push:',
      '  call:\n    uses: octo-org/shared/.github/workflows/deploy.yml@0123456789abcdef0123456789abcdef01234567\n    secrets:\n      DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n',
    ),
  ],
  'unpinned-images': [
    wf('  push:', job('test', '      - run: npm test\n', '    container:\n      image: node:20\n')),
    wf('  push:', job('test', '      - run: npm test\n', `    container:\n      image: node:20@${DIGEST}\n`)),
  ],
  'overprovisioned-secrets': [
    wf('  push:', job('deploy', '      - run: ./deploy.sh\n        env:\n          ALL: ${{ toJSON(secrets) }}\n')),
    wf(
      '  push:',
      job('deploy', '      - run: ./deploy.sh\n        env:\n          TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n'),
    ),
  ],
  'use-trusted-publishing': [
    wf(
      '  release:\n    types: [published]',
      job(
        'publish',
        `      - run: python -m build\n      - uses: ${PYPI}\n        with:\n          password: \${{ secrets.PYPI_TOKEN }}\n`,
      ),
    ),
    wf(
      '  release:\n    types: [published]',
      job(
        'publish',
        `      - run: python -m build\n      - uses: ${PYPI}\n`,
        '    permissions:\n      id-token: write\n',
      ),
    ),
  ],
  'bot-conditions': [
    wf(
      '  pull_request_target:',
      job(
        'automerge',
        '      - run: gh pr merge --auto "$PR"\n        env:\n          PR: ${{ github.event.pull_request.html_url }}\n',
        "    if: github.actor == 'dependabot[bot]'\n",
      ),
    ),
    wf(
      '  pull_request_target:',
      job(
        'automerge',
        '      - run: gh pr merge --auto "$PR"\n        env:\n          PR: ${{ github.event.pull_request.html_url }}\n',
        "    if: github.event.pull_request.user.login == 'dependabot[bot]'\n",
      ),
    ),
  ],
  'github-env': [
    wf(
      '  workflow_run:\n    workflows: [ci]\n    types: [completed]',
      job('report', '      - run: echo "PR_TITLE=$(cat pr/title.txt)" >> "$GITHUB_ENV"\n'),
    ),
    wf('  push:', job('report', '      - run: echo "BUILD_ID=42" >> "$GITHUB_ENV"\n')),
  ],
  'cache-poisoning': [
    wf(
      "  push:\n    tags: ['v*']",
      job(
        'release',
        `      - uses: ${SETUP_NODE}\n        with:\n          node-version: 20\n          cache: npm\n      - run: npm ci && npm publish\n`,
      ),
    ),
    wf(
      "  push:\n    tags: ['v*']",
      job(
        'release',
        `      - uses: ${SETUP_NODE}\n        with:\n          node-version: 20\n      - run: npm ci && npm publish\n`,
      ),
    ),
  ],
  'insecure-commands': [
    wf(
      '  push:',
      job(
        'build',
        '      - run: echo "::set-env name=MODE::ci"\n        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n',
      ),
    ),
    wf('  push:', job('build', '      - run: echo "MODE=ci" >> "$GITHUB_ENV"\n')),
  ],
  'hardcoded-container-credentials': [
    wf(
      '  push:',
      job(
        'test',
        '      - run: make test\n',
        `    container:\n      image: ghcr.io/octo-org/builder@${DIGEST}\n      credentials:\n        username: octo\n        password: hunter2-not-a-secret\n`,
      ),
    ),
    wf(
      '  push:',
      job(
        'test',
        '      - run: make test\n',
        `    container:\n      image: ghcr.io/octo-org/builder@${DIGEST}\n      credentials:\n        username: octo\n        password: \${{ secrets.GHCR_TOKEN }}\n`,
      ),
    ),
  ],
  'unsound-contains': [
    wf(
      '  push:',
      job(
        'deploy',
        '      - run: ./deploy.sh\n',
        "    if: contains('refs/heads/main refs/heads/release', github.ref)\n",
      ),
    ),
    wf(
      '  push:',
      job(
        'deploy',
        '      - run: ./deploy.sh\n',
        `    if: contains(fromJSON('["refs/heads/main", "refs/heads/release"]'), github.ref)\n`,
      ),
    ),
  ],
  'self-hosted-runner': [
    wf('  pull_request:', job('test', '      - run: make test\n').replace('ubuntu-latest', '[self-hosted, linux]')),
    wf('  pull_request:', job('test', '      - run: make test\n')),
  ],
  obfuscation: [
    wf(
      '  push:',
      job(
        'build',
        `      - uses: actions/setup-node/./@49933ea5288caeca8642d1e84afbd3f7d6820020\n      - run: echo \${{ 'ci' }}\n`,
      ),
    ),
    wf('  push:', job('build', `      - uses: ${SETUP_NODE}\n      - run: echo ci\n`)),
  ],
};

// ---- real-shaped trees ---------------------------------------------------------------------------------
/** A repository's habits: each a coin the generator tosses per repository. */
interface Habits {
  pin: boolean;
  perms: boolean;
  persist: boolean;
  envIndirect: boolean;
  cache: boolean;
  pinImage: boolean;
}

function treeWorkflows(h: Habits, n: number): Record<string, string> {
  const co = h.pin ? CHECKOUT : 'actions/checkout@v4';
  const node = h.pin ? SETUP_NODE : 'actions/setup-node@v4';
  const checkout = h.persist
    ? `      - uses: ${co}\n`
    : `      - uses: ${co}\n        with:\n          persist-credentials: false\n`;
  const top = h.perms ? 'permissions:\n  contents: read\n' : '';
  const title = (expr: string, cmd: (v: string) => string): string =>
    h.envIndirect
      ? `      - run: ${cmd('"$VALUE"')}\n        env:\n          VALUE: \${{ ${expr} }}\n`
      : `      - run: ${cmd(`"\${{ ${expr} }}"`)}\n`;
  const out: Record<string, string> = {
    'ci.yml': `name: ci\non:\n  push:\n    branches: [main]\n  pull_request:\n${top}jobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        node: [18, 20, 22]\n    steps:\n${checkout}      - uses: ${node}\n        with:\n          node-version: \${{ matrix.node }}\n${h.cache ? '          cache: npm\n' : ''}      - run: npm ci\n      - run: npm test\n`,
    'release.yml': `name: release\non:\n  push:\n    tags: ['v*']\n${top}jobs:\n  publish:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n      id-token: write\n    steps:\n${checkout}      - uses: ${node}\n        with:\n          node-version: 20\n          registry-url: https://registry.npmjs.org\n${h.cache ? '          cache: npm\n' : ''}      - run: npm ci && npm publish --provenance\n        env:\n          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}\n`,
    'labeler.yml': `name: labeler\non:\n  pull_request_target:\n    types: [opened, synchronize]\n${top}jobs:\n  label:\n    runs-on: ubuntu-latest\n    permissions:\n      pull-requests: write\n    steps:\n      - uses: ${h.pin ? 'actions/labeler@8558fd74291d67161a8a78ce36a881fa63b766a9 # v5.0.0' : 'actions/labeler@v5'}\n${title('github.event.pull_request.title', (v) => `echo "labelled ${v}"`)}`,
    'comment-bot.yml': `name: comment-bot\non:\n  issue_comment:\n    types: [created]\n${top}jobs:\n  respond:\n    if: contains(github.event.comment.body, '/rerun')\n    runs-on: ubuntu-latest\n    steps:\n${title('github.event.comment.body', (v) => `echo ${v} | ./scripts/dispatch.sh`)}      - uses: ${h.pin ? 'actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea # v7.0.1' : 'actions/github-script@v7'}\n        with:\n          script: |\n            github.rest.issues.createComment({ owner: context.repo.owner, repo: context.repo.repo, issue_number: context.issue.number, body: 'on it' })\n`,
    'docs.yml': `name: docs\non:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]\n${top}jobs:\n  deploy:\n    if: github.actor == 'dependabot[bot]' || github.event.workflow_run.conclusion == 'success'\n    runs-on: ubuntu-latest\n    steps:\n${checkout}      - run: echo "HEAD_BRANCH=\${{ github.event.workflow_run.head_branch }}" >> "$GITHUB_ENV"\n      - run: make docs\n      - uses: ${h.pin ? UPLOAD : 'actions/upload-artifact@v4'}\n        with:\n          path: .\n`,
    'container.yml': `name: container\non:\n  push:\n    branches: [main]\n${top}jobs:\n  integration:\n    runs-on: ubuntu-latest\n    container:\n      image: ${h.pinImage ? `node:20@${DIGEST}` : 'node:20'}\n    services:\n      db:\n        image: ${h.pinImage ? `postgres:16@${DIGEST}` : 'postgres:16'}\n        env:\n          POSTGRES_PASSWORD: postgres\n    steps:\n${checkout}      - run: npm ci && npm run test:integration\n        env:\n          SECRETS: \${{ toJSON(secrets) }}\n`,
  };
  const names = Object.keys(out);
  return Object.fromEntries(names.filter((_, i) => (n >> i) & 1 || i === 0).map((k) => [k, out[k]!]));
}

function run(cmd: string, argv: string[], opts: { cwd?: string } = {}) {
  const start = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  return { ...r, ms: performance.now() - start };
}

/** zizmor on PATH, or pip-installed into a temp venv (never into the repository or the system Python). */
function zizmor(): string {
  if (run('zizmor', ['--version']).stdout?.includes(ZIZMOR_VERSION)) return 'zizmor';
  const venv = join(tmpdir(), `slipway-zizmor-${ZIZMOR_VERSION}`);
  const bin = join(venv, 'bin', 'zizmor');
  if (existsSync(bin)) return bin;
  console.log(`installing zizmor ${ZIZMOR_VERSION} into ${venv}…`);
  for (const [cmd, argv] of [
    ['python3', ['-m', 'venv', venv]],
    [join(venv, 'bin', 'pip'), ['install', '--quiet', `zizmor==${ZIZMOR_VERSION}`]],
  ] as const) {
    const r = spawnSync(cmd, [...argv], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${r.status})`);
  }
  return bin;
}

// ---- write, run, compare -------------------------------------------------------------------------------
const base = mkdtempSync(join(tmpdir(), 'slipway-workflows-peer-'));
const files: string[] = [];
const put = (rel: string, text: string): void => {
  mkdirSync(join(base, rel, '..'), { recursive: true });
  writeFileSync(join(base, rel), text);
  files.push(rel);
};
for (const [id, [bad, good]] of Object.entries(TWINS)) {
  put(`twins/${id}/vulnerable/.github/workflows/${id}.yml`, bad);
  put(`twins/${id}/safe/.github/workflows/${id}.yml`, good);
}
const REPOS = 40;
for (let r = 0; r < REPOS; r++) {
  const coin = (bit: number): boolean => ((r * 2654435761) >>> bit) % 2 === 0;
  const habits: Habits = {
    pin: coin(3),
    perms: coin(5),
    persist: coin(7),
    envIndirect: coin(9),
    cache: coin(11),
    pinImage: coin(13),
  };
  for (const [name, text] of Object.entries(treeWorkflows(habits, (r * 40503) >>> 4)))
    put(`trees/repo-${r}/.github/workflows/${name}`, text);
}

/** Per file, the set of audits each tool reported (slipway's ids mapped to zizmor's). */
type Hits = Map<string, Map<string, number>>;
const add = (hits: Hits, file: string, id: string): void => {
  const m = hits.get(file) ?? new Map<string, number>();
  m.set(id, (m.get(id) ?? 0) + 1);
  hits.set(file, m);
};

const ours: Hits = new Map();
const invalid: string[] = [];
let t0 = performance.now();
for (const f of files) {
  try {
    for (const finding of auditWorkflow(readFileSync(join(base, f), 'utf8'), f))
      add(ours, f, audit(finding.rule.id.replace(/^workflow\//, '')));
  } catch (err) {
    invalid.push(`${f}: ${(err as Error).message}`);
  }
}
const oursMs = performance.now() - t0;

const zz = zizmor();
const zzVersion = run(zz, ['--version']).stdout.trim();
t0 = performance.now();
const zzRun = run(zz, ['--offline', '--no-progress', '--format', 'json', `--persona=${persona}`, ...files], {
  cwd: base,
});
const zzMs = performance.now() - t0;
const theirs: Hits = new Map();
try {
  for (const f of JSON.parse(zzRun.stdout) as {
    ident: string;
    locations: { symbolic: { key: { Local?: { verbatim_path?: string; given_path?: string } } } }[];
  }[]) {
    const local = f.locations[0]?.symbolic.key.Local;
    const file = local?.verbatim_path ?? local?.given_path;
    if (file) add(theirs, file, f.ident);
  }
} catch {
  console.log(`zizmor did not print JSON (exit ${zzRun.status}): ${zzRun.stderr.slice(-800)}`);
}

const has = (hits: Hits, file: string, id: string): boolean => (hits.get(file)?.get(id) ?? 0) > 0;
const mark = (b: boolean): string => (b ? 'flagged' : '-');
const lines: string[] = [
  `Twins: per audit, a vulnerable workflow and its fixed twin (zizmor ${zzVersion.replace(/^zizmor /, '')}, --offline, persona ${persona}).`,
  '',
  '| audit | vulnerable: slipway | vulnerable: zizmor | safe: slipway | safe: zizmor |',
  '|---|---|---|---|---|',
];
for (const id of Object.keys(TWINS)) {
  const bad = `twins/${id}/vulnerable/.github/workflows/${id}.yml`;
  const good = `twins/${id}/safe/.github/workflows/${id}.yml`;
  lines.push(
    `| ${id} | ${mark(has(ours, bad, id))} | ${mark(has(theirs, bad, id))} | ${mark(has(ours, good, id))} | ${mark(has(theirs, good, id))} |`,
  );
}
const treeFiles = files.filter((f) => f.startsWith('trees/'));
const ids = [...new Set([...ours.values(), ...theirs.values()].flatMap((m) => [...m.keys()]))].sort();
lines.push(
  '',
  `Trees: ${REPOS} generated repositories, ${treeFiles.length} workflows. Findings per audit, and the (workflow, audit) pairs each tool reports.`,
  '',
  '| audit | slipway findings | zizmor findings | workflows: both | slipway only | zizmor only |',
  '|---|---|---|---|---|---|',
);
for (const id of ids) {
  const total = (hits: Hits): number => treeFiles.reduce((n, f) => n + (hits.get(f)?.get(id) ?? 0), 0);
  const both = treeFiles.filter((f) => has(ours, f, id) && has(theirs, f, id)).length;
  const onlyOurs = treeFiles.filter((f) => has(ours, f, id) && !has(theirs, f, id)).length;
  const onlyTheirs = treeFiles.filter((f) => !has(ours, f, id) && has(theirs, f, id)).length;
  if (total(ours) + total(theirs) === 0) continue;
  lines.push(`| ${id} | ${total(ours)} | ${total(theirs)} | ${both} | ${onlyOurs} | ${onlyTheirs} |`);
}
lines.push(
  '',
  `Wall time over all ${files.length} workflows: slipway ${oursMs.toFixed(0)} ms (in process), zizmor ${zzMs.toFixed(0)} ms (whole process).`,
);
if (invalid.length) lines.push('', `slipway rejected ${invalid.length} file(s): ${invalid.join('; ')}`);
console.log(lines.join('\n'));
// For npm run bench:all: the twins each tool gets right, and time.
const twins = (hits: Hits, side: 'vulnerable' | 'safe'): number =>
  Object.keys(TWINS).filter((id) => has(hits, `twins/${id}/${side}/.github/workflows/${id}.yml`, id)).length;
const zizmorName = `zizmor ${zzVersion.replace(/^zizmor /, '')}`;
const twinCount = Object.keys(TWINS).length;
recordRatio({
  bench: 'workflows-peer',
  measure: `vulnerable twins flagged, of ${twinCount}`,
  slipway: twins(ours, 'vulnerable'),
  peer: zizmorName,
  peerValue: twins(theirs, 'vulnerable'),
  better: 'higher',
});
recordRatio({
  bench: 'workflows-peer',
  measure: `safe twins flagged (false alarms), of ${twinCount}`,
  slipway: twins(ours, 'safe'),
  peer: zizmorName,
  peerValue: twins(theirs, 'safe'),
});
recordRatio({
  bench: 'workflows-peer',
  measure: `wall time, ${files.length} workflows`,
  slipway: oursMs,
  peer: zizmorName,
  peerValue: zzMs,
  unit: 'ms',
  note: 'slipway in process, the peer as a whole process',
});
if (args.includes('--write-readme'))
  writeBenchBlock('bench-workflows-peer', lines.join('\n'), 'npm run bench:workflows-peer -- --write-readme');
if (args.includes('--keep')) console.log(`files kept in ${base}`);
else rmSync(base, { recursive: true, force: true });
