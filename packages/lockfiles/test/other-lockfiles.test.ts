// go.mod, Python and Composer lockfiles as real projects write them: replace directives and the
// standard library, loose pins, local and git sources, and which packages are only for development.
import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { parserFor, type LockedPackage } from '../src/index.js';

const show = (p: LockedPackage): string => `${p.name}@${p.version}${p.dev ? ' dev' : ''}`;
const parse = (file: string, text: string): LockedPackage[] => present(parserFor(file))(text, file);
const read = (file: string, text: string): string[] => parse(file, text).map(show);

describe('go.mod', () => {
  it('applies replace directives: another module is what is built, a local folder is left out', () => {
    const text = `module example.com/app

go 1.21

toolchain go1.22.3

require (
	example.com/shared v0.0.0-00010101000000-000000000000
	github.com/gin-gonic/gin v1.9.1
	github.com/old/lib v1.0.0
	golang.org/x/net v0.17.0 // indirect
)

replace golang.org/x/net => golang.org/x/net v0.23.0

replace example.com/shared => ../shared

replace (
	github.com/old/lib v1.0.0 => github.com/new/lib v1.2.0
	github.com/gin-gonic/gin v1.8.0 => github.com/gin-gonic/gin v1.10.0
)
`;
    const out = parse('go.mod', text);
    expect(out.map(show)).toStrictEqual([
      'github.com/gin-gonic/gin@v1.9.1', // its replace names another version: no effect
      'github.com/new/lib@v1.2.0',
      'golang.org/x/net@v0.23.0',
      'stdlib@1.22.3',
    ]);
    expect(out.find((p) => p.name === 'golang.org/x/net')?.line).toBe(14); // the replace that chose it
    expect(out.find((p) => p.name === 'stdlib')?.line).toBe(5);
  });

  const releases: [string, string][] = [
    ['go 1.21\n', '1.21.0'],
    ['go 1.22.1\n', '1.22.1'],
    ['go 1.21rc2\n', '1.21.0-rc.2'],
    ['go 1.16\n', '1.16.0'],
    ['go 1.21\ntoolchain go1.22.3\n', '1.22.3'],
    ['go 1.21.0\ntoolchain go1.21.4-X:nocoverageredesign\n', '1.21.4'],
    ['toolchain default\ngo 1.20\n', '1.20.0'],
  ];
  for (const [directives, version] of releases)
    it(`the standard library of ${directives.trim().replace(/\n/g, ', ')} is stdlib ${version}`, () => {
      const stdlib = parse('go.mod', `module example.com/app\n\n${directives}`).filter((p) => p.name === 'stdlib');
      expect(stdlib).toMatchObject([{ ecosystem: 'Go', name: 'stdlib', version, dev: false }]);
    });

  it('without a go line there is no stdlib, and quoted module paths are read', () => {
    expect(read('go.mod', 'module "example.com/app"\n\nrequire "github.com/pkg/errors" v0.9.1\n')).toStrictEqual([
      'github.com/pkg/errors@v0.9.1',
    ]);
  });
});

describe('requirements.txt', () => {
  it('reads exact pins only: spaces and extras, markers; a prefix range or a missing version is no pin', () => {
    const text = `# via pip-compile
Django [argon2, bcrypt] == 5.0.6 \\
    --hash=sha256:${'a'.repeat(64)}
sqlparse==0.5.*
asgiref== --hash=sha256:${'b'.repeat(64)}
requests >= 2.31
idna===3.7 ; python_version >= "3.8"
-r base.txt
-c constraints.txt
-e git+https://github.com/acme/lib.git#egg=lib
urllib3 @ https://files.pythonhosted.org/packages/urllib3-2.2.1-py3-none-any.whl
`;
    const out = parse('requirements.txt', text);
    expect(out.map(show)).toStrictEqual(['django@5.0.6', 'idna@3.7']);
    expect(out[0]).toMatchObject({ line: 2, hashes: [{ alg: 'SHA-256', hex: 'a'.repeat(64) }] });
  });
});

describe('uv.lock', () => {
  const text = `version = 1
requires-python = ">=3.12"

[[package]]
name = "anyio"
version = "4.4.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "idna" },
    { name = "sniffio" },
]
sdist = { url = "https://files.pythonhosted.org/anyio-4.4.0.tar.gz", hash = "sha256:${'c'.repeat(64)}", size = 163930 }

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "anyio" },
    { name = "packaging" },
    { name = "shared-lib" },
]

[package.optional-dependencies]
cli = [
    { name = "click" },
]

[package.dev-dependencies]
dev = [
    { name = "pytest" },
]
lint = [
    { name = "ruff" },
]

[package.metadata]
requires-dist = [{ name = "anyio", specifier = ">=4" }]

[package.metadata.requires-dev]
dev = [{ name = "pytest", specifier = ">=8" }]

[[package]]
name = "click"
version = "8.1.7"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "idna"
version = "3.7"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "iniconfig"
version = "2.0.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "packaging"
version = "24.1"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "pytest"
version = "8.2.2"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "iniconfig" },
    { name = "packaging" },
]

[[package]]
name = "ruff"
version = "0.5.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "shared-lib"
version = "0.1.0"
source = { directory = "../shared" }
dependencies = [
    { name = "sniffio" },
]

[[package]]
name = "sniffio"
version = "1.3.1"
source = { registry = "https://pypi.org/simple" }
`;

  it('packages reached only from dependency groups are dev; members and local folders are left out', () => {
    expect(read('uv.lock', text)).toStrictEqual([
      'anyio@4.4.0',
      'click@8.1.7', // an extra is still runtime
      'idna@3.7',
      'iniconfig@2.0.0 dev',
      'packaging@24.1', // pytest's, and the app's own
      'pytest@8.2.2 dev',
      'ruff@0.5.0 dev',
      'sniffio@1.3.1',
    ]);
  });

  it('a dependency that names a version reaches that version only', () => {
    const two = `version = 1

[[package]]
name = "app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [{ name = "numpy", version = "2.0.0" }]

[package.dev-dependencies]
dev = [{ name = "numpy", version = "1.26.4" }]

[[package]]
name = "numpy"
version = "1.26.4"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "numpy"
version = "2.0.0"
source = { registry = "https://pypi.org/simple" }
`;
    expect(read('uv.lock', two)).toStrictEqual(['numpy@1.26.4 dev', 'numpy@2.0.0']);
  });
});

describe('poetry.lock and Pipfile.lock', () => {
  it('poetry: a local folder is left out, a git package is kept at its own version', () => {
    const text = `[[package]]
name = "mylib"
version = "0.1.0"
description = ""
optional = false
python-versions = "*"
files = []
develop = true

[package.source]
type = "directory"
url = "../mylib"

[[package]]
name = "requests"
version = "2.32.3"
description = "Python HTTP for Humans."
optional = false
python-versions = ">=3.8"
files = []

[package.source]
type = "git"
url = "https://github.com/psf/requests.git"
reference = "main"
resolved_reference = "0e322af87745eff34caffe4df68456ebc20d9068"

[metadata]
lock-version = "2.0"
python-versions = "^3.12"
content-hash = "${'0'.repeat(64)}"
`;
    expect(read('poetry.lock', text)).toStrictEqual(['requests@2.32.3']);
  });

  it('Pipfile: git and path entries have no version and are left out', () => {
    const text = JSON.stringify(
      {
        _meta: { hash: { sha256: '0'.repeat(64) }, 'pipfile-spec': 6 },
        default: {
          requests: { editable: true, git: 'https://github.com/psf/requests.git', ref: '0e322af8' },
          mylib: { editable: true, path: './mylib' },
          idna: { hashes: ['sha256:' + 'd'.repeat(64)], index: 'pypi', version: '==3.7' },
        },
        develop: {},
      },
      null,
      4,
    );
    expect(read('Pipfile.lock', text)).toStrictEqual(['idna@3.7']);
  });
});

describe('composer.lock', () => {
  it('packages-dev are dev; path repositories are the project own code and are left out', () => {
    const text = JSON.stringify(
      {
        'content-hash': '0'.repeat(32),
        packages: [
          {
            name: 'acme/shared',
            version: 'dev-main',
            dist: { type: 'path', url: '../shared', reference: '8f1a7c' },
          },
          {
            name: 'monolog/monolog',
            version: '3.6.0',
            dist: { type: 'zip', url: 'https://api.github.com/repos/Seldaek/monolog/zipball/4b18b21a', shasum: '' },
          },
        ],
        'packages-dev': [{ name: 'phpunit/phpunit', version: '11.1.3', dist: { type: 'zip', url: 'x' } }],
      },
      null,
      4,
    );
    expect(read('composer.lock', text)).toStrictEqual(['monolog/monolog@3.6.0', 'phpunit/phpunit@11.1.3 dev']);
  });
});
