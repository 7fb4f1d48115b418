// Every path input of security-scan as people write it: relative to the workspace, absolute
// inside it, absolute outside it (`${{ runner.temp }}/…`) and under `~`; then a scan run with every
// path in RUNNER_TEMP, which writes there and nothing into the workspace.
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { InputReader, nullLogger } from '@slipway/action-kit/lite';
import { userError } from '../../../test/matchers.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { parseInputs } from '../src/inputs.js';
import { run } from '../src/main.js';
import { metadata } from '../src/metadata.generated.js';

const LODASH_LOCK = JSON.stringify(
  {
    name: 'shop',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'shop', dependencies: { lodash: '^4.17.20' } },
      'node_modules/lodash': { version: '4.17.20' },
    },
  },
  null,
  2,
);
const LODASH_VULN = {
  id: 'GHSA-35jh-r3h4-6jhm',
  modified: '2024-01-01T00:00:00Z',
  summary: 'Command Injection in lodash',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
    },
  ],
};
const GITLEAKS = `[[rules]]\nid = "acme-key"\ndescription = "ACME API key"\nregex = '''acme_[a-z0-9]{24}'''\nkeywords = ["acme_"]\n`;
const SHOP = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { lodash: '^4.17.20' } }),
  'package-lock.json': LODASH_LOCK,
  'src/client.js': "export const key = 'acme_7qk2lm9zp4rt8wx3yv6nbh5j';\n",
};
const prefixed = (dir: string, files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

const workspace = makeTree({ ...prefixed('app', SHOP), 'dist/app.tar.gz': 'an archive', '.gitleaks.toml': GITLEAKS });
const runnerTemp = makeTree(
  {
    ...prefixed('checkout', SHOP),
    'app.tar.gz': 'an archive',
    'gitleaks.toml': GITLEAKS,
    'osv/npm/GHSA-35jh-r3h4-6jhm.json': JSON.stringify(LODASH_VULN),
  },
  'slipway-runner-temp-',
);
const home = makeTree({ 'scans/keep': '' }, 'slipway-home-');
symlinkSync(runnerTemp, join(workspace, 'escape'));
afterAll(() => [workspace, runnerTemp, home].forEach(removeTree));

const parse = (env: Record<string, string>) => parseInputs(new InputReader(metadata, env), workspace, home);

describe('security-scan path inputs', () => {
  // input, the field it fills, a value relative to the workspace, and one under RUNNER_TEMP.
  const inputs: [string, 'target' | 'baseline' | 'writeBaseline' | 'config' | 'osvDb' | 'sarif', string, string][] = [
    ['path', 'target', 'app', 'checkout'],
    ['path', 'target', 'dist/app.tar.gz', 'app.tar.gz'],
    ['baseline', 'baseline', 'baseline.json', 'baseline.json'],
    ['write-baseline', 'writeBaseline', 'out/baseline.json', 'out/baseline.json'],
    ['config', 'config', '.gitleaks.toml', 'gitleaks.toml'],
    ['osv-db', 'osvDb', 'osv', 'osv'],
    ['sarif', 'sarif', 'out/scan.sarif', 'out/scan.sarif'],
  ];
  for (const [input, field, rel, inTemp] of inputs) {
    const env = (value: string) => ({ [`INPUT_${input.toUpperCase()}`]: value });
    it(`${input}: takes ${rel} relative to the workspace`, () => {
      expect(parse(env(rel))[field]).toBe(join(workspace, rel));
    });
    it(`${input}: takes ${rel} as an absolute path inside the workspace`, () => {
      expect(parse(env(join(workspace, rel)))[field]).toBe(join(workspace, rel));
    });
    it(`${input}: takes $RUNNER_TEMP/${inTemp}, outside the workspace`, () => {
      expect(parse(env(join(runnerTemp, inTemp)))[field]).toBe(join(runnerTemp, inTemp));
    });
    if (input !== 'path')
      it(`${input}: takes ~/scans/${rel}`, () => {
        expect(parse(env(`~/scans/${rel}`))[field]).toBe(join(home, 'scans', rel));
      });
  }

  it('path: takes a folder under ~', () => {
    expect(parse({ INPUT_PATH: '~/scans' }).target).toBe(join(home, 'scans'));
  });

  it('puts the report beside the SARIF file, wherever that is', () => {
    expect(parse({ INPUT_SARIF: join(runnerTemp, 'out/scan.sarif') }).report).toBe(
      join(runnerTemp, 'out/scan.report.json'),
    );
    expect(parse({ INPUT_SARIF: '~/scans/x.sarif' }).report).toBe(join(home, 'scans/x.report.json'));
    expect(parse({ INPUT_SARIF: 'x.sarif' }).report).toBe(join(workspace, 'x.report.json'));
  });

  const refused: [Record<string, string>, string, RegExp][] = [
    [
      { INPUT_SARIF: join(workspace, 'escape/x.sarif') },
      'sarif',
      /leads outside the workspace through a symbolic link/,
    ],
    [{ 'INPUT_WRITE-BASELINE': join(workspace, 'escape/b.json') }, 'write-baseline', /through a symbolic link/],
    [{ INPUT_SARIF: 'escape/x.sarif' }, 'sarif', /through a symbolic link/],
    [{ INPUT_PATH: join(workspace, 'escape/checkout') }, 'path', /link that leads outside the workspace/],
    [{ INPUT_PATH: join(runnerTemp, 'missing.tar.gz') }, 'path', /does not exist/],
    [{ INPUT_PATH: join(runnerTemp, 'gitleaks.toml') }, 'path', /is a file, not a folder/],
    [{ INPUT_SARIF: join(runnerTemp, 'checkout') }, 'sarif', /is a folder/],
  ];
  for (const [env, input, message] of refused)
    it(`refuses ${input} = ${Object.values(env)[0]!.replace(runnerTemp, '$RUNNER_TEMP').replace(workspace, '$GITHUB_WORKSPACE')}`, () => {
      expect(() => parse(env)).toThrow(userError(input, message));
    });
});

describe('security-scan run with every path in RUNNER_TEMP', () => {
  async function scan(inputs: Record<string, string>): Promise<{ outputs: Record<string, string>; error: unknown }> {
    const env: Record<string, string> = { GITHUB_WORKSPACE: workspace };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const outputs: Record<string, string> = {};
    let error: unknown;
    try {
      await run({ env, logger: nullLogger, setOutput: (k, v) => (outputs[k] = String(v)), mask: () => {} });
    } catch (err) {
      error = err;
    }
    return { outputs, error };
  }

  it('names a SARIF file given absolutely inside the workspace relative to it', async () => {
    const r = await scan({
      path: 'app',
      scanners: 'secrets',
      'fail-on': 'none',
      sarif: join(workspace, 'reports/scan.sarif'),
    });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({ 'sarif-path': 'reports/scan.sarif', 'report-path': 'reports/scan.report.json' });
    expect(existsSync(join(workspace, 'reports/scan.sarif'))).toBe(true);
  });

  it('reads the config and OSV data there, writes SARIF, report and baseline there, and a second run accepts the baseline', async () => {
    const before = readdirSync(workspace).sort();
    const out = join(runnerTemp, 'out');
    const common = {
      path: join(runnerTemp, 'checkout'),
      scanners: 'secrets,dependencies',
      config: join(runnerTemp, 'gitleaks.toml'),
      'osv-db': join(runnerTemp, 'osv'),
      sarif: join(out, 'scan.sarif'),
    };
    const first = await scan({ ...common, 'fail-on': 'none', 'write-baseline': join(out, 'baseline.json') });
    expect(first.error).toBeUndefined();
    expect(readdirSync(out).sort()).toStrictEqual(['baseline.json', 'scan.report.json', 'scan.sarif']);
    expect(first.outputs).toMatchObject({
      'sarif-path': join(out, 'scan.sarif'),
      'report-path': join(out, 'scan.report.json'),
    });
    const report = JSON.parse(readFileSync(join(out, 'scan.report.json'), 'utf8')) as {
      findings: { rule: string; file: string }[];
    };
    expect(report.findings.map((f) => [f.rule, f.file]).sort()).toStrictEqual([
      ['GHSA-35jh-r3h4-6jhm', 'package-lock.json'],
      ['secret/custom-acme-key', 'src/client.js'],
    ]);

    const second = await scan({ ...common, 'fail-on': 'low', baseline: join(out, 'baseline.json') });
    expect(second.error).toBeUndefined();
    expect(second.outputs).toMatchObject({ findings: '0', 'new-findings': '0', passed: 'true' });
    expect(readdirSync(workspace).sort()).toStrictEqual(before);
    expect(existsSync(join(workspace, 'slipway-security.sarif'))).toBe(false);
  });
});
