// Path inputs as people write them: relative to the workspace, absolute inside it
// (`${{ github.workspace }}/app`), absolute outside it (`${{ runner.temp }}/x`) and under `~`.
// The workspace and a stand-in for RUNNER_TEMP are real trees; links are real links.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { outputPath, shownPath, userPath, workspaceFolder } from '../src/paths.js';

const ws = makeTree({
  'apps/web/package.json': '{"name":"web","scripts":{"build":"vite build"}}',
  'README.md': '# app\n',
});
const temp = makeTree(
  { 'checkout/go.mod': 'module example.com/x\n\ngo 1.22\n', 'notes.txt': 'x' },
  'slipway-runner-temp-',
);
const home = makeTree({ 'src/Cargo.toml': '[package]\nname = "x"\n' }, 'slipway-home-');
symlinkSync(temp, join(ws, 'escape'));
symlinkSync(join(ws, 'apps'), join(ws, 'apps-link'));
symlinkSync(ws, join(temp, 'ws-link'));
// A link in the user's own folder that leads elsewhere: theirs to make.
symlinkSync(home, join(temp, 'to-home'));
afterAll(() => [ws, temp, home].forEach(removeTree));

describe('workspaceFolder', () => {
  const cases: [string, string, { abs: string; rel: string; inside: boolean }][] = [
    ['relative', 'apps/web', { abs: join(ws, 'apps/web'), rel: 'apps/web', inside: true }],
    ['empty, the workspace', '', { abs: ws, rel: '.', inside: true }],
    ['absolute inside', join(ws, 'apps/web'), { abs: join(ws, 'apps/web'), rel: 'apps/web', inside: true }],
    [
      'absolute inside through a link that stays in',
      join(ws, 'apps-link/web'),
      { abs: join(ws, 'apps/web'), rel: 'apps/web', inside: true },
    ],
    [
      'absolute outside (RUNNER_TEMP)',
      join(temp, 'checkout'),
      { abs: join(temp, 'checkout'), rel: join(temp, 'checkout'), inside: false },
    ],
    [
      'absolute outside, a link the user made',
      join(temp, 'to-home/src'),
      { abs: join(home, 'src'), rel: join(home, 'src'), inside: false },
    ],
    ['~/…', '~/src', { abs: join(home, 'src'), rel: join(home, 'src'), inside: false }],
    ['~', '~', { abs: home, rel: home, inside: false }],
  ];
  for (const [label, value, expected] of cases)
    it(`takes a folder given ${label}`, () => {
      expect(workspaceFolder('path', value, ws, { home })).toStrictEqual(expected);
    });

  it('takes the workspace named through a link, and a path under that name', () => {
    const viaLink = join(temp, 'ws-link');
    expect(workspaceFolder('path', join(viaLink, 'apps/web'), viaLink, { home })).toStrictEqual({
      abs: join(ws, 'apps/web'),
      rel: 'apps/web',
      inside: true,
    });
  });

  const refused: [string, string, RegExp][] = [
    ['a relative path that climbs out', '../x', /'\.\.\/x' points outside the workspace/],
    ['a relative link out of the workspace', 'escape', /'escape' is a link that leads outside the workspace/],
    [
      'an absolute path through a link out of the workspace',
      join(ws, 'escape'),
      /is a link that leads outside the workspace/,
    ],
    ['an absolute path under a link out of the workspace', join(ws, 'escape/checkout'), /is a link that leads outside/],
    ['a missing folder', join(temp, 'nope'), /does not exist/],
    ['a file', join(temp, 'notes.txt'), /is a file, not a folder/],
    ['a device', '/dev/zero', /'\/dev\/zero' is a device, not a folder/],
    ['a NUL byte', 'a\0b', /holds a NUL character/],
    ['a name past 255 bytes', 'x'.repeat(256), /too long a path/],
  ];
  for (const [label, value, message] of refused)
    it(`refuses ${label}, naming the input`, () => {
      expect(() => workspaceFolder('path', value, ws, { home })).toThrow(userError('path', message));
    });

  it('refuses ~ without HOME', () => {
    expect(() => workspaceFolder('path', '~/src', ws)).toThrow(userError('path', /starts with ~ but HOME is not set/));
  });

  describe('a folder that may not exist yet (an output folder)', () => {
    const base = join(ws, 'apps/web');
    const cases: [string, string, string][] = [
      ['relative to the base', 'out', join(ws, 'apps/web/out')],
      ['relative, climbing out of the base but not the workspace', '../../dist', join(ws, 'dist')],
      ['absolute inside', join(ws, 'build/out'), join(ws, 'build/out')],
      ['absolute outside (RUNNER_TEMP)', join(temp, 'artifacts/x'), join(temp, 'artifacts/x')],
      ['under a link the user made outside', join(temp, 'to-home/out'), join(home, 'out')],
    ];
    for (const [label, value, abs] of cases)
      it(`takes one given ${label}`, () => {
        expect(workspaceFolder('output-dir', value, ws, { base, mayNotExist: true, home }).abs).toBe(abs);
      });

    const refused: [string, string, RegExp][] = [
      [
        'relative, under a link out of the workspace',
        '../../escape/new',
        /leads outside the workspace through a symbolic link/,
      ],
      ['absolute inside, under a link out of the workspace', join(ws, 'escape/new'), /through a symbolic link/],
      ['relative, climbing out of the workspace', '../../../x', /points outside the workspace/],
      ['under a file', join(temp, 'notes.txt/out'), /which is a file, not a folder/],
      ['an existing file', join(temp, 'notes.txt'), /is a file, not a folder/],
    ];
    for (const [label, value, message] of refused)
      it(`refuses one ${label}`, () => {
        expect(() => workspaceFolder('output-dir', value, ws, { base, mayNotExist: true, home })).toThrow(
          userError('output-dir', message),
        );
      });

    it('keeps a relative one inside a base the user put outside the workspace', () => {
      const outside = join(temp, 'checkout');
      expect(workspaceFolder('output-dir', 'out', ws, { base: outside, mayNotExist: true }).abs).toBe(
        join(outside, 'out'),
      );
      expect(() => workspaceFolder('output-dir', '../../x', ws, { base: outside, mayNotExist: true })).toThrow(
        userError('output-dir', new RegExp(`points outside ${outside}`)),
      );
    });
  });
});

describe('outputPath and userPath', () => {
  const taken: [string, string, string][] = [
    ['relative', 'reports/x.sarif', join(ws, 'reports/x.sarif')],
    ['absolute inside', join(ws, 'reports/x.sarif'), join(ws, 'reports/x.sarif')],
    ['absolute outside (RUNNER_TEMP)', join(temp, 'scan.sarif'), join(temp, 'scan.sarif')],
    ['~/…', '~/scan.sarif', join(home, 'scan.sarif')],
  ];
  for (const [label, value, abs] of taken)
    it(`takes a file given ${label}`, () => {
      expect(userPath('sarif', value, ws, home, 'file')).toBe(abs);
    });

  it('holds an absolute path inside the workspace to the same links rule as a relative one', () => {
    expect(() => outputPath('sarif', join(ws, 'escape/x.sarif'), ws)).toThrow(
      userError('sarif', /leads outside the workspace through a symbolic link/),
    );
    expect(() => outputPath('sarif', 'escape/x.sarif', ws)).toThrow(userError('sarif', /through a symbolic link/));
    // Named through a link to the workspace, it is still the workspace.
    const viaLink = join(temp, 'ws-link');
    expect(() => outputPath('sarif', join(viaLink, 'escape/x.sarif'), viaLink)).toThrow(
      userError('sarif', /through a symbolic link/),
    );
  });

  it('writes through a link the user made outside the workspace', () => {
    expect(outputPath('sarif', join(temp, 'to-home/x.sarif'), ws)).toBe(join(temp, 'to-home/x.sarif'));
  });

  it('refuses a device, where renaming over it would replace it', () => {
    expect(() => outputPath('sarif', '/dev/zero', ws)).toThrow(
      userError('sarif', /'\/dev\/zero' is a device; a file is written there/),
    );
    expect(() => outputPath('state-dir', '/dev/zero', ws, { kind: 'folder' })).toThrow(
      userError('state-dir', /is a device; a folder is written there/),
    );
  });

  it('refuses a folder where a file goes, outside the workspace too', () => {
    mkdirSync(join(temp, 'a-folder.sarif'), { recursive: true });
    expect(() => outputPath('sarif', join(temp, 'a-folder.sarif'), ws)).toThrow(userError('sarif', /is a folder/));
  });
});

describe('shownPath', () => {
  const cases: [string, string, string][] = [
    ['a file in the workspace', join(ws, 'reports/x.sarif'), 'reports/x.sarif'],
    ['the workspace itself', ws, '.'],
    ['a file outside', join(temp, 'scan.sarif'), join(temp, 'scan.sarif')],
    ['a sibling whose name starts like the workspace', `${ws}-other/x`, `${ws}-other/x`],
  ];
  for (const [label, path, shown] of cases)
    it(`names ${label} as ${shown.startsWith('/') ? 'absolute' : 'relative'}`, () => {
      expect(shownPath(path, ws)).toBe(shown);
    });

  it('names a path under the workspace’s linked name relative to it', () => {
    const viaLink = join(temp, 'ws-link');
    expect(shownPath(join(viaLink, 'a/b'), viaLink)).toBe('a/b');
    expect(shownPath(join(ws, 'a/b'), viaLink)).toBe('a/b');
  });
});
