import { describe, expect, it } from '@jest/globals';
import { auditWorkflow } from '../src/workflows/audit.js';

const SHA = 'b'.repeat(40);
const DIGEST = `sha256:${'c'.repeat(64)}`;
const FILE = '.github/workflows/x.yml';

/** A hardened workflow head: the given trigger, read-only token, then `jobs:`. */
const head = (on: string): string => `name: t\non: ${on}\npermissions:\n  contents: read\njobs:\n`;
/** A job on a GitHub-hosted runner with the given steps (already indented as list items). */
const job = (id: string, steps: string, extra = ''): string =>
  `  ${id}:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;
const checkout = `      - uses: actions/checkout@${SHA}\n        with:\n          persist-credentials: false\n`;

/** The 1-based lines of the markers `# <-` in a workflow: where the findings must point. */
function marked(text: string): number[] {
  const lines = text.split('\n').flatMap((l, i) => (l.includes('# <-') ? [i + 1] : []));
  if (!lines.length) throw new Error('twin without a # <- marker');
  return lines;
}

interface Twin {
  name: string;
  rule: string;
  vulnerable: string;
  safe: string;
  severity: string;
  /** The finding's line where a `# <-` marker cannot go (inside a block scalar). */
  line?: number;
  /** Other rules the safe twin keeps on purpose (its privileged trigger, say). */
  safeAlso?: string[];
}

const TWINS: Twin[] = [
  // item 6: bugs
  {
    name: 'a `}` inside a string literal does not end the expression',
    rule: 'template-injection',
    vulnerable:
      head('issues') + job('a', `      - run: echo "\${{ format('}{0}', github.event.issue.title) }}" # <-\n`),
    safe:
      head('issues') +
      job('a', `      - run: echo "$T"\n        env:\n          T: \${{ format('}{0}', github.event.issue.title) }}\n`),
    severity: 'high',
  },
  {
    name: 'an && / || chain yields its operand',
    rule: 'template-injection',
    vulnerable:
      head('issues') +
      job(
        'a',
        `      - run: echo "\${{ github.event_name == 'issues' && github.event.issue.title || 'none' }}" # <-\n`,
      ),
    safe:
      head('issues') +
      job(
        'a',
        `      - run: echo "\${{ github.event.issue.title == 'x' }} \${{ contains(github.event.issue.body, 'y') }} \${{ github.event.pull_request.number }} \${{ !github.event.issue.title }}"\n`,
      ),
    severity: 'high',
  },
  {
    name: 'string dispatch inputs are injections, boolean and choice inputs are not',
    rule: 'template-injection',
    vulnerable:
      `name: t\non:\n  workflow_dispatch:\n    inputs:\n      note:\n        type: string\npermissions:\n  contents: read\njobs:\n` +
      job('a', `      - run: echo "\${{ inputs.note }}" # <-\n`),
    safe:
      `name: t\non:\n  workflow_dispatch:\n    inputs:\n      dry:\n        type: boolean\n      env:\n        type: choice\n        options: [a, b]\npermissions:\n  contents: read\njobs:\n` +
      job('a', `      - run: echo "\${{ inputs.dry }} \${{ github.event.inputs.env }}"\n`),
    severity: 'medium',
  },
  {
    name: 'a block-scalar `uses: |` pinned by SHA is pinned',
    rule: 'unpinned-action',
    vulnerable: head('push') + job('a', `      - uses: |\n          some-org/act@v1\n`),
    line: 10,
    safe: head('push') + job('a', `      - uses: |\n          some-org/act@${SHA}\n`),
    severity: 'medium',
  },
  // item 5: sinks, anchors, reusable workflows, permissions, triggers, checkout
  {
    name: 'azure/cli inlineScript is a sink',
    rule: 'template-injection',
    vulnerable:
      head('pull_request') +
      job(
        'a',
        `      - uses: azure/cli@${SHA}\n        with:\n          inlineScript: |\n            az group list\n            echo \${{ github.head_ref }} # <-\n`,
      ),
    safe:
      head('pull_request') +
      job(
        'a',
        `      - uses: azure/cli@${SHA}\n        env:\n          REF: \${{ github.head_ref }}\n        with:\n          inlineScript: echo "$REF"\n`,
      ),
    severity: 'high',
  },
  {
    name: 'azure/powershell inlineScript is a sink',
    rule: 'template-injection',
    vulnerable:
      head('issue_comment') +
      job(
        'a',
        `      - uses: Azure/powershell@${SHA}\n        with:\n          inlineScript: Write-Host "\${{ github.event.comment.body }}" # <-\n`,
      ),
    safe:
      head('issue_comment') +
      job(
        'a',
        `      - uses: Azure/powershell@${SHA}\n        env:\n          BODY: \${{ github.event.comment.body }}\n        with:\n          inlineScript: Write-Host $env:BODY\n`,
      ),
    severity: 'high',
    safeAlso: ['workflow/dangerous-trigger'],
  },
  {
    name: 'mikefarah/yq cmd is a sink',
    rule: 'template-injection',
    vulnerable:
      head('pull_request') +
      job(
        'a',
        `      - uses: mikefarah/yq@${SHA}\n        with:\n          cmd: yq '.version = "\${{ github.event.pull_request.title }}"' x.yml # <-\n`,
      ),
    safe:
      head('pull_request') +
      job('a', `      - uses: mikefarah/yq@${SHA}\n        with:\n          cmd: yq '.version = strenv(V)' x.yml\n`),
    severity: 'high',
  },
  {
    name: 'pwsh run scripts are sinks',
    rule: 'template-injection',
    vulnerable:
      head('pull_request') +
      job(
        'a',
        `      - shell: pwsh\n        run: |\n          Write-Host "\${{ github.event.pull_request.head.ref }}" # <-\n`,
      ),
    safe:
      head('pull_request') +
      job(
        'a',
        `      - shell: pwsh\n        env:\n          REF: \${{ github.event.pull_request.head.ref }}\n        run: Write-Host $env:REF\n`,
      ),
    severity: 'high',
  },
  {
    name: 'a context behind a merge key is followed',
    rule: 'template-injection',
    vulnerable:
      head('issues') +
      job('a', `      - &greet\n        run: echo ok\n`) +
      job('b', `      - <<: *greet\n        run: echo "\${{ github.event.issue.body }}" # <-\n`),
    safe:
      head('issues') +
      job('a', `      - &greet\n        run: echo ok\n`) +
      job('b', `      - <<: *greet\n        name: again\n`),
    severity: 'high',
  },
  {
    name: 'a reusable workflow called at job level must be pinned',
    rule: 'unpinned-action',
    vulnerable: `${head('push')}  call:\n    uses: other-org/ci/.github/workflows/build.yml@main # <-\n`,
    safe: `${head('push')}  call:\n    uses: other-org/ci/.github/workflows/build.yml@${SHA}\n  local:\n    uses: ./.github/workflows/build.yml\n`,
    severity: 'medium',
  },
  {
    name: 'read-all at the top',
    rule: 'excessive-permissions',
    vulnerable: `name: t\non: push\npermissions: read-all # <-\njobs:\n${job('a', '      - run: make\n')}`,
    safe: `name: t\non: push\npermissions:\n  contents: read\njobs:\n${job('a', '      - run: make\n')}`,
    severity: 'medium',
  },
  {
    name: 'workflow-level write scopes are judged per job',
    rule: 'excessive-permissions',
    vulnerable: `name: t\non: push\npermissions:\n  contents: write\n  id-token: write\njobs:\n  release: # <-\n    runs-on: ubuntu-latest\n    steps:\n      - run: make release\n  test:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - run: make test\n  lint: # <-\n    runs-on: ubuntu-latest\n    steps:\n      - run: make lint\n`,
    safe: `name: t\non: push\npermissions:\n  contents: read\njobs:\n${job('release', '      - run: make release\n', '    permissions:\n      contents: write\n      id-token: write\n')}${job('lint', '      - run: make lint\n')}`,
    severity: 'medium',
  },
  {
    name: 'issue_comment is reported even without a checkout',
    rule: 'dangerous-trigger',
    vulnerable: `name: t\non:\n  issue_comment: # <-\n    types: [created]\npermissions:\n  contents: read\njobs:\n${job('a', '      - run: echo hi\n')}`,
    safe: `name: t\non:\n  issues:\n    types: [opened]\npermissions:\n  contents: read\njobs:\n${job('a', '      - run: echo hi\n')}`,
    severity: 'medium',
  },
  {
    name: 'issue_comment running gh pr checkout is critical',
    rule: 'dangerous-trigger',
    vulnerable:
      head('issue_comment') +
      job(
        'a',
        `${checkout}      - run: | # <-\n          gh pr checkout \${{ github.event.issue.number }}\n          make test\n`,
      ),
    safe:
      head('pull_request') +
      job(
        'a',
        `${checkout}      - run: |\n          gh pr checkout \${{ github.event.pull_request.number }}\n          make test\n`,
      ),
    severity: 'critical',
  },
  {
    name: 'every checkout without persist-credentials: false',
    rule: 'persisted-credentials',
    vulnerable: head('push') + job('a', `      - uses: actions/checkout@${SHA} # <-\n      - run: make\n`),
    safe: head('push') + job('a', `${checkout}      - run: make\n`),
    severity: 'low',
  },
  {
    name: 'a later docker build can ship .git/config',
    rule: 'persisted-credentials',
    vulnerable:
      head('push') + job('a', `      - uses: actions/checkout@${SHA} # <-\n      - run: docker build -t app .\n`),
    safe: head('push') + job('a', `${checkout}      - run: docker build -t app .\n`),
    severity: 'medium',
  },
  // item 7: new audits
  {
    name: 'container image by tag',
    rule: 'unpinned-image',
    vulnerable: head('push') + job('a', '      - run: make\n', '    container:\n      image: node:20 # <-\n'),
    safe: head('push') + job('a', '      - run: make\n', `    container:\n      image: node:20@${DIGEST}\n`),
    severity: 'medium',
  },
  {
    name: 'service image with no tag floats on latest',
    rule: 'unpinned-image',
    vulnerable: head('push') + job('a', '      - run: make\n', '    services:\n      db: postgres # <-\n'),
    safe:
      head('push') + job('a', '      - run: make\n', `    services:\n      db:\n        image: postgres@${DIGEST}\n`),
    severity: 'high',
  },
  {
    name: 'toJSON(secrets)',
    rule: 'overprovisioned-secrets',
    vulnerable:
      head('push') + job('a', `      - run: ./deploy\n        env:\n          ALL: \${{ toJSON(secrets) }} # <-\n`),
    safe:
      head('push') + job('a', `      - run: ./deploy\n        env:\n          TOKEN: \${{ secrets.DEPLOY_TOKEN }}\n`),
    severity: 'medium',
  },
  {
    name: 'PyPI publishing with a password',
    rule: 'use-trusted-publishing',
    vulnerable:
      head('release') +
      job(
        'pub',
        `      - uses: pypa/gh-action-pypi-publish@${SHA} # <-\n        with:\n          password: \${{ secrets.PYPI_TOKEN }}\n`,
      ),
    safe:
      head('release') +
      job('pub', `      - uses: pypa/gh-action-pypi-publish@${SHA}\n`, '    permissions:\n      id-token: write\n'),
    severity: 'low',
  },
  {
    name: 'npm publish with NODE_AUTH_TOKEN',
    rule: 'use-trusted-publishing',
    vulnerable:
      head('release') +
      job('pub', `      - run: npm publish # <-\n        env:\n          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}\n`),
    safe:
      head('release') +
      job('pub', `      - run: npm publish --provenance\n`, '    permissions:\n      id-token: write\n'),
    severity: 'low',
  },
  {
    name: "github.actor == 'dependabot[bot]'",
    rule: 'bot-conditions',
    vulnerable:
      head('pull_request') +
      job('a', `      - if: github.actor == 'dependabot[bot]' # <-\n        run: gh pr merge --auto\n`),
    safe:
      head('pull_request') +
      job(
        'a',
        `      - if: github.event.pull_request.user.login == 'dependabot[bot]'\n        run: gh pr merge --auto\n`,
      ),
    severity: 'medium',
  },
  {
    name: 'outsider data through env into GITHUB_ENV',
    rule: 'github-env',
    vulnerable:
      head('pull_request') +
      job(
        'a',
        `      - env:\n          REF: \${{ github.head_ref }}\n        run: |\n          echo "BRANCH=$REF" >> "$GITHUB_ENV" # <-\n`,
      ),
    safe: head('pull_request') + job('a', `      - run: |\n          echo "BUILT=$(date +%s)" >> "$GITHUB_ENV"\n`),
    severity: 'high',
  },
  {
    name: 'a file from a workflow_run artifact into GITHUB_ENV',
    rule: 'github-env',
    vulnerable:
      head('workflow_run') +
      job('a', `      - run: |\n          echo "TITLE=$(cat pr/title.txt)" >> "$GITHUB_ENV" # <-\n`),
    safe: head('workflow_run') + job('a', `      - run: |\n          echo "BUILT=1" >> "$GITHUB_ENV"\n`),
    // The trigger itself is reported in both; the safe twin writes nothing from outside.
    safeAlso: ['workflow/dangerous-trigger'],
    severity: 'high',
  },
  {
    name: 'cache restored in a release workflow',
    rule: 'cache-poisoning',
    vulnerable:
      head('release') +
      job(
        'build',
        `${checkout}      - uses: actions/setup-node@${SHA} # <-\n        with:\n          cache: npm\n      - run: npm ci\n`,
      ),
    safe: head('release') + job('build', `${checkout}      - uses: actions/setup-node@${SHA}\n      - run: npm ci\n`),
    severity: 'medium',
  },
  {
    name: 'ACTIONS_ALLOW_UNSECURE_COMMANDS',
    rule: 'insecure-commands',
    vulnerable:
      head('push') +
      job('a', `      - run: make\n        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: true # <-\n`),
    safe: head('push') + job('a', `      - run: make\n        env:\n          CI: true\n`),
    severity: 'high',
  },
  {
    name: 'literal registry password',
    rule: 'hardcoded-container-credentials',
    vulnerable:
      head('push') +
      job(
        'a',
        '      - run: make\n',
        `    container:\n      image: ghcr.io/o/i@${DIGEST}\n      credentials:\n        username: bot\n        password: hunter2hunter2 # <-\n`,
      ),
    safe:
      head('push') +
      job(
        'a',
        '      - run: make\n',
        `    container:\n      image: ghcr.io/o/i@${DIGEST}\n      credentials:\n        username: bot\n        password: \${{ secrets.GHCR_PASSWORD }}\n`,
      ),
    severity: 'high',
  },
  {
    name: 'contains() on a string',
    rule: 'unsound-contains',
    vulnerable:
      head('push') +
      job('a', `      - if: contains('refs/heads/main refs/heads/next', github.ref) # <-\n        run: ./deploy\n`),
    safe:
      head('push') +
      job(
        'a',
        `      - if: contains(fromJSON('["refs/heads/main", "refs/heads/next"]'), github.ref)\n        run: ./deploy\n`,
      ),
    severity: 'medium',
  },
  {
    name: 'self-hosted runner on pull_request',
    rule: 'self-hosted-runner',
    vulnerable: `${head('pull_request')}  a:\n    runs-on: [self-hosted, linux] # <-\n    steps:\n      - run: make\n`,
    safe: `${head('push')}  a:\n    runs-on: [self-hosted, linux]\n    steps:\n      - run: make\n`,
    severity: 'medium',
  },
  {
    name: 'a uses: path with //',
    rule: 'obfuscation',
    vulnerable: head('push') + job('a', `      - uses: some-org/act//sub@${SHA} # <-\n`),
    safe: head('push') + job('a', `      - uses: some-org/act/sub@${SHA}\n      - uses: ./.github/actions/x\n`),
    severity: 'low',
  },
  {
    name: 'contexts indexed by string literals',
    rule: 'obfuscation',
    vulnerable: head('issues') + job('a', `      - run: echo "\${{ github['event']['issue']['number'] }}" # <-\n`),
    safe:
      head('issues') +
      job(
        'a',
        `      - if: \${{ true }}\n        run: echo "\${{ github.event.issue.number }} \${{ fromJSON('[1]')[0] }}"\n`,
      ),
    severity: 'low',
  },
];

describe('workflow audit twins', () => {
  for (const t of TWINS) {
    it(`${t.rule}: ${t.name}`, () => {
      const found = auditWorkflow(t.vulnerable, FILE).filter((f) => f.rule.id === `workflow/${t.rule}`);
      const lines = t.line ? [t.line] : marked(t.vulnerable);
      expect(found.map((f) => [f.line, f.severity])).toStrictEqual(lines.map((l) => [l, t.severity]));
      expect(found[0]!.rule.help.length).toBeGreaterThan(20);
      expect(auditWorkflow(t.safe, FILE).map((f) => `${f.rule.id} ${f.message}`)).toStrictEqual(
        (t.safeAlso ?? []).map((r) => expect.stringContaining(r)),
      );
    });
  }
});

describe('workflow audit: one finding per place, and files GitHub would reject', () => {
  it('reports a context used twice in one script once', () => {
    const w =
      head('issues') +
      job(
        'a',
        `      - run: |\n          echo "\${{ github.event.issue.title }}"\n          echo "\${{ github.event.issue.title }}"\n`,
      );
    const found = auditWorkflow(w, FILE);
    expect(found.map((f) => [f.rule.id, f.line])).toStrictEqual([['workflow/template-injection', 10]]);
    expect(new Set(found.map((f) => f.fingerprint)).size).toBe(found.length);
  });

  it('follows an alias to a script and names each job and step that uses it', () => {
    const w =
      head('issues') +
      job('a', `      - name: greet\n        run: &greet echo "\${{ github.event.issue.title }}"\n`) +
      job('b', `      - name: again\n        run: *greet\n`);
    const found = auditWorkflow(w, FILE);
    expect(found.map((f) => f.message)).toStrictEqual([
      expect.stringContaining('job a, step "greet"'),
      expect.stringContaining('job b, step "again"'),
    ]);
  });

  it('follows a merge key (`<<: *step`) into the job that reuses a step', () => {
    const w =
      head('issues') +
      job('a', `      - &greet\n        name: greet\n        run: echo "\${{ github.event.issue.body }}"\n`) +
      job('b', `      - <<: *greet\n        name: again\n`);
    expect(auditWorkflow(w, FILE).map((f) => [f.rule.id, f.message])).toStrictEqual([
      ['workflow/template-injection', expect.stringContaining('job a, step "greet"')],
      ['workflow/template-injection', expect.stringContaining('job b, step "again"')],
    ]);
  });

  it.each([
    [
      'a number as `uses:`',
      `${head('push')}${job('a', '      - uses: 123\n')}`,
      9,
      /`uses:` of step 1 in `a` must be a string/,
    ],
    ['a list where jobs belong', 'on: push\njobs:\n  - a\n  - b\n', 3, /`jobs:` must be a mapping/],
    ['a list where a job belongs', 'on: push\njobs:\n  a: [x]\n', 3, /job `a` must be a mapping/],
    [
      'steps that are not a list',
      `${head('push')}  a:\n    runs-on: x\n    steps:\n      run: make\n`,
      9,
      /`steps:` of `a` must be a list/,
    ],
    ['an empty file', '', 1, /the file is empty/],
    ['a comment only', '# nothing yet\n', 1, /the file is empty/],
    ['no trigger', 'jobs:\n  a:\n    runs-on: x\n', 1, /`on:` is missing/],
  ])('rejects %s with its line', (_name, text, line, message) => {
    expect(() => auditWorkflow(text, FILE)).toThrow(
      expect.objectContaining({ line, message: expect.stringMatching(message) }),
    );
  });

  it('every finding names its job and step and carries a fix', () => {
    for (const t of TWINS)
      for (const f of auditWorkflow(t.vulnerable, FILE)) {
        expect(f.message).toMatch(/\bjob \S+|step |workflow|runs with secrets/i);
        expect(f.rule.help).toMatch(/\S{3}/);
      }
  });
});
