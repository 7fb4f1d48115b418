// Every parser against input that is not its format: a LockfileError naming the file, never a
// TypeError or a stack overflow; and a file that yields no packages says so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { LOCKFILE_NAMES, LockfileError, parserFor, readLockfile, type LockfileWarning } from '../src/index.js';

/** Parses and returns what was thrown, or undefined. */
function thrownBy(name: string, text: string, file = `app/${name}`): unknown {
  return outcome(name, text, file).thrown;
}

function outcome(name: string, text: string, file = `app/${name}`): { thrown?: unknown; packages?: unknown[] } {
  try {
    return { packages: present(parserFor(name))(text, file) };
  } catch (err) {
    return { thrown: err };
  }
}

// Line formats in which these are lines of the format (`null` and `42` are valid project names,
// unpinned, in a requirements file): they may yield no packages instead of an error.
const LINE_FORMATS = new Set(['requirements.txt', 'vendor/modules.txt']);

describe('a document of the wrong type', () => {
  const documents = ['null', '~', '42', '"a string"', '[]', 'true', '{"a": [1, 2]'];
  for (const name of [...LOCKFILE_NAMES, 'requirements.txt'])
    for (const text of documents)
      it(`${name} holding ${text}: a LockfileError naming the file`, () => {
        const { thrown, packages } = outcome(name, text);
        if (LINE_FORMATS.has(name) && thrown === undefined) return expect(packages).toStrictEqual([]);
        expect(thrown).toBeInstanceOf(LockfileError);
        expect(thrown).toMatchObject({ file: `app/${name}` });
      });
});

describe('a field of the wrong type', () => {
  const cases: [string, string][] = [
    ['package-lock.json', '{"packages": {"node_modules/a": {"version": "1.0.0", "resolved": 5}}}'],
    ['pnpm-lock.yaml', 'lockfileVersion: [9]\n'],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a: 5\n"],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters:\n  .:\n    devDependencies: [a]\n"],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\nsnapshots:\n  a@1.0.0:\n    dependencies: [b]\n"],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {tarball: 5}\n"],
    ['bun.lock', '{"workspaces": {"": {"devDependencies": ["a"]}}}'],
    ['bun.lock', '{"workspaces": []}'],
    ['bun.lock', '{"packages": {"a": ["a@1.0.0", "", {"dependencies": ["b"]}, "sha512-AA=="]}}'],
    ['uv.lock', '[[package]]\nname = "app"\nversion = "1"\ndependencies = "anyio"\n'],
    ['uv.lock', '[[package]]\nname = "app"\nversion = "1"\n[package.dev-dependencies]\ndev = "pytest"\n'],
    ['uv.lock', '[[package]]\nname = "a"\nversion = "1"\nsource = { path = 5 }\n'],
    ['poetry.lock', '[[package]]\nname = "a"\nversion = "1"\nsource = "git"\n'],
    ['composer.lock', '{"packages": [{"name": "a", "version": "1.0.0", "dist": {"type": 5}}]}'],
    ['composer.lock', '{"packages": [{"name": "a", "version": "1.0.0", "dist": "zip"}]}'],
  ];
  for (const [name, text] of cases)
    it(`${name} ${text.replace(/\n/g, ' ').slice(0, 70)}`, () => {
      const thrown = thrownBy(name, text);
      expect(thrown).toBeInstanceOf(LockfileError);
      expect(thrown).toMatchObject({ file: `app/${name}`, message: expect.stringMatching(/ is (a|an|null|true)/) });
    });

  it('names the line of the wrong field', () => {
    const text = "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      a: 5\n";
    expect(thrownBy('pnpm-lock.yaml', text)).toMatchObject({
      line: 7,
      message: expect.stringMatching(/^importers\.\.\.dependencies\.a is a number/),
    });
  });
});

describe('input that is not the format at all', () => {
  const cases: [string, string, number][] = [
    ['go.mod', 'module example.com/app\n\ngo 1.22\n\n{"require": []}\n', 5],
    ['go.mod', 'module example.com/app\nrequires github.com/pkg/errors v0.9.1\n', 2],
    ['Gemfile.lock', 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.11)\n\n<html>\n', 6],
    ['yarn.lock', '# yarn lockfile v1\n\nlodash@^4.17.21:\n  version "4.17.21"\n<<<<<<< HEAD\n', 5],
  ];
  for (const [name, text, line] of cases)
    it(`${name}: a LockfileError on line ${line}`, () =>
      expect(thrownBy(name, text)).toMatchObject({ name: 'LockfileError', file: `app/${name}`, line }));

  it('a package-lock.json nested deeper than the stack is a LockfileError, not a RangeError', () => {
    let dep = '{"version": "1.0.0"}';
    for (let i = 0; i < 20_000; i++) dep = `{"version": "1.0.0", "dependencies": {"a": ${dep}}}`;
    const thrown = thrownBy('package-lock.json', `{"lockfileVersion": 1, "dependencies": {"a": ${dep}}}`);
    expect(thrown).toBeInstanceOf(LockfileError);
    expect(thrown).toMatchObject({ message: expect.stringMatching(/nested too deeply/) });
  });

  it('a YAML lockfile of only comments is empty, not wrong', () => {
    expect(present(parserFor('pnpm-lock.yaml'))('# nothing yet\n\n', 'pnpm-lock.yaml')).toStrictEqual([]);
  });
});

describe('a lockfile that yields no packages says so', () => {
  const parse = (name: string, text: string, warnings: LockfileWarning[]) =>
    present(parserFor(name))(text, name, warnings);

  const empty: [string, string][] = [
    ['requirements.txt', 'null\n42\nrequests>=2.31\nsqlparse==0.5.*\n'],
    ['yarn.lock', '# yarn lockfile v1\n\n"lodash@^4.17.21":\n  "resolved" "https://registry.yarnpkg.com/lodash.tgz"\n'],
    // The root declares a dependency the file does not lock.
    [
      'package-lock.json',
      '{"lockfileVersion": 3, "packages": {"": {"name": "app", "dependencies": {"left-pad": "^1.3.0"}}}}',
    ],
    ['go.mod', 'module example.com/app\n'],
  ];
  for (const [name, text] of empty)
    it(name, () => {
      const warnings: LockfileWarning[] = [];
      expect(parse(name, text, warnings)).toStrictEqual([]);
      expect(warnings).toStrictEqual([{ file: name, message: expect.stringMatching(/^no package with a version/) }]);
    });

  it('but the package-lock.json of a project that declares no dependencies is quiet', () => {
    const warnings: LockfileWarning[] = [];
    const text = '{"lockfileVersion": 3, "packages": {"": {"name": "app", "version": "1.0.0", "license": "MIT"}}}';
    expect(parse('package-lock.json', text, warnings)).toStrictEqual([]);
    expect(warnings).toStrictEqual([]);
  });

  it('and one that yields packages does not', () => {
    const warnings: LockfileWarning[] = [];
    expect(parse('requirements.txt', 'requests==2.32.3\n', warnings)).toHaveLength(1);
    expect(warnings).toStrictEqual([]);
  });

  const dir = mkdtempSync(join(tmpdir(), 'lockfiles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('readLockfile passes its warnings on', () => {
    writeFileSync(join(dir, 'requirements.txt'), 'requests>=2\n');
    const warnings: LockfileWarning[] = [];
    expect(readLockfile(join(dir, 'requirements.txt'), 'api/requirements.txt', undefined, warnings)).toStrictEqual([]);
    expect(warnings).toMatchObject([{ file: 'api/requirements.txt' }]);
  });
});
