import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { actionsExec, RecordingLogger } from '@slipway/action-kit/lite';
import { selectFiles, writeArchive } from '@slipway/artifact';
import { makeTree, removeTree } from '../../../test/harness.js';
import { sarifErrors } from '../../../test/schemas.js';
import {
  buildSarif,
  DEFAULT_RULES,
  gate,
  loadGitleaksConfig,
  MAX_RESULTS_PER_RUN,
  readBaseline,
  scan,
  scanHistory,
  SecretEngine,
  writeBaseline,
  writeSarif,
  type Finding,
} from '../src/index.js';
import { plants } from './corpus.js';

const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));
const tree = (files: Record<string, string>): string => {
  const t = makeTree(files);
  trees.push(t);
  return t;
};
const engine = new SecretEngine(DEFAULT_RULES);
const GITHUB = plants().find((p) => p.rule === 'github-token')!.line;
const AWS = plants().find((p) => p.rule === 'aws-access-key-id')!.line;
const secretOf = (line: string): string =>
  line
    .split(/[=:]\s*/)
    .pop()!
    .replace(/"/g, '');

describe('SARIF', () => {
  const findings = [...engine.scan(`${GITHUB}\n${AWS}\n`, 'app/.env', 1)];
  const wf: Finding = {
    scanner: 'workflows',
    rule: { id: 'workflow/unpinned-action', name: 'n', description: 'd', help: 'h', severity: 'medium' },
    severity: 'medium',
    message: 'm',
    file: '.github/workflows/ci.yml',
    line: 3,
    fingerprint: 'f'.repeat(32),
  };

  it('meets the SARIF 2.1.0 schema with one run and one category per scanner', () => {
    const { log } = buildSarif([...findings, wf], ['secrets', 'dependencies', 'workflows'], '0.1.0');
    expect(sarifErrors(log)).toStrictEqual([]);
    expect(log.runs.map((r) => r.automationDetails?.id)).toStrictEqual([
      'slipway/secrets/',
      'slipway/dependencies/',
      'slipway/workflows/',
    ]);
    const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'secret/github-token')!;
    expect(rule.properties!['security-severity']).toBe('9.5');
    expect(rule.help!.text).toMatch(/Revoke the credential/);
    expect(log.runs[0]!.results![0]!.ruleIndex).toBe(
      log.runs[0]!.tool.driver.rules!.findIndex((r) => r.id === log.runs[0]!.results![0]!.ruleId),
    );
  });

  it('never holds the secret, and keeps fingerprints when the line moves', () => {
    const a = buildSarif(engine.scan(`${GITHUB}\n`, 'app/.env', 1), ['secrets'], '0').log;
    const b = buildSarif(engine.scan(`\n\n${GITHUB}\n`, 'app/.env', 1), ['secrets'], '0').log;
    expect(JSON.stringify(a)).not.toContain(secretOf(GITHUB));
    expect(a.runs[0]!.results![0]!.partialFingerprints).toStrictEqual(b.runs[0]!.results![0]!.partialFingerprints);
    expect(b.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine).toBe(3);
  });

  it('keeps the most severe 25,000 results of a run', () => {
    const many: Finding[] = Array.from({ length: MAX_RESULTS_PER_RUN + 10 }, (_, i) => ({
      ...wf,
      severity: i < 10 ? 'critical' : 'low',
      line: i + 1,
      fingerprint: String(i),
    }));
    const built = buildSarif(many.reverse(), ['workflows'], '0');
    expect(built.dropped).toBe(10);
    expect(built.log.runs[0]!.results!.filter((r) => r.level === 'error').length).toBe(10);
  });

  it('writes the file atomically and drops the least severe results to fit a size limit', async () => {
    const dir = tree({});
    const many: Finding[] = Array.from({ length: 2000 }, (_, i) => ({
      ...wf,
      severity: i < 5 ? 'critical' : 'low',
      message: `m${i} ${'x'.repeat(200)}`,
      line: i + 1,
      fingerprint: `${i}`.padStart(32, '0'),
    }));
    const dropped = await writeSarif(join(dir, 'out.sarif'), many, ['workflows'], '0', 20_000);
    expect(dropped).toBeGreaterThan(0);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(log.runs[0].results.filter((r: { level: string }) => r.level === 'error').length).toBe(5); // every critical result kept
  });
});

describe('gate and baseline', () => {
  const findings = engine.scan(`${GITHUB}\n${plants().find((p) => p.rule === 'jwt')!.line}\n`, 'a.env', 1);

  it('fails at or above fail-on with a one-sentence reason, and passes with none', () => {
    const g = gate(findings, undefined, 'high');
    expect(g.passed).toBe(false);
    expect(g.reason).toMatch(
      /^1 finding at or above high \(1 critical\), the worst: GitHub token: ghp_…\(40 chars\) in a\.env:1\.$/,
    );
    expect(g.counts).toStrictEqual({ critical: 1, high: 0, medium: 1, low: 0 });
    expect(gate(findings, undefined, 'none').passed).toBe(true);
    expect(gate(findings, undefined, 'medium').reason).toMatch(/^2 findings at or above medium/);
  });

  it('reports baselined findings but never fails on them', async () => {
    const dir = tree({});
    await writeBaseline(join(dir, 'b.json'), findings);
    const g = gate(findings, readBaseline(join(dir, 'b.json')), 'low');
    expect(g.passed).toBe(true);
    expect(g.baselined).toBe(2);
    expect(g.reason).toMatch(/2 accepted by the baseline/);
  });

  it('refuses a malformed baseline with the position', () => {
    const dir = tree({ 'b.json': '{"version": 1,\n "findings": [}' });
    expect(() => readBaseline(join(dir, 'b.json'))).toThrow(userError('baseline', /line 2, column 15/));
    writeFileSync(join(dir, 'c.json'), '{"version": 2, "findings": []}');
    expect(() => readBaseline(join(dir, 'c.json'))).toThrow(/not a slipway baseline/);
  });
});

describe('gitleaks configuration', () => {
  it('adds rules (with (?i) and secretGroup) and allow-lists', () => {
    const dir = tree({
      'gitleaks.toml': `title = "x"\n\n[[rules]]\nid = "acme-key"\ndescription = "Acme key"\nregex = '''(?i)acme[_-]?key\\s*=\\s*['"]?(acme_[a-z0-9]{20})'''\nsecretGroup = 1\nkeywords = ["acme"]\n\n[allowlist]\npaths = ['''fixtures/''']\nregexes = ['''acme_allowed''']\n`,
    });
    const cfg = loadGitleaksConfig(join(dir, 'gitleaks.toml'));
    const e = new SecretEngine([...DEFAULT_RULES, ...cfg.rules], cfg.allow);
    const hit = e.scan('ACME_KEY = "acme_7Qk2Lm9Zp4Rt8Wx3Yv6N"\n', 'src/a.py', 1); // slipway:allow
    expect(hit.map((f) => [f.rule.id, f.message])).toStrictEqual([
      ['secret/custom-acme-key', 'Acme key: acme…(25 chars)'],
    ]);
    expect(e.scan('acme_key = acme_allowed0123456789abcd\n', 'src/a.py', 1)).toStrictEqual([]);
    expect(e.pathAllowed('fixtures/x.txt')).toBe(true);
  });

  it('names the line of invalid TOML and the rule of an invalid regex', () => {
    const dir = tree({
      'bad.toml': '[[rules]]\nid = "x"\nregex = "unterminated\n',
      'badre.toml': '[[rules]]\nid = "broken"\nregex = "([a-z"\n',
    });
    expect(() => loadGitleaksConfig(join(dir, 'bad.toml'))).toThrow(userError('config', /line 3/));
    expect(() => loadGitleaksConfig(join(dir, 'badre.toml'))).toThrow(
      /rules\[0\] \(broken\): the regex .* is not valid/,
    );
  });
});

describe('history and artifacts', () => {
  it('finds a secret a commit added, even after a later commit removed it, and honours history-since', async () => {
    const repo = tree({ 'README.md': 'hi\n' });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'one');
    const base = git('rev-parse', 'HEAD').trim();
    mkdirSync(join(repo, 'config'));
    writeFileSync(join(repo, 'config', 'ci.env'), `A=1\n${GITHUB}\n`);
    git('add', '-A');
    git('commit', '-qm', 'add config');
    writeFileSync(join(repo, 'config', 'ci.env'), 'A=1\n');
    git('commit', '-qam', 'remove it');
    const all = await scanHistory(engine, actionsExec, repo);
    expect(all.commits).toBe(3);
    expect(all.findings.map((f) => [f.file, f.line, f.scanner])).toStrictEqual([
      ['config/ci.env', 2, 'secrets-history'],
    ]);
    expect(all.findings[0]!.message).toMatch(/\(added in [0-9a-f]{7}\)$/);
    const since = await scanHistory(engine, actionsExec, repo, git('rev-parse', 'HEAD~0').trim());
    expect(since.findings).toStrictEqual([]);
    const fromBase = await scanHistory(engine, actionsExec, repo, base);
    expect(fromBase.findings.length).toBe(1);
  });

  it('scans a built .tar.gz without extracting it', async () => {
    const src = tree({
      'dist/app.js': `const k = 1;\n${AWS}\n`,
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/lodash': { version: '4.17.20' } },
      }),
      'action.yml': `runs:\n  using: composite\n  steps:\n    - run: echo ${'${{ inputs.x }}'}\n`,
    });
    const db = tree({
      'l.json': JSON.stringify({
        id: 'GHSA-x',
        affected: [
          {
            package: { ecosystem: 'npm', name: 'lodash' },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
          },
        ],
      }),
    });
    const out = tree({});
    const archive = join(out, 'app-1.0.0.tar.gz');
    await writeArchive({
      entries: selectFiles({ root: src, include: ['**'], exclude: [], never: [] }).entries,
      archivePath: archive,
      mtime: 0,
    });
    const r = await scan(
      { target: archive, scanners: ['secrets', 'dependencies', 'workflows'], osv: { kind: 'offline', path: db } },
      { exec: actionsExec, logger: new RecordingLogger() },
    );
    expect(r.findings.map((f) => `${f.scanner} ${f.rule.id} ${f.file}:${f.line}`).sort()).toStrictEqual([
      'dependencies GHSA-x app-1.0.0.tar.gz!/package-lock.json:1',
      'secrets secret/aws-access-key-id app-1.0.0.tar.gz!/dist/app.js:2',
      'workflows workflow/template-injection app-1.0.0.tar.gz!/action.yml:4',
    ]);
  });
});
