// Version order per ecosystem, against the examples each ecosystem documents for its own
// algorithm: semver.org §11, PEP 440's ordering summary, Gem::Version's docs, PHP's
// version_compare test (php-src versioning/version_compare.phpt) and Composer's normaliser,
// Maven's POM reference "Version Order Specification" and ComparableVersion's javadoc, NuGet's
// "Package versioning" page, pub_semver's ordering and Elixir's Version.compare.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { comparatorFor, fixedVersions, inRange } from '../src/index.js';

/** Sign of the ecosystem's comparison. */
const order = (eco: string, a: string, b: string): number => Math.sign(comparatorFor(eco)(a, b));

/** Each version strictly below the next, both ways round, and a shuffled copy sorts back to the list. */
function ascending(eco: string, title: string, versions: string[]): void {
  it(`${eco}: ${title}`, () => {
    for (let i = 1; i < versions.length; i++) {
      expect([versions[i - 1], order(eco, versions[i - 1]!, versions[i]!), versions[i]]).toEqual([
        versions[i - 1],
        -1,
        versions[i],
      ]);
      expect(order(eco, versions[i]!, versions[i - 1]!)).toBe(1);
    }
    const shuffled = versions.map((v, i) => [v, (i * 7919) % versions.length] as const);
    const sorted = shuffled
      .sort((x, y) => x[1] - y[1])
      .map(([v]) => v)
      .sort(comparatorFor(eco));
    expect(sorted).toEqual(versions);
  });
}

/** Table of single comparisons. */
function table(eco: string, rows: [string, '<' | '=' | '>', string][]): void {
  for (const [a, rel, b] of rows) {
    it(`${eco}: ${a} ${rel} ${b}`, () => {
      const want = rel === '<' ? -1 : rel === '=' ? 0 : 1;
      expect(order(eco, a, b)).toBe(want);
      expect(order(eco, b, a)).toBe(-want || 0);
    });
  }
}

describe('SemVer 2.0 (npm, crates.io, Go, Hex, SwiftURL)', () => {
  ascending('npm', 'semver.org §11 precedence', [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '2.0.0',
    '2.1.0',
    '2.1.1',
  ]);
  table('npm', [
    ['1.0.0+20130313144700', '=', '1.0.0'],
    ['1.0.0-beta+exp.sha.5114f85', '=', '1.0.0-beta'],
    ['1.0.0-9007199254740993', '>', '1.0.0-9007199254740992'], // past 2^53, where a Number rounds both alike
    ['90071992547409930.0.0', '>', '90071992547409929.0.0'],
    ['1.10.0', '>', '1.9.9'],
  ]);
  table('crates.io', [['0.8.0', '<', '0.10.0']]);
  table('Go', [
    ['v1.2.3', '=', '1.2.3'],
    ['v2.0.0+incompatible', '=', 'v2.0.0'],
    ['v0.0.0-20230101000000-abcdef123456', '<', 'v0.0.0-20230102000000-000000000000'],
    ['v1.2.4-0.20230101000000-abcdef123456', '<', 'v1.2.4'],
    ['v1.2.4-0.20230101000000-abcdef123456', '>', 'v1.2.3'],
  ]);
  // Elixir's Version.compare docs.
  table('Hex', [
    ['2.0.1-alpha1', '>', '2.0.0'],
    ['1.0.0-beta', '<', '1.0.0-rc1'],
    ['1.0.0-10', '>', '1.0.0-2'],
    ['2.0.1+build0', '=', '2.0.1'],
  ]);
  table('SwiftURL', [['5.9.0', '<', '5.10.0']]);
});

describe('PEP 440 (PyPI)', () => {
  ascending('PyPI', "PEP 440's ordering summary", [
    '1.dev0',
    '1.0.dev456',
    '1.0a1',
    '1.0a2.dev456',
    '1.0a12.dev456',
    '1.0a12',
    '1.0b1.dev456',
    '1.0b2',
    '1.0b2.post345.dev456',
    '1.0b2.post345',
    '1.0rc1.dev456',
    '1.0rc1',
    '1.0',
    '1.0+abc.5',
    '1.0+abc.7',
    '1.0+5',
    '1.0.post456.dev34',
    '1.0.post456',
    '1.0.15',
    '1.1.dev1',
  ]);
  table('PyPI', [
    ['2.0.0', '=', '2.0'],
    ['1.0RC1', '=', '1.0rc1'],
    ['1.0-1', '=', '1.0.post1'],
    ['1.0alpha1', '=', '1.0a1'],
    ['1!1.0', '>', '2.0'],
    ['2.0.1rc2-git', '<', '0.8'], // not PEP 440: below every valid version, as packaging's LegacyVersion sorted
  ]);
});

describe('Gem::Version (RubyGems)', () => {
  ascending('RubyGems', 'pre-releases between releases (Gem::Version docs)', ['0.9', '1.0.a.2', '1.0.b1', '1.0']);
  table('RubyGems', [
    ['1.0.a10', '>', '1.0.a9'],
    ['1.0.0', '=', '1.0'],
    ['1.0.0-rc1', '=', '1.0.0.pre.rc1'],
    ['1.0.0-rc1', '<', '1.0.0'],
    ['3.0.0.rc1', '>', '3.0.0.beta2'],
    ['1.0.0.a', '=', '1.a'],
    // Segments of any length compare as integers: these two are one Number apart past 2^53.
    ['1.90071992547409930001', '>', '1.90071992547409930000'],
    ['20230101000000000002', '>', '20230101000000000001'],
    // A Gemfile.lock platform names a build of the release, not a pre-release.
    ['1.13.6-java', '=', '1.13.6'],
    ['1.13.6-java', '>', '1.13.6.rc1'],
    ['1.16.0-x86_64-linux-gnu', '=', '1.16.0'],
    ['1.16.0-arm64-darwin', '>', '1.16.0.rc1'],
    ['0.14.0-universal-java-11', '=', '0.14.0'],
    ['1.0.0-x64-mingw-ucrt', '=', '1.0.0'],
  ]);
});

describe('PHP version_compare under Composer (Packagist)', () => {
  ascending('Packagist', 'special forms (php-src version_compare.phpt)', [
    '1.0-dev',
    '1.0a1',
    '1.0b1',
    '1.0RC1',
    '1.0',
    '1.0pl1',
  ]);
  ascending('Packagist', 'dotted pre-release numbers', [
    '1.0.0-beta.8',
    '1.0.0-beta.8.1',
    '1.0.0-beta.8.2',
    '1.0.0-beta.9',
    '1.0.0-RC7',
    '1.0.0-RC7.1',
    '1.0.0',
  ]);
  table('Packagist', [
    ['1', '<', '2'],
    ['10', '>', '2'],
    ['1.0', '<', '1.1'],
    ['1.2', '>', '1.0.1'],
    ['1.0RC1', '=', '1.0rc1'],
    ['v2.1', '=', '2.1.0'], // Composer pads to four parts; bare version_compare would say 2.1 < 2.1.0
    ['1.0-b2', '=', '1.0.0-beta2'],
    ['1.0.0-p1', '=', '1.0.0-patch1'],
    ['1.0.0-patch1', '>', '1.0.0'],
    ['1.0.0-beta1-dev', '<', '1.0.0-beta1'],
    ['1.9.0-ALPHA.1', '<', '1.9.0-BETA.1'], // Composer spells stabilities out before comparing
    ['5.1.0-stable', '=', '5.1.0'],
    ['1.0.0+build.7', '=', '1.0.0'],
    ['1.0.x-dev', '>', '1.0.99'],
    ['1.0.x-dev', '<', '1.1.0'],
  ]);
});

describe("Maven's ComparableVersion", () => {
  ascending('Maven', 'qualifiers (alpha < beta < milestone < rc < snapshot < release < sp < unknown)', [
    '1.0-alpha1',
    '1.0-beta1',
    '1.0-milestone1',
    '1.0-rc1',
    '1.0-SNAPSHOT',
    '1.0',
    '1.0-sp1',
    '1.0-xyz',
    '1.0.1',
  ]);
  ascending('Maven', 'a hyphen weighs less than a dot (javadoc)', ['1.0.RC2', '1.0-RC3', '1.0.1']);
  // The POM reference's examples.
  table('Maven', [
    ['1', '<', '1.1'],
    ['1-snapshot', '<', '1'],
    ['1', '<', '1-sp'],
    ['1-foo2', '<', '1-foo10'],
    ['1.foo', '=', '1-foo'],
    ['1-foo', '<', '1-1'],
    ['1-1', '<', '1.1'],
    ['1.ga', '=', '1-ga'],
    ['1-ga', '=', '1-0'],
    ['1-0', '=', '1.0'],
    ['1.0', '=', '1'],
    ['1-sp', '>', '1-ga'],
    ['1-sp.1', '>', '1-ga.1'],
    ['1-sp-1', '<', '1-ga-1'],
    // The page says 1-ga-1 = 1-1; ComparableVersion in Maven 3.9 orders it below, and so does this.
    ['1-ga-1', '<', '1-1'],
    ['1-a1', '=', '1-alpha-1'],
    ['1.0-cr1', '=', '1.0-RC1'],
    ['1.0.0.Final', '=', '1.0.0'],
    ['1.0.0.RELEASE', '=', '1.0.0'],
    ['2.0.0-SNAPSHOT', '<', '2.0.0'],
    ['1.100000000000000000001', '>', '1.100000000000000000000'],
    // Where ComparableVersion cycles, this follows it rather than tidying it up.
    ['2.sp.0', '>', '2'],
    ['2', '>', '2.m0'],
    ['2.m0', '>', '2.sp.0'],
  ]);
});

describe('NuGet (SemVer 2.0, four parts, case-insensitive labels)', () => {
  ascending('NuGet', "NuGet's precedence example", [
    '1.0.1-aaa',
    '1.0.1-alpha10',
    '1.0.1-alpha2',
    '1.0.1-beta',
    '1.0.1-open',
    '1.0.1-rc.2',
    '1.0.1-rc.10',
    '1.0.1-zzz',
    '1.0.1',
  ]);
  table('NuGet', [
    ['1.0', '=', '1.0.0.0'],
    ['1.00', '=', '1.0.0'],
    ['1.0.01.0', '=', '1.0.1'],
    ['1.0.0+githash', '=', '1.0.0'],
    ['1.0.0-BETA', '=', '1.0.0-beta'],
    ['1.0.0-beta2', '>', '1.0.0-BETA'],
    ['1.0.0.1', '>', '1.0.0'],
    ['1.0.0.1-alpha', '>', '1.0.0'],
  ]);
});

describe('Pub (pub_semver: a build sorts above the bare version)', () => {
  ascending('Pub', "pub_semver's comparison order", [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0-rc.1+build.1',
    '1.0.0',
    '1.0.0+0.3.7',
    '1.3.7+build',
    '1.3.7+build.2.b8f12d7',
    '1.3.7+build.11.e0f985a',
  ]);
  table('Pub', [
    ['1.2.3+4', '<', '1.2.3+5'],
    ['1.2.3-5-foo', '>', '1.2.3-5-Foo'],
  ]);
});

describe('comparators as orders', () => {
  const part = fc.oneof(
    fc.nat({ max: 12 }).map(String),
    fc.constantFrom('0', '00', '18446744073709551617', 'a', 'b', 'alpha', 'beta', 'rc', 'RC', 'pre', 'dev'),
    fc.constantFrom('sp', 'ga', 'final', 'SNAPSHOT', 'patch', 'pl', 'post', 'x', 'cr', 'm', 'milestone'),
  );
  const version = fc
    .tuple(fc.nat({ max: 9 }), fc.array(fc.tuple(fc.constantFrom('.', '-', '', '+', '_'), part), { maxLength: 5 }))
    .map(([head, rest]) => `${head}${rest.map(([sep, p]) => sep + p).join('')}`);
  // Maven's ComparableVersion and PHP's version_compare are not transitive themselves
  // (2.sp.0 > 2 > 2.m0 > 2.sp.0 in Maven 3.9), so for them only reflexivity and antisymmetry hold.
  const transitive = new Set(['npm', 'PyPI', 'RubyGems', 'NuGet', 'Pub', 'Hex']);
  for (const eco of ['npm', 'PyPI', 'RubyGems', 'Packagist', 'Maven', 'NuGet', 'Pub', 'Hex']) {
    it(`${eco}: reflexive, antisymmetric${transitive.has(eco) ? ' and transitive' : ''}`, () => {
      const cmp = comparatorFor(eco);
      fc.assert(
        fc.property(version, version, version, (a, b, c) => {
          expect(Math.sign(cmp(a, a))).toBe(0);
          expect(Math.sign(cmp(a, b))).toBe(-Math.sign(cmp(b, a)) || 0);
          if (!transitive.has(eco)) return;
          const [x, y, z] = [a, b, c].sort(cmp);
          expect(Math.sign(cmp(x!, z!))).toBeLessThanOrEqual(0);
          if (cmp(x!, y!) === 0 && cmp(y!, z!) === 0) expect(Math.sign(cmp(x!, z!))).toBe(0);
        }),
        { numRuns: 400, seed: 440 },
      );
    });
  }
});

describe('OSV ranges in each order', () => {
  it('a Packagist beta between two dotted betas is inside the range the second one fixes', () => {
    expect(inRange('1.0.0-beta.8.1', 'Packagist', [{ introduced: '0' }, { fixed: '1.0.0-beta.8.2' }])).toBe(true);
    expect(inRange('1.0.0-RC7', 'Packagist', [{ introduced: '0' }, { fixed: '1.0.0-RC7.1' }])).toBe(true);
    expect(inRange('1.0.0-RC7.1', 'Packagist', [{ introduced: '0' }, { fixed: '1.0.0-RC7.1' }])).toBe(false);
  });

  it('a JRuby build of the fixed release is fixed, and one before it is not', () => {
    const events = [{ introduced: '0' }, { fixed: '1.13.6' }];
    expect(inRange('1.13.6-java', 'RubyGems', events)).toBe(false);
    expect(inRange('1.13.5-java', 'RubyGems', events)).toBe(true);
    expect(inRange('1.13.6-x86_64-linux', 'RubyGems', events)).toBe(false);
  });

  it('lists fixed versions in the ecosystem order', () => {
    const record = {
      id: 'GHSA-x',
      affected: [
        {
          package: { ecosystem: 'Packagist', name: 'vendor/pkg' },
          ranges: [
            {
              type: 'ECOSYSTEM',
              events: [
                { introduced: '0' },
                { fixed: '1.0.0-RC7.1' },
                { introduced: '0.9' },
                { fixed: '1.0.0-RC7' },
                { fixed: '1.0.0-beta.8.2' },
              ],
            },
          ],
        },
      ],
    };
    expect(fixedVersions(record, { ecosystem: 'Packagist', name: 'vendor/pkg' })).toEqual([
      '1.0.0-beta.8.2',
      '1.0.0-RC7',
      '1.0.0-RC7.1',
    ]);
  });

  it('reads an ecosystem with a release suffix and gives SemVer where there is no order of its own', () => {
    expect(order('Maven:3', '1.0-alpha1', '1.0')).toBe(-1);
    expect(order('Unknown', '1.0.0-rc.1', '1.0.0')).toBe(-1);
  });
});
