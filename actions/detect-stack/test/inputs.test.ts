import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { InputReader } from '@slipway/action-kit';
import { MAX_EXCLUDE_GLOBS, parseInputs } from '../src/inputs.js';
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

describe('detect-stack inputs, malformed', () => {
  it('takes an empty or blank path as the workspace itself', () => {
    for (const path of ['', '   ', '\n']) expect(parse({ INPUT_PATH: path }).displayRoot).toBe('.');
  });

  const oddPaths: [string, string, RegExp][] = [
    ['huge', 'a'.repeat(100_000), /too long a path/],
    ['deep', 'a/'.repeat(5_000), /too long a path/],
    ['newline inside', 'app\nfile.txt', /does not exist/],
    ['workflow command', 'x\n::warning title=INJECTED::y', /does not exist/],
    ['device', '/dev/zero', /is a device, not a folder/],
    ['parent of a file', 'file.txt/x', /does not exist/],
  ];
  for (const [label, path, message] of oddPaths)
    it(`refuses a ${label} path with a user error`, () => failsOn({ INPUT_PATH: path }, 'path', message));

  it('accepts odd but real folder names', () => {
    mkdirSync(join(workspace, 'with space'), { recursive: true });
    mkdirSync(join(workspace, '-dash'), { recursive: true });
    expect(parse({ INPUT_PATH: 'with space' }).annotationPrefix).toBe('with space/');
    expect(parse({ INPUT_PATH: '-dash' }).displayRoot).toBe('-dash');
    expect(parse({ INPUT_PATH: './app/.' }).displayRoot).toBe('app');
  });

  const oddCounts = [
    '',
    '  ',
    '0x10',
    '1_000',
    '+',
    '٣',
    '５',
    '1 000',
    'Infinity',
    'NaN',
    '99999999999999999999',
    'true',
    '[1]',
  ];
  for (const bad of oddCounts)
    it(`refuses max-files ${JSON.stringify(bad)}`, () =>
      failsOn({ 'INPUT_MAX-FILES': bad }, 'max-files', /whole number|out of range/));

  it('takes max-files at its bounds, with a sign or leading zeros', () => {
    expect(parse({ 'INPUT_MAX-FILES': '1' }).maxFiles).toBe(1);
    expect(parse({ 'INPUT_MAX-FILES': '10000000' }).maxFiles).toBe(10_000_000);
    expect(parse({ 'INPUT_MAX-FILES': ' +0042 ' }).maxFiles).toBe(42);
  });

  it('takes an empty or separator-only exclude as no globs', () => {
    for (const exclude of ['', ' , ,\n\n', ',']) expect(parse({ INPUT_EXCLUDE: exclude }).exclude).toStrictEqual([]);
  });

  it('refuses a glob picomatch cannot take, naming it', () => {
    failsOn({ INPUT_EXCLUDE: `ok/**\n${'x'.repeat(70_000)}` }, 'exclude', /glob "x{80}…" cannot be used/);
  });

  it(`refuses more than ${MAX_EXCLUDE_GLOBS} globs`, () => {
    const many = Array.from({ length: MAX_EXCLUDE_GLOBS + 1 }, (_, i) => `dir${i}/**`).join('\n');
    failsOn({ INPUT_EXCLUDE: many }, 'exclude', new RegExp(`${MAX_EXCLUDE_GLOBS + 1} globs`));
    const enough = Array.from({ length: MAX_EXCLUDE_GLOBS }, (_, i) => `dir${i}/**`).join(',');
    expect(parse({ INPUT_EXCLUDE: enough }).exclude).toHaveLength(MAX_EXCLUDE_GLOBS);
  });

  it('keeps globs that hold newlines-as-separators, quotes and workflow-command text as plain globs', () => {
    const inputs = parse({ INPUT_EXCLUDE: '"a b"/**\n::warning title=x::y\n\'q\'' });
    expect(inputs.exclude).toStrictEqual(['"a b"/**', '::warning title=x::y', "'q'"]);
  });
});
