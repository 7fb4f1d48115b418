import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { InputReader } from '@slipway/action-kit/lite';
import { parseInputs } from '../src/inputs.js';
import { metadata } from '../src/metadata.generated.js';
import { makeTree, removeTree } from '../../../test/harness.js';

const workspace = makeTree({ 'app/a.txt': 'x', 'dist/app.tar.gz': 'not really', 'file.txt': 'x' });
afterAll(() => removeTree(workspace));
const parse = (env: Record<string, string>) => parseInputs(new InputReader(metadata, env), workspace);

describe('security-scan inputs', () => {
  it('uses the action.yml defaults', () => {
    const i = parse({});
    expect(i.scanners).toStrictEqual(['secrets', 'dependencies', 'workflows']);
    expect(i.failOn).toBe('high');
    expect(i.osvApiUrl).toBe('https://api.osv.dev');
    expect(i.sarif).toBe(join(workspace, 'slipway-security.sarif'));
    expect(i.osvDb).toBeUndefined();
  });

  it('takes an artifact as the target and every other input', () => {
    const i = parse({
      INPUT_PATH: 'dist/app.tar.gz',
      INPUT_SCANNERS: 'secrets\nsecrets-history',
      'INPUT_FAIL-ON': 'none',
      INPUT_BASELINE: 'b.json',
      'INPUT_WRITE-BASELINE': 'out/b.json',
      INPUT_CONFIG: '.gitleaks.toml',
      'INPUT_OSV-DB': 'osv',
      'INPUT_HISTORY-SINCE': 'v1.2.0',
      INPUT_SARIF: 'out/s.sarif',
    });
    expect(i.target).toBe(join(workspace, 'dist/app.tar.gz'));
    expect(i.scanners).toStrictEqual(['secrets', 'secrets-history']);
    expect(i.failOn).toBe('none');
    expect(i.historySince).toBe('v1.2.0');
  });

  const bad: [Record<string, string>, string, RegExp][] = [
    [{ INPUT_PATH: 'nope' }, 'path', /does not exist/],
    [{ INPUT_PATH: 'missing.tar.gz' }, 'path', /does not exist/],
    [{ INPUT_PATH: '../x' }, 'path', /outside the workspace/],
    [
      { INPUT_SCANNERS: 'secrets,viruses' },
      'scanners',
      /'viruses' is not a scanner\. Use one or more of: secrets, secrets-history, dependencies, workflows\./,
    ],
    [{ INPUT_SCANNERS: ' , ' }, 'scanners', /names no scanner/],
    [{ 'INPUT_FAIL-ON': 'severe' }, 'fail-on', /Use one of: critical, high, medium, low, none/],
    [{ INPUT_BASELINE: '../b.json' }, 'baseline', /points outside the workspace/],
    [{ 'INPUT_WRITE-BASELINE': '../b.json' }, 'write-baseline', /outside the workspace/],
    [{ INPUT_CONFIG: '../../etc/gitleaks.toml' }, 'config', /outside the workspace/],
    [{ 'INPUT_OSV-DB': '../osv' }, 'osv-db', /points outside the workspace/],
    [{ 'INPUT_OSV-API-URL': 'ftp://osv' }, 'osv-api-url', /not an http\(s\) URL/],
    [{ 'INPUT_HISTORY-SINCE': 'main; rm -rf /' }, 'history-since', /not a git revision/],
    [{ INPUT_SARIF: '/dev/zero' }, 'sarif', /is a device; a file is written there/],
    [{ 'INPUT_WRITE-BASELINE': '/dev/zero' }, 'write-baseline', /is a device/],
    [{ INPUT_PATH: '/dev/zero' }, 'path', /is a device, not a folder/],
  ];
  for (const [env, input, message] of bad) {
    it(`refuses ${input} = ${JSON.stringify(Object.values(env)[0])}`, () => {
      expect(() => parse(env)).toThrow(userError(input, message));
    });
  }
});
