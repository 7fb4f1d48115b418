import { describe, expect, it } from '@jest/globals';
import { auditWorkflow } from '../src/index.js';

const SHA = 'a'.repeat(40);
const head = (on: string, extra = 'permissions:\n  contents: read\n'): string => `name: t\non: ${on}\n${extra}jobs:\n`;

interface Twin {
  rule: string;
  vulnerable: string;
  safe: string;
  line?: number;
  severity?: string;
  /** Findings of other rules the safe twin keeps on purpose (its trigger, say). */
  safeAlso?: string[];
}

const TWINS: Twin[] = [
  {
    rule: 'template-injection',
    vulnerable: `${head('issues')}  greet:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "Thanks for ${'${{ github.event.issue.title }}'}"\n`,
    safe: `${head('issues')}  greet:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "Thanks for $TITLE"\n        env:\n          TITLE: ${'${{ github.event.issue.title }}'}\n`,
    line: 9,
    severity: 'high',
  },
  {
    rule: 'template-injection',
    vulnerable: `${head('pull_request_target')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/github-script@${SHA}\n        with:\n          script: |\n            console.log("${'${{ github.head_ref }}'}")\n`,
    safe: `${head('pull_request_target')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/github-script@${SHA}\n        env:\n          REF: ${'${{ github.head_ref }}'}\n        with:\n          script: console.log(process.env.REF)\n`,
    severity: 'critical',
    safeAlso: ['workflow/dangerous-trigger'],
  },
  {
    rule: 'unpinned-action',
    vulnerable: `${head('push')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: some-org/deploy-action@v2\n`,
    // `$/path` is GitHub's newer spelling of `./path`: the repository's own action, nothing to pin.
    safe: `${head('push')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: some-org/deploy-action@${SHA} # v2\n      - uses: ./local-action\n      - uses: $/local-action\n`,
    line: 9,
    severity: 'medium',
  },
  {
    rule: 'excessive-permissions',
    vulnerable: `${head('push', '')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
    safe: `${head('push', '')}  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - run: make\n`,
  },
  {
    rule: 'excessive-permissions',
    vulnerable: `${head('push', 'permissions: write-all\n')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
    safe: `${head('push', 'permissions:\n  contents: write\n')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
    severity: 'high',
  },
  {
    rule: 'dangerous-trigger',
    vulnerable: `${head('pull_request_target')}  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${SHA}\n        with:\n          ref: ${'${{ github.event.pull_request.head.sha }}'}\n      - run: npm test\n`,
    safe: `${head('pull_request')}  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${SHA}\n        with:\n          ref: ${'${{ github.event.pull_request.head.sha }}'}\n          persist-credentials: false\n      - run: npm test\n`,
    severity: 'critical',
  },
  {
    rule: 'persisted-credentials',
    vulnerable: `${head('push')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${SHA}\n      - uses: actions/upload-artifact@${SHA}\n        with:\n          path: .\n`,
    safe: `${head('push')}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${SHA}\n        with:\n          persist-credentials: false\n      - uses: actions/upload-artifact@${SHA}\n        with:\n          path: .\n`,
  },
  {
    rule: 'secrets-inherit',
    vulnerable: `${head('push')}  call:\n    uses: org/repo/.github/workflows/deploy.yml@${SHA}\n    secrets: inherit\n`,
    safe: `${head('push')}  call:\n    uses: org/repo/.github/workflows/deploy.yml@${SHA}\n    secrets:\n      token: ${'${{ secrets.DEPLOY_TOKEN }}'}\n`,
  },
];

describe('workflow audit', () => {
  for (const t of TWINS) {
    it(`${t.rule}: flags the vulnerable twin and passes the safe one`, () => {
      const bad = auditWorkflow(t.vulnerable, '.github/workflows/x.yml').filter(
        (f) => f.rule.id === `workflow/${t.rule}`,
      );
      expect(bad.length).toBe(1);
      if (t.line) expect(bad[0]!.line).toBe(t.line);
      if (t.severity) expect(bad[0]!.severity).toBe(t.severity);
      expect(auditWorkflow(t.safe, '.github/workflows/x.yml').map((f) => f.rule.id)).toStrictEqual(t.safeAlso ?? []);
    });
  }

  it('audits composite actions for inputs expanded into run', () => {
    const action = `name: a\nruns:\n  using: composite\n  steps:\n    - run: echo ${'${{ inputs.message }}'}\n      shell: bash\n`;
    const f = auditWorkflow(action, 'action.yml');
    expect(f.map((x) => [x.rule.id, x.severity, x.line])).toStrictEqual([['workflow/template-injection', 'medium', 5]]);
  });

  it('keeps fingerprints when lines move', () => {
    const a = auditWorkflow(TWINS[0]!.vulnerable, '.github/workflows/x.yml')[0]!;
    const b = auditWorkflow(
      TWINS[0]!.vulnerable.replace('jobs:\n', '# a comment\n\njobs:\n'),
      '.github/workflows/x.yml',
    )[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(b.line).toBe(a.line + 2);
  });

  it('reports a file that does not parse with its line', () => {
    expect(() => auditWorkflow('on: push\njobs:\n  a: [\n', 'x.yml')).toThrow(
      expect.objectContaining({ line: expect.any(Number) }),
    );
  });

  it('our own workflows pass', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { REPO } = await import('../../../test/harness.js');
    for (const f of readdirSync(`${REPO}/.github/workflows`)) {
      const findings = auditWorkflow(readFileSync(`${REPO}/.github/workflows/${f}`, 'utf8'), `.github/workflows/${f}`);
      expect(findings.map((x) => `${x.rule.id} ${x.message}`)).toStrictEqual([]);
    }
  });
});
