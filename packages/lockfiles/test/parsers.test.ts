import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { LockfileError, parserFor, purlOf, type LockedPackage } from '../src/index.js';

const SHA512 = 'sha512-' + Buffer.alloc(64, 1).toString('base64');

interface Case {
  file: string;
  text: string;
  expect: string[]; // "name@version" plus " dev" when dev
  lines?: Record<string, number>;
  hashes?: Record<string, string>; // name → alg
}

const CASES: Case[] = [
  {
    file: 'package-lock.json',
    text: JSON.stringify(
      {
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app', dependencies: { express: '^4' } },
          'node_modules/express': { version: '4.19.2', integrity: SHA512 },
          'node_modules/@types/node': { version: '20.1.0', dev: true },
          'node_modules/express/node_modules/debug': { version: '2.6.9' },
          'packages/ui': { name: '@app/ui', version: '1.0.0' },
          'node_modules/@app/ui': { resolved: 'packages/ui', link: true },
        },
      },
      null,
      2,
    ),
    expect: ['express@4.19.2', '@types/node@20.1.0 dev', 'debug@2.6.9'],
    lines: { express: 11 },
    hashes: { express: 'SHA-512' },
  },
  {
    file: 'npm-shrinkwrap.json',
    text: JSON.stringify({
      lockfileVersion: 1,
      dependencies: {
        a: { version: '1.0.0', dependencies: { b: { version: '2.0.0', dev: true } } },
        local: { version: 'file:../local' },
      },
    }),
    expect: ['a@1.0.0', 'b@2.0.0 dev'],
  },
  {
    file: 'pnpm-lock.yaml',
    text:
      "lockfileVersion: '9.0'\n\npackages:\n\n  '@babel/core@7.24.0':\n    resolution: {integrity: " +
      SHA512 +
      '}\n\n  react-dom@18.3.1(react@18.3.1):\n    resolution: {integrity: sha512-AAAA}\n\n  ui@link:../ui:\n    resolution: {directory: ../ui}\n',
    expect: ['@babel/core@7.24.0', 'react-dom@18.3.1'],
    lines: { '@babel/core': 5 },
  },
  {
    file: 'pnpm-lock.yaml',
    text: 'lockfileVersion: 5.4\npackages:\n  /lodash/4.17.21:\n    resolution: {integrity: sha512-AAAA}\n    dev: true\n  /@scope/pkg/1.2.3_react@18.0.0:\n    resolution: {integrity: sha512-AAAA}\n',
    expect: ['lodash@4.17.21 dev', '@scope/pkg@1.2.3'],
  },
  {
    file: 'yarn.lock',
    text:
      '# yarn lockfile v1\n\n\n"@babel/code-frame@^7.0.0", "@babel/code-frame@^7.22.13":\n  version "7.22.13"\n  resolved "https://registry.yarnpkg.com/x.tgz"\n  integrity ' +
      SHA512 +
      '\n\nlodash@^4.17.21:\n  version "4.17.21"\n',
    expect: ['@babel/code-frame@7.22.13', 'lodash@4.17.21'],
    lines: { '@babel/code-frame': 4, lodash: 9 },
  },
  {
    file: 'yarn.lock',
    text: '__metadata:\n  version: 8\n\n"lodash@npm:^4.17.21":\n  version: 4.17.21\n  resolution: "lodash@npm:4.17.21"\n  checksum: 10c0/abc\n\n"app@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "app@workspace:."\n',
    expect: ['lodash@4.17.21'],
  },
  {
    file: 'bun.lock',
    text:
      '{\n  "lockfileVersion": 1,\n  "packages": {\n    "zod": ["zod@3.23.8", "", {}, "' +
      SHA512 +
      '"],\n    "app": ["app@workspace:."],\n  },\n}\n',
    expect: ['zod@3.23.8'],
    hashes: { zod: 'SHA-512' },
  },
  {
    file: 'requirements.txt',
    text:
      '# pinned\nDjango==5.0.6 \\\n    --hash=sha256:' +
      'a'.repeat(64) +
      '\nrequests>=2\nPyYAML===6.0.1  # comment\n-r other.txt\n',
    expect: ['django@5.0.6', 'pyyaml@6.0.1'],
    lines: { django: 2, pyyaml: 5 },
    hashes: { django: 'SHA-256' },
  },
  {
    file: 'poetry.lock',
    text:
      '[[package]]\nname = "Flask"\nversion = "3.0.3"\ncategory = "main"\nfiles = [{file = "flask.whl", hash = "sha256:' +
      'b'.repeat(64) +
      '"}]\n\n[[package]]\nname = "pytest"\nversion = "8.2.0"\ngroups = ["dev"]\n',
    expect: ['flask@3.0.3', 'pytest@8.2.0 dev'],
    lines: { flask: 2, pytest: 8 },
  },
  {
    file: 'uv.lock',
    text:
      'version = 1\n\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { editable = "." }\n\n[[package]]\nname = "anyio"\nversion = "4.4.0"\nsource = { registry = "https://pypi.org/simple" }\nsdist = { url = "x", hash = "sha256:' +
      'c'.repeat(64) +
      '" }\n',
    expect: ['anyio@4.4.0'],
    hashes: { anyio: 'SHA-256' },
  },
  {
    file: 'Pipfile.lock',
    text: JSON.stringify(
      {
        default: { requests: { version: '==2.32.3', hashes: ['sha256:' + 'd'.repeat(64)] } },
        develop: { black: { version: '==24.4.2' } },
      },
      null,
      4,
    ),
    expect: ['requests@2.32.3', 'black@24.4.2 dev'],
  },
  {
    file: 'go.mod',
    text: 'module example.com/app\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n\nrequire (\n\tgolang.org/x/net v0.23.0 // indirect\n\tgithub.com/gin-gonic/gin v1.10.0\n)\n',
    expect: [
      'github.com/pkg/errors@v0.9.1',
      'golang.org/x/net@v0.23.0',
      'github.com/gin-gonic/gin@v1.10.0',
      'stdlib@1.22.0',
    ],
    lines: { 'golang.org/x/net': 8, stdlib: 3 },
  },
  {
    file: 'Cargo.lock',
    text:
      'version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\n\n[[package]]\nname = "serde"\nversion = "1.0.200"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "' +
      'e'.repeat(64) +
      '"\n',
    expect: ['serde@1.0.200'],
    lines: { serde: 8 },
    hashes: { serde: 'SHA-256' },
  },
  {
    file: 'Gemfile.lock',
    text: 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.11)\n    nokogiri (1.16.5-x86_64-linux)\n      racc (~> 1.4)\n\nPLATFORMS\n  ruby\n\nBUNDLED WITH\n   2.5.9\n',
    expect: ['rack@3.0.11', 'nokogiri@1.16.5'],
    lines: { rack: 4 },
  },
  {
    file: 'composer.lock',
    text: JSON.stringify(
      {
        packages: [{ name: 'monolog/monolog', version: 'v3.6.0', dist: { shasum: 'f'.repeat(40) } }],
        'packages-dev': [{ name: 'phpunit/phpunit', version: '11.1.3' }],
      },
      null,
      4,
    ),
    expect: ['monolog/monolog@3.6.0', 'phpunit/phpunit@11.1.3 dev'],
    hashes: { 'monolog/monolog': 'SHA-1' },
  },
];

const show = (p: LockedPackage): string => `${p.name}@${p.version}${p.dev ? ' dev' : ''}`;

describe('lockfile parsers', () => {
  for (const c of CASES) {
    it(`reads ${c.file} (${c.expect.length} packages)`, () => {
      const parse = present(parserFor(c.file));
      const packages = parse(c.text, c.file);
      expect(packages.map(show)).toStrictEqual(c.expect);
      for (const [name, line] of Object.entries(c.lines ?? {}))
        expect(packages.find((p) => p.name === name)?.line).toBe(line);
      for (const [name, alg] of Object.entries(c.hashes ?? {}))
        expect(packages.find((p) => p.name === name)?.hashes[0]?.alg).toBe(alg);
      for (const p of packages) expect(p.file).toBe(c.file);
    });
  }

  it('turns the SRI integrity into hex', () => {
    const [p] = parserFor('package-lock.json')!(
      JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/a': { version: '1.0.0', integrity: SHA512 } } }),
      'package-lock.json',
    );
    expect(p!.hashes[0]!.hex).toBe('01'.repeat(64));
  });

  for (const [file, text] of [
    ['package-lock.json', '{ "packages": '],
    ['pnpm-lock.yaml', 'packages:\n  - [\n'],
    ['Cargo.lock', '[[package]\nname = 1'],
    ['yarn.lock', '# yarn lockfile v1\nnot a block\n'],
  ] as const) {
    it(`reports a malformed ${file} as a LockfileError`, () => {
      let thrown: unknown;
      try {
        parserFor(file)!(text, file);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(LockfileError);
      expect(thrown).toMatchObject({ file });
    });
  }

  it('knows which names are lockfiles', () => {
    expect(parserFor('requirements-dev.txt')).toBeTruthy();
    expect(parserFor('package.json')).toBeUndefined();
    expect(parserFor('constructor')).toBeUndefined();
  });
});

describe('purlOf', () => {
  const cases: [LockedPackage['ecosystem'], string, string, string][] = [
    ['npm', '@babel/core', '7.24.0', 'pkg:npm/%40babel/core@7.24.0'],
    ['npm', 'lodash', '4.17.21', 'pkg:npm/lodash@4.17.21'],
    ['PyPI', 'django', '5.0.6', 'pkg:pypi/django@5.0.6'],
    ['Go', 'github.com/gin-gonic/gin', 'v1.10.0', 'pkg:golang/github.com/gin-gonic/gin@v1.10.0'],
    ['crates.io', 'serde', '1.0.200', 'pkg:cargo/serde@1.0.200'],
    ['RubyGems', 'rack', '3.0.11', 'pkg:gem/rack@3.0.11'],
    ['Packagist', 'monolog/monolog', '3.6.0', 'pkg:composer/monolog/monolog@3.6.0'],
  ];
  for (const [ecosystem, name, version, purl] of cases)
    it(`${ecosystem} ${name}`, () => expect(purlOf({ ecosystem, name, version })).toBe(purl));
});
