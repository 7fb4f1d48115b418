import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { parserFor, type LockedPackage } from '../src/index.js';

const show = (p: LockedPackage): string => `${p.name}@${p.version}${p.dev ? ' dev' : ''}`;
const parse = (text: string, file = 'deno.lock'): LockedPackage[] => present(parserFor(file))(text, file);
const SRI = 'sha512-' + Buffer.alloc(64, 2).toString('base64');

const V4 = JSON.stringify(
  {
    version: '4',
    specifiers: {
      'jsr:@std/assert@1': '1.0.8',
      'npm:@types/node@*': '22.5.4',
      'npm:chalk@5': '5.3.0',
      'npm:preact-render-to-string@6.5.11': '6.5.11_preact@10.24.3',
    },
    jsr: { '@std/assert@1.0.8': { integrity: 'e'.repeat(64) } },
    npm: {
      '@types/node@22.5.4': { integrity: SRI, dependencies: ['undici-types'] },
      'chalk@5.3.0': { integrity: SRI },
      'preact-render-to-string@6.5.11_preact@10.24.3': { integrity: SRI, dependencies: ['preact'] },
    },
    remote: { 'https://deno.land/std@0.224.0/path/mod.ts': 'f'.repeat(64) },
    workspace: { dependencies: ['jsr:@std/assert@1', 'npm:chalk@5'] },
  },
  null,
  2,
);

const V3 = JSON.stringify(
  {
    version: '3',
    packages: {
      specifiers: { 'npm:express@4': 'npm:express@4.19.2' },
      npm: { 'express@4.19.2': { integrity: SRI, dependencies: {} } },
    },
    remote: {},
  },
  null,
  2,
);

const V2 = JSON.stringify(
  {
    version: '2',
    remote: {},
    npm: { specifiers: { 'lodash@4': 'lodash@4.17.21' }, packages: { 'lodash@4.17.21': { integrity: SRI } } },
  },
  null,
  2,
);

describe('deno.lock', () => {
  it('reads the npm packages of a version 4 lock (peer suffixes dropped), with lines and hashes', () => {
    const packages = parse(V4);
    expect(packages.map((p) => `${show(p)} :${p.line}`)).toStrictEqual([
      '@types/node@22.5.4 :15',
      'chalk@5.3.0 :21',
      'preact-render-to-string@6.5.11 :24',
    ]);
    expect(packages.every((p) => p.ecosystem === 'npm' && p.hashes[0]?.alg === 'SHA-512')).toBe(true);
  });

  it('reads versions 3 and 2, and a version 1 lock of remote modules only', () => {
    expect(parse(V3).map(show)).toStrictEqual(['express@4.19.2']);
    expect(parse(V2).map(show)).toStrictEqual(['lodash@4.17.21']);
    expect(parse(JSON.stringify({ 'https://deno.land/x/oak/mod.ts': 'a'.repeat(64) }))).toStrictEqual([]);
  });

  for (const text of [
    '{"version": "4", "npm": ',
    '{"version": 4}',
    '{"version": "4", "npm": {"chalk@5.3.0": "sha512-x"}}',
  ])
    it(`refuses ${text} with a LockfileError naming the file`, () => {
      expect(() => parse(text, 'web/deno.lock')).toThrow(
        expect.objectContaining({ name: 'LockfileError', file: 'web/deno.lock' }),
      );
    });
});
