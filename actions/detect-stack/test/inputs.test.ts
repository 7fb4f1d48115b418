import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { InputReader } from '@slipway/action-kit';
import { parseInputs } from '../src/inputs.js';
import { metadata } from '../src/metadata.generated.js';
import { makeTree, removeTree } from '../../../test/harness.js';

const workspace = makeTree({ 'app/package.json': '{}', 'file.txt': 'x' });
mkdirSync(join(workspace, 'empty'));
symlinkSync('/tmp', join(workspace, 'escape'));
afterAll(() => removeTree(workspace));

function parse(env: Record<string, string>) {
  return parseInputs(new InputReader(metadata, env), workspace);
}

function failsOn(env: Record<string, string>, input: string, message: RegExp): void {
  expect(() => parse(env)).toThrow(userError(input, message));
}

describe('detect-stack inputs', () => {
  it('uses the action.yml defaults', () => {
    const inputs = parse({});
    expect(inputs.displayRoot).toBe('.');
    expect(inputs.maxFiles).toBe(200_000);
    expect(inputs.exclude).toStrictEqual([]);
    expect(Object.isFrozen(inputs)).toBeTruthy();
  });

  it('resolves a folder inside the workspace', () => {
    const inputs = parse({ INPUT_PATH: 'app/', INPUT_EXCLUDE: 'a/**\nb/**, c' });
    expect(inputs.displayRoot).toBe('app');
    expect(inputs.annotationPrefix).toBe('app/');
    expect(inputs.exclude).toStrictEqual(['a/**', 'b/**', 'c']);
  });

  const badPaths: [string, RegExp][] = [
    ['missing', /does not exist/],
    ['file.txt', /is a file, not a folder/],
    ['../', /outside the workspace/],
    ['app/../../x', /outside the workspace/],
    ['/etc', /is absolute/],
    ['escape', /link that leads outside/],
  ];
  for (const [path, message] of badPaths)
    it(`refuses path ${path}`, () => failsOn({ INPUT_PATH: path }, 'path', message));

  for (const bad of ['abc', '0', '-1', '1.5', '1e6', '10000001', ' ']) {
    it(`refuses max-files ${JSON.stringify(bad)}`, () =>
      failsOn({ 'INPUT_MAX-FILES': bad }, 'max-files', /max-files|whole number|range/));
  }

  it('accepts any exclude text as globs without crashing', () => {
    for (const odd of ['[', '**/{', '!', '\\']) expect(() => parse({ INPUT_EXCLUDE: odd })).not.toThrow();
  });
});
