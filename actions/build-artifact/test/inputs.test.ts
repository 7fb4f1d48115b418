import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { InputReader } from '@slipway/action-kit/lite';
import { parseInputs } from '../src/inputs.js';
import { metadata } from '../src/metadata.generated.js';
import { makeTree, removeTree } from '../../../test/harness.js';

const workspace = makeTree({ 'app/package.json': '{}', 'file.txt': 'x' });
symlinkSync('/tmp', join(workspace, 'escape'));
afterAll(() => removeTree(workspace));

const parse = (env: Record<string, string>) => parseInputs(new InputReader(metadata, env), workspace);

function failsOn(env: Record<string, string>, input: string, message: RegExp): void {
  expect(() => parse(env)).toThrow(userError(input, message));
}

describe('build-artifact inputs', () => {
  it('uses the action.yml defaults', () => {
    const i = parse({});
    expect(i.repoRel).toBe('.');
    expect(i.outputDir).toBe(join(workspace, '.slipway', 'artifacts'));
    expect([i.install, i.cache, i.upload, i.sbom, i.provenance, i.allowSecretFiles]).toStrictEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(i.stack).toBeUndefined();
    expect(i.include).toBeUndefined();
    expect(i.retentionDays).toBeUndefined();
    expect(i.sourceDateEpoch).toBeUndefined();
  });

  it('reads every input when set', () => {
    const stack = JSON.stringify({
      schemaVersion: 1,
      projects: [{ path: 'app', name: 'app', runtime: { name: 'node' }, commands: {} }],
    });
    const i = parse({
      INPUT_PATH: 'app',
      INPUT_STACK: stack,
      INPUT_PROJECT: 'app',
      INPUT_INSTALL: 'false',
      INPUT_COMMAND: 'none',
      INPUT_INCLUDE: 'dist/**\npackage.json',
      INPUT_EXCLUDE: '*.map',
      INPUT_NAME: 'web',
      'INPUT_OUTPUT-DIR': 'out',
      INPUT_VERSION: 'v1.2.3',
      'INPUT_SOURCE-DATE-EPOCH': '0',
      INPUT_CACHE: 'False',
      INPUT_UPLOAD: 'FALSE',
      'INPUT_RETENTION-DAYS': '90',
      INPUT_SBOM: 'false',
      INPUT_PROVENANCE: 'false',
      'INPUT_ALLOW-SECRET-FILES': 'true',
    });
    expect(i.repoRel).toBe('app');
    expect(i.outputDir).toBe(join(workspace, 'app', 'out'));
    expect(i.include).toStrictEqual(['dist/**', 'package.json']);
    expect(i.stack?.projects.length).toBe(1);
    expect([
      i.install,
      i.cache,
      i.upload,
      i.sbom,
      i.provenance,
      i.allowSecretFiles,
      i.sourceDateEpoch,
      i.retentionDays,
    ]).toStrictEqual([false, false, false, false, false, true, 0, 90]);
  });

  const bad: [Record<string, string>, string, RegExp][] = [
    [{ INPUT_PATH: 'nope' }, 'path', /'nope' does not exist/],
    [{ INPUT_PATH: '../..' }, 'path', /outside the workspace/],
    [{ INPUT_PATH: 'file.txt' }, 'path', /is a file, not a folder/],
    [{ INPUT_PATH: 'escape' }, 'path', /link that leads outside/],
    [
      { INPUT_STACK: '{"schemaVersion": 1,\n "projects": [}' },
      'stack',
      /is not valid JSON: .* at line 2, column 15\. Pass/,
    ],
    [
      { INPUT_STACK: '{"schemaVersion": 2, "projects": []}' },
      'stack',
      /not a detect-stack document: schemaVersion is 2, not 1/,
    ],
    [{ INPUT_STACK: '[]' }, 'stack', /not a detect-stack document/],
    [{ INPUT_STACK: 'null' }, 'stack', /not a detect-stack document: it is not an object/],
    [{ INPUT_STACK: '"text"' }, 'stack', /not a detect-stack document: it is not an object/],
    [
      { INPUT_STACK: '{"schemaVersion": 1, "projects": [{"path": 1}]}' },
      'stack',
      /projects\[0\]\.path is a number, not a string/,
    ],
    [
      { INPUT_STACK: '{"schemaVersion": 1, "projects": [{"path": ".", "runtime": {"name": "node"}, "commands": {}}]}' },
      'stack',
      /projects\[0\]\.name is missing/,
    ],
    [
      { INPUT_STACK: '{"schemaVersion": 1, "primary": 1.5, "projects": []}' },
      'stack',
      /primary is a number, not a string/,
    ],
    [
      {
        INPUT_STACK:
          '{"schemaVersion": 1, "projects": [{"path": ".", "name": "a", "runtime": {"name": "node"}, "commands": {"build": "a\\u0000b"}}]}',
      },
      'stack',
      /projects\[0\]\.commands\.build holds a NUL character/,
    ],
    [
      {
        INPUT_STACK:
          '{"schemaVersion": 1, "projects": [{"path": ".", "name": "a", "runtime": {"name": "node"}, "commands": {}, "frameworks": [{}]}]}',
      },
      'stack',
      /projects\[0\]\.frameworks\[0\]\.name is missing/,
    ],
    [
      {
        INPUT_STACK:
          '{"schemaVersion": 1, "projects": [{"path": ".", "name": "a", "runtime": {"name": "node"}, "commands": {}, "packageManager": []}]}',
      },
      'stack',
      /projects\[0\]\.packageManager is an array, not an object/,
    ],
    [
      {
        INPUT_STACK: JSON.stringify({
          schemaVersion: 1,
          projects: [{ path: '.', name: 'a', runtime: { name: 'node' }, commands: { build: 'x'.repeat(140_000) } }],
        }),
      },
      'stack',
      /projects\[0\]\.commands\.build is over 128 KiB/,
    ],
    [{ INPUT_COMMAND: 'x'.repeat(140_000) }, 'command', /is 140000 bytes long.*128 KiB/],
    [{ INPUT_COMMAND: 'make\0 all' }, 'command', /holds a NUL character/],
    [{ INPUT_NAME: 'a\0b' }, 'name', /holds a NUL character/],
    [{ INPUT_INSTALL: 'yes' }, 'install', /'yes' is not a boolean/],
    [{ 'INPUT_OUTPUT-DIR': '/dev/zero' }, 'output-dir', /is a device, not a folder/],
    [{ 'INPUT_OUTPUT-DIR': '../../out' }, 'output-dir', /outside the workspace/],
    [{ INPUT_VERSION: '1.0 beta' }, 'version', /contains spaces or slashes/],
    [{ INPUT_VERSION: 'a/b' }, 'version', /contains spaces or slashes/],
    [{ 'INPUT_SOURCE-DATE-EPOCH': 'yesterday' }, 'source-date-epoch', /not a whole number/],
    [{ 'INPUT_SOURCE-DATE-EPOCH': '-1' }, 'source-date-epoch', /out of range/],
    [{ 'INPUT_SOURCE-DATE-EPOCH': '99999999999' }, 'source-date-epoch', /out of range/],
    [{ INPUT_CACHE: '1' }, 'cache', /not a boolean/],
    [{ INPUT_UPLOAD: 'on' }, 'upload', /not a boolean/],
    [{ 'INPUT_RETENTION-DAYS': '0' }, 'retention-days', /from 1 to 90/],
    [{ 'INPUT_RETENTION-DAYS': '91' }, 'retention-days', /from 1 to 90/],
    [{ 'INPUT_RETENTION-DAYS': 'week' }, 'retention-days', /not a whole number/],
    [{ INPUT_SBOM: 'no' }, 'sbom', /not a boolean/],
    [{ INPUT_PROVENANCE: 'y' }, 'provenance', /not a boolean/],
    [{ 'INPUT_ALLOW-SECRET-FILES': 'sure' }, 'allow-secret-files', /not a boolean/],
  ];
  for (const [env, input, message] of bad)
    it(`refuses ${input} = ${JSON.stringify(Object.values(env)[0]).slice(0, 100)}`, () => failsOn(env, input, message));
});
