import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { LOCKFILE_NAMES, LockfileError, parserFor, purlOf, type LockedPackage } from '../src/index.js';

describe('the registry of the formats added for Maven, NuGet, Dart, Elixir, Swift, CocoaPods, pdm, PEP 751, Deno', () => {
  const NAMES = [
    'pom.xml',
    'gradle.lockfile',
    'buildscript-gradle.lockfile',
    'settings-gradle.lockfile',
    'packages.lock.json',
    'packages.config',
    'Directory.Packages.props',
    'pdm.lock',
    'pylock.toml',
    'deno.lock',
    'gems.locked',
    'pubspec.lock',
    'mix.lock',
    'Package.resolved',
    'Podfile.lock',
  ];
  for (const name of NAMES)
    it(`finds ${name} by base name and by path`, () => {
      expect(parserFor(name)).toBeDefined();
      expect(parserFor(`apps/one/${name}`)).toBe(parserFor(name));
      expect(LOCKFILE_NAMES).toContain(name);
    });

  it('lists the formats read only under a folder by their path', () => {
    for (const path of ['vendor/modules.txt', 'gradle/verification-metadata.xml', 'gradle/libs.versions.toml'])
      expect(LOCKFILE_NAMES).toContain(path);
  });

  it('does not take a name that only ends like a lockfile', () => {
    for (const path of ['my-pom.xml', 'xpackages.config', 'gradle.lockfile.orig', 'vendor/modules.txt.bak'])
      expect(parserFor(path)).toBeUndefined();
  });

  it('reads gems.locked (Bundler with gems.rb) as the Gemfile.lock it is', () => {
    const text = 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.11)\n\nPLATFORMS\n  ruby\n';
    const packages = present(parserFor('gems.locked'))(text, 'gems.locked');
    expect(packages.map((p) => `${p.ecosystem} ${p.name}@${p.version} :${p.line}`)).toStrictEqual([
      'RubyGems rack@3.0.11 :4',
    ]);
  });
});

describe('purlOf for the new ecosystems', () => {
  const cases: [LockedPackage['ecosystem'], string, string, string][] = [
    ['Maven', 'org.apache.commons:commons-lang3', '3.14.0', 'pkg:maven/org.apache.commons/commons-lang3@3.14.0'],
    ['NuGet', 'Newtonsoft.Json', '13.0.3', 'pkg:nuget/Newtonsoft.Json@13.0.3'],
    ['Pub', 'flutter_lints', '3.0.2', 'pkg:pub/flutter_lints@3.0.2'],
    ['Hex', 'phoenix', '1.7.12', 'pkg:hex/phoenix@1.7.12'],
    ['SwiftURL', 'github.com/apple/swift-nio', '2.64.0', 'pkg:swift/github.com/apple/swift-nio@2.64.0'],
    ['CocoaPods', 'GoogleUtilities', '7.13.3', 'pkg:cocoapods/GoogleUtilities@7.13.3'],
  ];
  for (const [ecosystem, name, version, purl] of cases)
    it(`${ecosystem} ${name}`, () => expect(purlOf({ ecosystem, name, version })).toBe(purl));
});

// One small real-shaped file per format, with the features each parser branches on.
const SMALL: [string, string][] = [
  [
    'pom.xml',
    '<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <parent><groupId>g</groupId><artifactId>p</artifactId><version>1.0</version></parent>\n  <properties><a.version>2.0</a.version></properties>\n  <dependencyManagement><dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>${a.version}</version></dependency></dependencies></dependencyManagement>\n  <dependencies>\n    <dependency><groupId>x</groupId><artifactId>y</artifactId></dependency>\n    <dependency><groupId>${project.groupId}</groupId><artifactId>z</artifactId><version>[1.0]</version><scope>test</scope></dependency>\n  </dependencies>\n</project>\n',
  ],
  [
    'gradle/verification-metadata.xml',
    '<verification-metadata><components><component group="a" name="b" version="1"><artifact name="b-1.jar"><sha256 value="' +
      'a'.repeat(64) +
      '"/></artifact></component></components></verification-metadata>',
  ],
  [
    'packages.config',
    '<?xml version="1.0" encoding="utf-8"?>\n<packages>\n  <package id="A" version="1.0" developmentDependency="true"/>\n</packages>\n',
  ],
  [
    'Directory.Packages.props',
    '<Project>\n<PropertyGroup><V>1.0</V></PropertyGroup>\n<ItemGroup><PackageVersion Include="A" Version="$(V)"/><PackageVersion Include="B"><Version>2</Version></PackageVersion></ItemGroup>\n</Project>',
  ],
  [
    'gradle/libs.versions.toml',
    '[versions]\nk = "1.0"\n[libraries]\na = { module = "g:a", version.ref = "k" }\nb = "g:b:2.0"\nc = { group = "g", name = "c", version = { strictly = "[1,2[", prefer = "1.5" } }\n',
  ],
  ['gradle.lockfile', '# x\ng:a:1.0=compileClasspath\ng:b:2.0=testRuntimeClasspath\nempty=\n'],
  [
    'packages.lock.json',
    JSON.stringify(
      {
        version: 1,
        dependencies: {
          net8: {
            A: { type: 'Direct', resolved: '1.0', contentHash: Buffer.alloc(64).toString('base64') },
            P: { type: 'Project' },
          },
        },
      },
      null,
      2,
    ),
  ],
  [
    'pdm.lock',
    '[metadata]\ngroups = ["default"]\n[[package]]\nname = "a"\nversion = "1"\ngroups = ["dev"]\nfiles = [{file = "a.whl", hash = "sha256:' +
      'a'.repeat(64) +
      '"}]\n',
  ],
  [
    'pylock.toml',
    'lock-version = "1.0"\ndefault-groups = []\n[[packages]]\nname = "a"\nversion = "1"\nmarker = "\'dev\' in dependency_groups"\nwheels = [{ hashes = { sha256 = "' +
      'b'.repeat(64) +
      '" } }]\n',
  ],
  [
    'deno.lock',
    JSON.stringify(
      { version: '4', npm: { 'a@1.0.0_b@2.0.0': { integrity: 'sha512-' + Buffer.alloc(64).toString('base64') } } },
      null,
      2,
    ),
  ],
  ['deno.lock', JSON.stringify({ version: '3', packages: { npm: { 'a@1.0.0': { integrity: 'x' } } } }, null, 2)],
  [
    'pubspec.lock',
    'packages:\n  a:\n    dependency: "direct dev"\n    description:\n      name: a\n      sha256: "' +
      'c'.repeat(64) +
      '"\n    source: hosted\n    version: "1.0.0"\n  f:\n    description: flutter\n    source: sdk\n    version: "0.0.0"\n',
  ],
  [
    'mix.lock',
    '%{\n  "a": {:hex, :a, "1.0.0", "' +
      '1'.repeat(64) +
      '", [:mix], [], "hexpm", "' +
      '2'.repeat(64) +
      '"},\n  "g": {:git, "https://x/y.git", "abc", []},\n}\n',
  ],
  [
    'Package.resolved',
    JSON.stringify(
      {
        pins: [
          {
            identity: 'a',
            kind: 'remoteSourceControl',
            location: 'https://github.com/o/a.git',
            state: { version: '1.0.0' },
          },
        ],
        version: 2,
      },
      null,
      2,
    ),
  ],
  [
    'Package.resolved',
    JSON.stringify(
      {
        object: { pins: [{ package: 'a', repositoryURL: 'git@github.com:o/a.git', state: { version: '1.0.0' } }] },
        version: 1,
      },
      null,
      2,
    ),
  ],
  ['Podfile.lock', 'PODS:\n  - A (1.0)\n  - B/C (2.0):\n    - A\nEXTERNAL SOURCES:\n  L:\n    :path: ../L\n'],
  ['vendor/modules.txt', '# a/b v1.0.0\n## explicit\na/b\n# c/d v1.0.0 => e/f v1.1.0\n# g/h => ../h\n'],
];

describe('damaged files of the new formats', () => {
  it('every prefix of a real-shaped file is read or refused with a LockfileError naming it, never a TypeError', () => {
    for (const [file, text] of SMALL) {
      const parse = present(parserFor(file));
      expect(parse(text, file).length).toBeGreaterThan(0);
      for (let i = 0; i < text.length; i++) {
        let packages: LockedPackage[];
        try {
          packages = parse(text.slice(0, i), file);
        } catch (err) {
          if (!(err instanceof LockfileError)) throw new Error(`${file} cut at ${i}: ${String(err)}`);
          expect(err.file).toBe(file);
          continue;
        }
        for (const p of packages) expect(p.name !== '' && p.version !== '' && p.file === file).toBe(true);
      }
    }
  });
});
