import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { parserFor, type LockedPackage } from '../src/index.js';

const parse = (text: string, file = 'mix.lock'): LockedPackage[] => present(parserFor(file))(text, file);
const H = (c: string): string => c.repeat(64);

const LOCK = `%{
  "castore": {:hex, :castore, "1.0.7", "${H('1')}", [:mix], [], "hexpm", "${H('a')}"},
  "phoenix": {:hex, :phoenix, "1.7.12", "${H('2')}", [:mix], [{:castore, ">= 0.0.0", [hex: :castore, repo: "hexpm", optional: false]}, {:jason, "~> 1.0", [hex: :jason, repo: "hexpm", optional: true]}], "hexpm", "${H('b')}"},
  "heroicons": {:git, "https://github.com/tailwindlabs/heroicons.git", "88ab3a0d790e6a47404cba02800a6b25d2afae50", [tag: "v2.1.1", sparse: "optimized", depth: 1]},
  "my_fork": {:hex, :original_name, "0.3.0", "${H('3')}", [:rebar3], [], "hexpm:acme", "${H('c')}"},
  "old_style": {:hex, :poison, "3.1.0", "${H('4')}", [:mix], [], "hexpm"},
}
`;

describe('mix.lock', () => {
  it('reads Hex packages under their Hex name with the tarball checksum; git dependencies skipped', () => {
    const packages = parse(LOCK);
    expect(packages.map((p) => `${p.name}@${p.version} :${p.line}`)).toStrictEqual([
      'castore@1.0.7 :2',
      'phoenix@1.7.12 :3',
      'original_name@0.3.0 :5',
      'poison@3.1.0 :6',
    ]);
    expect(packages[1]!.hashes).toStrictEqual([{ alg: 'SHA-256', hex: H('b') }]);
    // A lock from before Hex recorded the outer checksum has none: the inner one is not the tarball's.
    expect(packages[3]!.hashes).toStrictEqual([]);
    expect(packages.every((p) => p.ecosystem === 'Hex' && !p.dev)).toBe(true);
  });

  it('reads an empty lock', () => {
    expect(parse('%{}\n')).toStrictEqual([]);
    expect(parse('')).toStrictEqual([]);
  });

  for (const [what, text, line] of [
    ['a file that is not an Elixir map', '[\n  {"castore", "1.0.7"}\n]\n', 1],
    [
      'an entry of an unknown shape',
      `%{\n  "castore": {:hex, :castore, "1.0.7", "${H('1')}", [:mix], [], "hexpm"},\n  "broken": {:hex, 1.0},\n}\n`,
      3,
    ],
  ] as const)
    it(`refuses ${what} with a LockfileError naming the file and line`, () => {
      expect(() => parse(text, 'apps/web/mix.lock')).toThrow(
        expect.objectContaining({ name: 'LockfileError', file: 'apps/web/mix.lock', line }),
      );
    });
});
