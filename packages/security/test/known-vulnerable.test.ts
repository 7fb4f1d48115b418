import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ManualClock, RecordingLogger, type Exec } from '@slipway/action-kit/lite';
import { makeTree, removeTree } from '../../../test/harness.js';
import { scan, type OsvRecord, type OsvSource } from '../src/index.js';
import { actionReferences } from '../src/workflows/known-vulnerable.js';

// Two advisories in the OSV format GitHub's advisory database publishes for the `GitHub Actions`
// ecosystem (ids, ranges and scores as in the public records; text shortened).
const COMPROMISED: OsvRecord = {
  id: 'GHSA-mrrh-fwg8-r2c3',
  modified: '2025-03-20T00:00:00Z',
  aliases: ['CVE-2025-30066'],
  summary:
    'tj-actions changed-files through 45.0.7 allows remote attackers to discover secrets by reading actions logs',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:N' }],
  affected: [
    {
      package: { ecosystem: 'GitHub Actions', name: 'tj-actions/changed-files' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '46.0.1' }] }],
    },
  ],
};
const INJECTION: OsvRecord = {
  id: 'GHSA-mcph-m25j-8j63',
  modified: '2024-01-12T00:00:00Z',
  aliases: ['CVE-2023-51664'],
  summary: 'tj-actions/changed-files vulnerable to command injection via file names',
  database_specific: { severity: 'HIGH' },
  affected: [
    {
      package: { ecosystem: 'GitHub Actions', name: 'tj-actions/changed-files' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '41' }] }],
    },
  ],
};

const SHA = 'a'.repeat(40);
const WORKFLOW = `name: ci
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: exact
        uses: tj-actions/changed-files@v45.0.7
      - name: pinned with its version
        uses: tj-actions/changed-files@${SHA} # v40.1.0
      - name: floating, compromised line
        uses: tj-actions/changed-files@v45
      - name: floating, fixed within the line
        uses: tj-actions/changed-files@v46
      - name: fixed
        uses: TJ-Actions/Changed-Files@v46.0.1
      - name: unknown version
        uses: tj-actions/changed-files@${SHA}
      - name: branch
        uses: tj-actions/changed-files@main
      - uses: ./local-action
      - uses: docker://alpine:3.20
  release:
    uses: tj-actions/changed-files/.github/workflows/release.yml@v44.0.0
`;

const noExec: Exec = () => Promise.reject(new Error('no command runs in this test'));

describe('actionReferences', () => {
  it('reads each reference with the version it resolves to offline, at its line', () => {
    const refs = actionReferences(WORKFLOW, '.github/workflows/ci.yml');
    expect(refs.map((r) => [r.line, r.name, r.version, r.series?.to ?? null])).toStrictEqual([
      [9, 'tj-actions/changed-files', '45.0.7', null],
      [11, 'tj-actions/changed-files', '40.1.0', null],
      [13, 'tj-actions/changed-files', '45.0.0', '46.0.0'],
      [15, 'tj-actions/changed-files', '46.0.0', '47.0.0'],
      [17, 'TJ-Actions/Changed-Files', '46.0.1', null],
      [25, 'tj-actions/changed-files', '44.0.0', null],
    ]);
  });

  it("reads Renovate's tag= comment and a minor line", () => {
    const refs = actionReferences(
      `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: o/r@${SHA} # tag=v3.0.2\n      - uses: o/r@v2.4\n`,
      'w/.github/workflows/a.yml',
    );
    expect(refs.map((r) => [r.version, r.series ?? null])).toStrictEqual([
      ['3.0.2', null],
      ['2.4.0', { from: '2.4.0', to: '2.5.0' }],
    ]);
  });

  it('reads nothing from a file that is not a workflow', () => {
    expect(actionReferences('[', 'a/.github/workflows/x.yml')).toStrictEqual([]);
  });
});

describe('known-vulnerable actions against offline OSV data', () => {
  const root = makeTree({ '.github/workflows/ci.yml': WORKFLOW });
  const db = join(root, '..', `${root.split('/').pop()}-osv`);
  mkdirSync(db, { recursive: true });
  writeFileSync(join(db, `${COMPROMISED.id}.json`), JSON.stringify(COMPROMISED));
  writeFileSync(join(db, `${INJECTION.id}.json`), JSON.stringify(INJECTION));
  afterAll(() => {
    removeTree(root);
    removeTree(db);
  });

  const run = async (scanners: ('workflows' | 'dependencies')[], osv: OsvSource) =>
    (await scan({ target: root, scanners, osv }, { exec: noExec, logger: new RecordingLogger() })).findings.filter(
      (f) => f.rule.id === 'workflow/known-vulnerable-action',
    );

  it('reports each affected reference once per advisory, with its line, severity and fix', async () => {
    const found = await run(['workflows'], { kind: 'offline', path: db });
    expect(found.map((f) => [f.line, f.message.match(/GHSA-[\w-]+/)![0], f.severity]).sort()).toStrictEqual(
      [
        [9, 'GHSA-mrrh-fwg8-r2c3', 'high'], // 45.0.7 < 46.0.1
        [11, 'GHSA-mcph-m25j-8j63', 'high'], // the SHA pin's comment says 40.1.0
        [11, 'GHSA-mrrh-fwg8-r2c3', 'high'],
        [13, 'GHSA-mrrh-fwg8-r2c3', 'high'], // every 45.x release is affected
        [25, 'GHSA-mrrh-fwg8-r2c3', 'high'], // the reusable workflow at 44.0.0
      ].sort(),
    );
    const exact = found.find((f) => f.line === 9)!;
    expect(exact.file).toBe('.github/workflows/ci.yml');
    expect(exact.message).toContain('step "exact"');
    expect(exact.message).toContain('Fixed in 46.0.1');
    expect(exact.rule.help).toMatch(/pin its commit SHA/);
  });

  it('also runs with the dependency scanner, from the same data', async () => {
    const found = await run(['workflows', 'dependencies'], { kind: 'offline', path: db });
    expect(found.length).toBe(5);
  });

  it('asks no API when only workflows are scanned and no osv-db is given', async () => {
    const calls: string[] = [];
    const osv: OsvSource = {
      kind: 'api',
      baseUrl: 'http://127.0.0.1:9',
      http: (url) => {
        calls.push(String(url));
        return Promise.reject(new Error('no network in this test'));
      },
      clock: new ManualClock(),
    };
    expect(await run(['workflows'], osv)).toStrictEqual([]);
    expect(calls).toStrictEqual([]);
  });

  it('warns, and still audits, when the workflow scanner alone is given OSV data without records', async () => {
    const empty = makeTree({ 'README.md': 'no records here\n' });
    const logger = new RecordingLogger();
    try {
      const r = await scan(
        { target: root, scanners: ['workflows'], osv: { kind: 'offline', path: empty } },
        { exec: noExec, logger },
      );
      expect(r.findings.some((f) => f.rule.id === 'workflow/unpinned-action')).toBe(true);
      expect(r.findings.filter((f) => f.rule.id === 'workflow/known-vulnerable-action')).toStrictEqual([]);
      expect(logger.records).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          message: expect.stringMatching(/known-vulnerable actions not checked: .*holds no OSV records/),
        }),
      );
    } finally {
      removeTree(empty);
    }
  });

  it('is quiet in a repository that pins fixed releases', async () => {
    const clean = makeTree({
      '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: tj-actions/changed-files@${SHA} # v46.0.1\n`,
    });
    try {
      const r = await scan(
        { target: clean, scanners: ['workflows'], osv: { kind: 'offline', path: db } },
        { exec: noExec, logger: new RecordingLogger() },
      );
      expect(r.findings.filter((f) => f.rule.id === 'workflow/known-vulnerable-action')).toStrictEqual([]);
    } finally {
      removeTree(clean);
    }
  });

  it('checks the workflows inside a built artifact too', async () => {
    const archive = join(db, 'site.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', root, '.github']);
    const r = await scan(
      { target: archive, scanners: ['workflows'], osv: { kind: 'offline', path: db } },
      { exec: noExec, logger: new RecordingLogger() },
    );
    expect(r.findings.filter((f) => f.rule.id === 'workflow/known-vulnerable-action').length).toBe(5);
  });
});
