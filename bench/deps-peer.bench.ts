// slipway's dependency scanner beside osv-scanner, the OSV project's own, on the same lockfiles
// and the same OSV records, both offline:
//  - setup: osv-scanner from the Go module proxy (`go install …@OSV_SCANNER_VERSION`, on Go 1.27
//    through GOTOOLCHAIN when the machine's Go is older) unless it is on PATH or in GOPATH/bin;
//  - one real-shaped lockfile per format (npm, pnpm, yarn, poetry, requirements, go.mod,
//    Cargo.lock, Gemfile.lock, composer.lock) whose versions probe each ecosystem's order:
//    pre-releases, platforms, post and patch releases, pseudo-versions, `v` prefixes;
//  - one OSV record per probe, written as slipway's osv-db folder and as osv-scanner's local
//    databases (<dir>/osv-scalibr/<Ecosystem>/all.zip), so nothing reaches the network;
//  - printed: the packages each tool read from each lockfile, then every finding of either tool
//    beside what the ecosystem's documented order says it should be.
// Run: npm run bench:deps-peer   (--keep leaves the tree in the temp folder to look at)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { readLockfiles, scanDependencies } from '@slipway/security';
import { recordRatio } from './summary.js';

/** The newest osv-scanner v2 the Go module proxy listed (`go list -m -versions github.com/google/osv-scanner/v2`). */
const OSV_SCANNER_VERSION = 'v2.6.0';
/** Its go.mod asks for Go 1.27; this is the toolchain the Go module proxy serves for that. */
const GO_TOOLCHAIN = 'go1.27.3';

type Event = { introduced?: string; fixed?: string; last_affected?: string };
/** A locked package, and what an advisory's range says about it under the ecosystem's documented order. */
interface Probe {
  file: string;
  eco: string;
  name: string;
  version: string;
  dev: boolean;
  /** The advisory's range, when the probe has one. */
  events?: Event[];
  /** What the documented order says; undefined where the tools differ by policy, not by order. */
  affected?: boolean;
  why: string;
}

// lockfile | ecosystem | package ("(dev)" for a dev dependency) | locked version | advisory range
// (introduced..fixed pairs, `..=` for last_affected; none: no advisory) | documented order | why
const PROBE_TABLE = `
npm/package-lock.json         | npm       | minimist                 | 1.2.5                | 0..1.2.6                   | affected     | below the fix
npm/package-lock.json         | npm       | next                     | 13.0.0-canary.3      | 12.0.0..13.0.0             | affected     | a pre-release sorts below its release
npm/package-lock.json         | npm       | jest (dev)               | 29.7.0               | 0..29.0.0                  | not affected | past the fix
npm/package-lock.json         | npm       | lodash                   | 4.17.21              | 0..=4.17.20                | not affected | after last_affected
npm/package-lock.json         | npm       | ms                       | 2.1.3                |                            |              |
pnpm/pnpm-lock.yaml           | npm       | semver                   | 7.5.1                | 7.0.0..7.5.2               | affected     | below the fix
pnpm/pnpm-lock.yaml           | npm       | @babel/traverse (dev)    | 7.23.1               | 0..7.23.2                  | affected     | scoped name, below the fix
pnpm/pnpm-lock.yaml           | npm       | ws                       | 8.17.1               | 8.0.0..8.17.1              | not affected | at the fix
yarn/yarn.lock                | npm       | json5                    | 1.0.1                | 0..1.0.2, 2.0.0..2.2.2     | affected     | first of two ranges
yarn/yarn.lock                | npm       | minimatch                | 3.1.2                | 0..3.0.5                   | not affected | past the fix
yarn/yarn.lock                | npm       | @types/node              | 20.11.5              |                            |              |
poetry/poetry.lock            | PyPI      | django                   | 4.2.0                | 4.2..4.2.1                 | affected     | 4.2 == 4.2.0
poetry/poetry.lock            | PyPI      | certifi                  | 2022.12.7            | 0..2022.12.07              | not affected | 07 == 7: at the fix
poetry/poetry.lock            | PyPI      | jinja2                   | 3.1.2                | 0..3.1.3                   | affected     | below the fix
requirements/requirements.txt | PyPI      | flask                    | 2.2.4                | 0..2.2.5, 2.3.0..2.3.2     | affected     | first of two ranges
requirements/requirements.txt | PyPI      | werkzeug                 | 2.2.3rc1             | 0..2.2.3                   | affected     | rc1 sorts below its release
requirements/requirements.txt | PyPI      | numpy                    | 1.22.0               | 0..1.22.0rc1               | not affected | the release is past its rc
requirements/requirements.txt | PyPI      | urllib3                  | 1.26.18.post1        | 0..1.26.18                 | not affected | a post release is past its release
go/go.mod                     | Go        | golang.org/x/net         | v0.17.0              | 0..0.23.0                  | affected     | below the fix
go/go.mod                     | Go        | golang.org/x/crypto      | v0.0.0-20220314234659-1baeb1ce4c0b | 0..0.17.0    | affected     | a pseudo-version of v0.0.0
go/go.mod                     | Go        | github.com/docker/docker | v24.0.6+incompatible | 24.0.0..24.0.7             | affected     | build metadata does not count
go/go.mod                     | Go        | github.com/gin-gonic/gin | v1.9.1               | 0..1.9.1                   | not affected | at the fix
go/go.mod                     | Go        | stdlib                   | 1.22.0               | 1.22.0-0..1.22.2           | policy       | the go directive is a minimum language version, not the toolchain: osv-scanner drops it unless told to, slipway reads it
cargo/Cargo.lock              | crates.io | smallvec                 | 1.6.0                | 1.6.0..1.6.1               | affected     | below the fix
cargo/Cargo.lock              | crates.io | regex                    | 1.5.5                | 0..1.5.5                   | not affected | at the fix
cargo/Cargo.lock              | crates.io | tokio                    | 1.18.0               | 1.7.0..1.18.4, 1.19.0..1.20.1 | affected  | first of two ranges
bundler/Gemfile.lock          | RubyGems  | rack                     | 2.2.3                | 0..2.2.3.1                 | affected     | a fourth segment
bundler/Gemfile.lock          | RubyGems  | nokogiri                 | 1.13.6-java          | 0..1.13.6                  | not affected | the JRuby build of the fixed release
bundler/Gemfile.lock          | RubyGems  | nokogiri                 | 1.13.6-x86_64-linux  |                            |              |
bundler/Gemfile.lock          | RubyGems  | activesupport            | 7.0.0.rc1            | 7.0.0.alpha..7.0.0         | affected     | rc1 sorts below its release
bundler/Gemfile.lock          | RubyGems  | racc                     | 1.6.0                |                            |              |
composer/composer.lock        | Packagist | guzzlehttp/psr7          | 2.4.4                | 2.0.0..2.4.5               | affected     | below the fix
composer/composer.lock        | Packagist | symfony/http-kernel      | v6.2.5               | 6.2.0..6.2.6               | affected     | the v prefix does not count
composer/composer.lock        | Packagist | acme/beta-lib            | 1.0.0-beta.8.1       | 0..1.0.0-beta.8.2          | affected     | beta.8.1 < beta.8.2
composer/composer.lock        | Packagist | acme/rc-lib              | 2.0.0-RC7            | 0..2.0.0-RC7.1             | affected     | RC7 < RC7.1
composer/composer.lock        | Packagist | acme/patch-lib           | 1.4.0-p1             | 0..1.4.0                   | not affected | a patch release is past its release
composer/composer.lock        | Packagist | acme/short-lib           | v2.1                 | 0..2.1.0                   | not affected | Composer normalises both to 2.1.0.0 (bare version_compare has 2.1 < 2.1.0)
composer/composer.lock        | Packagist | phpunit/phpunit (dev)    | 9.5.27               | 0..9.5.10                  | not affected | past the fix
`;

const PROBES: Probe[] = PROBE_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [file, eco, pkg, version, ranges, verdict, why] = line.split('|').map((c) => c.trim()) as string[];
    const events = ranges!
      .split(',')
      .filter((r) => r.trim())
      .flatMap((r): Event[] => {
        const [introduced, end] = r.trim().split('..') as [string, string];
        return [{ introduced }, end.startsWith('=') ? { last_affected: end.slice(1) } : { fixed: end }];
      });
    return {
      file: file!,
      eco: eco!,
      name: pkg!.replace(/ \(dev\)$/, ''),
      version: version!,
      dev: pkg!.endsWith('(dev)'),
      ...(events.length ? { events } : {}),
      ...(verdict === 'affected' || verdict === 'not affected' ? { affected: verdict === 'affected' } : {}),
      why: why!,
    };
  });

const sha = (alg: 'sha1' | 'sha256' | 'sha512', s: string, enc: 'hex' | 'base64' = 'hex'): string =>
  createHash(alg).update(s).digest(enc);
const inFile = (file: string): Probe[] => PROBES.filter((p) => p.file === file);
const npmTgz = (name: string, version: string): string =>
  `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`;

/** The lockfiles, as the package managers write them. */
function lockfiles(): Record<string, string> {
  const npm = inFile('npm/package-lock.json');
  const pnpm = inFile('pnpm/pnpm-lock.yaml');
  const yarn = inFile('yarn/yarn.lock');
  const deps = (ps: Probe[], dev: boolean) =>
    Object.fromEntries(ps.filter((p) => p.dev === dev).map((p) => [p.name, `^${p.version}`]));
  const out: Record<string, string> = {};
  out['npm/package-lock.json'] = `${JSON.stringify(
    {
      name: 'bench-app',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'bench-app', version: '1.0.0', dependencies: deps(npm, false), devDependencies: deps(npm, true) },
        ...Object.fromEntries(
          npm.map((p) => [
            `node_modules/${p.name}`,
            {
              version: p.version,
              resolved: npmTgz(p.name, p.version),
              integrity: `sha512-${sha('sha512', `${p.name}@${p.version}`, 'base64')}`,
              ...(p.dev ? { dev: true } : {}),
              license: 'MIT',
            },
          ]),
        ),
      },
    },
    null,
    2,
  )}\n`;
  const importer = (dev: boolean) =>
    pnpm
      .filter((p) => p.dev === dev)
      .map((p) => `      '${p.name}':\n        specifier: ^${p.version}\n        version: ${p.version}\n`)
      .join('');
  out['pnpm/pnpm-lock.yaml'] = [
    "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .:\n",
    `    dependencies:\n${importer(false)}    devDependencies:\n${importer(true)}\npackages:\n\n`,
    pnpm
      .map(
        (p) =>
          `  '${p.name}@${p.version}':\n    resolution: {integrity: sha512-${sha('sha512', p.name, 'base64')}}\n    engines: {node: '>=10'}\n\n`,
      )
      .join(''),
    'snapshots:\n\n',
    pnpm.map((p) => `  '${p.name}@${p.version}': {}\n\n`).join(''),
  ]
    .join('')
    .replace(/\n+$/, '\n');
  out['yarn/yarn.lock'] =
    `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n${yarn
      .map(
        (p) =>
          `"${p.name}@^${p.version}":\n  version "${p.version}"\n  resolved "${npmTgz(p.name, p.version).replace('npmjs.org', 'yarnpkg.com')}#${sha('sha1', p.name)}"\n  integrity sha512-${sha('sha512', p.name, 'base64')}\n`,
      )
      .join('\n')}`;
  out['poetry/poetry.lock'] =
    `# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.\n\n${inFile(
      'poetry/poetry.lock',
    )
      .map(
        (p) =>
          `[[package]]\nname = "${p.name}"\nversion = "${p.version}"\ndescription = "${p.name}"\noptional = false\npython-versions = ">=3.8"\nfiles = [\n    {file = "${p.name}-${p.version}-py3-none-any.whl", hash = "sha256:${sha('sha256', p.name)}"},\n    {file = "${p.name}-${p.version}.tar.gz", hash = "sha256:${sha('sha256', p.version)}"},\n]\n`,
      )
      .join(
        '\n',
      )}\n[metadata]\nlock-version = "2.0"\npython-versions = "^3.10"\ncontent-hash = "${sha('sha256', 'poetry')}"\n`;
  out['requirements/requirements.txt'] = `#\n# This file is autogenerated by pip-compile with Python 3.11\n#\n${inFile(
    'requirements/requirements.txt',
  )
    .map((p) => `${p.name}==${p.version}\n    # via -r requirements.in\n`)
    .join('')}`;
  const gomod = inFile('go/go.mod').filter((p) => p.name !== 'stdlib');
  out['go/go.mod'] = `module example.com/bench\n\ngo 1.22.0\n\nrequire (\n${gomod
    .slice(0, 2)
    .map((p) => `\t${p.name} ${p.version}\n`)
    .join('')})\n\nrequire (\n${gomod
    .slice(2)
    .map((p) => `\t${p.name} ${p.version} // indirect\n`)
    .join('')})\n`;
  const crates = inFile('cargo/Cargo.lock');
  out['cargo/Cargo.lock'] =
    `# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 3\n\n[[package]]\nname = "bench"\nversion = "0.1.0"\ndependencies = [\n${crates
      .map((p) => ` "${p.name}",\n`)
      .join('')}]\n${crates
      .map(
        (p) =>
          `\n[[package]]\nname = "${p.name}"\nversion = "${p.version}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${sha('sha256', p.name + p.version)}"\n`,
      )
      .join('')}`;
  const gems = inFile('bundler/Gemfile.lock');
  out['bundler/Gemfile.lock'] = `GEM\n  remote: https://rubygems.org/\n  specs:\n${gems
    .map((p) => `    ${p.name} (${p.version})\n`)
    .join(
      '',
    )}\nPLATFORMS\n  java\n  x86_64-linux\n\nDEPENDENCIES\n${[...new Set(gems.map((p) => p.name))].map((n) => `  ${n}\n`).join('')}\nBUNDLED WITH\n   2.4.10\n`;
  const composer = (p: Probe) => ({
    name: p.name,
    version: p.version,
    source: { type: 'git', url: `https://github.com/${p.name}.git`, reference: sha('sha1', p.name + p.version) },
    dist: {
      type: 'zip',
      url: `https://api.github.com/repos/${p.name}/zipball/${sha('sha1', p.name + p.version)}`,
      reference: sha('sha1', p.name + p.version),
      shasum: '',
    },
    require: { php: '>=8.1' },
    type: 'library',
    license: ['MIT'],
    time: '2023-01-31T10:00:00+00:00',
  });
  const php = inFile('composer/composer.lock');
  out['composer/composer.lock'] = `${JSON.stringify(
    {
      _readme: [
        'This file locks the dependencies of your project to a known state',
        'Read more about it at https://getcomposer.org/doc/01-basic-usage.md#installing-dependencies',
        'This file is @generated automatically',
      ],
      'content-hash': sha('sha1', 'composer').slice(0, 32),
      packages: php.filter((p) => !p.dev).map(composer),
      'packages-dev': php.filter((p) => p.dev).map(composer),
      aliases: [],
      'minimum-stability': 'stable',
      'stability-flags': {},
      'prefer-stable': false,
      'prefer-lowest': false,
      platform: { php: '>=8.1' },
      'platform-dev': [],
      'plugin-api-version': '2.6.0',
    },
    null,
    4,
  )}\n`;
  return out;
}

/** One OSV record per probe with a range; the ids say which probe. */
function records(): { eco: string; record: object }[] {
  return PROBES.filter((p) => p.events).map((p, i) => {
    const version = p.eco === 'Go' ? p.version.replace(/^v/, '') : p.version;
    return {
      eco: p.eco,
      record: {
        schema_version: '1.6.0',
        id: `BENCH-${String(i + 1).padStart(3, '0')}`,
        modified: '2024-01-01T00:00:00Z',
        published: '2024-01-01T00:00:00Z',
        summary: `Probe: ${p.name}@${version} (${p.why})`,
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
        affected: [
          {
            package: { ecosystem: p.eco, name: p.name },
            ranges: [{ type: ['npm', 'Go', 'crates.io'].includes(p.eco) ? 'SEMVER' : 'ECOSYSTEM', events: p.events }],
          },
        ],
      },
    };
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const start = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  return { ...r, ms: performance.now() - start };
}

/** osv-scanner on PATH, in GOPATH/bin, or installed there now from the Go module proxy. */
function osvScanner(): string {
  const onPath = run('osv-scanner', ['--version']);
  if (onPath.status === 0) return 'osv-scanner';
  const gopath = run('go', ['env', 'GOPATH']).stdout?.trim();
  if (!gopath) throw new Error('neither osv-scanner nor go is installed: install Go 1.26+ first');
  const bin = join(gopath, 'bin', 'osv-scanner');
  if (existsSync(bin)) return bin;
  const goVersion = run('go', ['env', 'GOVERSION']).stdout.trim();
  const [major, minor] = goVersion.replace(/^go/, '').split('.').map(Number);
  const env = major! > 1 || minor! >= 27 ? process.env : { ...process.env, GOTOOLCHAIN: GO_TOOLCHAIN };
  console.log(`installing osv-scanner ${OSV_SCANNER_VERSION} with go install (${env.GOTOOLCHAIN ?? goVersion})…`);
  const r = spawnSync('go', ['install', `github.com/google/osv-scanner/v2/cmd/osv-scanner@${OSV_SCANNER_VERSION}`], {
    env,
    stdio: 'inherit',
  });
  if (r.status !== 0 || !existsSync(bin)) throw new Error(`go install osv-scanner failed (exit ${r.status})`);
  return bin;
}

/** Writes a zip of JSON files with Python's zipfile, as the security bench does. */
function zip(path: string, files: Record<string, string>): void {
  const r = spawnSync(
    'python3',
    [
      '-c',
      'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED)\nfor n,t in json.load(sys.stdin).items(): z.writestr(n,t)\nz.close()',
      path,
    ],
    { input: JSON.stringify(files) },
  );
  if (r.status !== 0) throw new Error(`zip ${path}: ${r.stderr}`);
}

interface OsvScannerJson {
  results?: {
    source: { path: string };
    packages?: { package: { name: string; version: string; ecosystem: string }; vulnerabilities?: { id: string }[] }[];
  }[];
}

const bin = osvScanner();
const peerVersion = run(bin, ['--version']).stdout.split('\n')[0]!.replace('osv-scanner version: ', '');
const base = mkdtempSync(join(tmpdir(), 'slipway-deps-peer-'));
const tree = join(base, 'tree');
const osvDb = join(base, 'osv-db');
const peerDb = join(base, 'osv-scanner-db');
const files = lockfiles();
for (const [file, text] of Object.entries(files)) {
  mkdirSync(join(tree, file, '..'), { recursive: true });
  writeFileSync(join(tree, file), text);
}
const recs = records();
mkdirSync(osvDb, { recursive: true });
for (const { record } of recs)
  writeFileSync(join(osvDb, `${(record as { id: string }).id}.json`), JSON.stringify(record));
for (const eco of new Set(recs.map((r) => r.eco))) {
  mkdirSync(join(peerDb, 'osv-scalibr', eco), { recursive: true });
  zip(
    join(peerDb, 'osv-scalibr', eco, 'all.zip'),
    Object.fromEntries(
      recs
        .filter((r) => r.eco === eco)
        .map(({ record }) => [`${(record as { id: string }).id}.json`, JSON.stringify(record)]),
    ),
  );
}

// slipway, in this process, as the action runs it.
const logger = new RecordingLogger();
const t0 = performance.now();
const ours = await scanDependencies(tree, { kind: 'offline', path: osvDb }, logger);
const oursMs = performance.now() - t0;
const oursPackages = readLockfiles(tree, new RecordingLogger()).packages;

// osv-scanner, offline, on the same files.
const peer = run(
  bin,
  [
    'scan',
    'source',
    '--offline',
    '--offline-vulnerabilities',
    '--all-packages',
    '--no-call-analysis=go',
    '--format',
    'json',
    ...Object.keys(files).flatMap((f) => ['-L', join(tree, f)]),
  ],
  { ...process.env, OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY: peerDb },
);
let parsed: OsvScannerJson = {};
try {
  parsed = JSON.parse(peer.stdout) as OsvScannerJson;
} catch {
  console.log(`osv-scanner did not print JSON (exit ${peer.status}):\n${peer.stderr.slice(-2000)}`);
}

const key = (file: string, name: string, version: string): string => `${file}\0${name}@${version}`;
const peerPackages = new Map<string, Set<string>>();
const peerFindings = new Map<string, Set<string>>();
for (const r of parsed.results ?? []) {
  const file = r.source.path.slice(tree.length + 1);
  const names = peerPackages.get(file) ?? new Set<string>();
  peerPackages.set(file, names);
  for (const p of r.packages ?? []) {
    names.add(`${p.package.name}@${p.package.version}`);
    for (const v of p.vulnerabilities ?? []) {
      const k = key(file, p.package.name, p.package.version);
      peerFindings.set(k, (peerFindings.get(k) ?? new Set()).add(v.id));
    }
  }
}
const oursByFile = new Map<string, Set<string>>();
for (const p of oursPackages)
  oursByFile.set(p.file, (oursByFile.get(p.file) ?? new Set()).add(`${p.name}@${p.version}`));
const oursFindings = new Map<string, Set<string>>();
for (const f of ours.findings) {
  const m = /^(.+?)@(\S+)(?: \(dev\))? is affected by (\S+)/.exec(f.message);
  if (!m) continue;
  const k = key(f.file, m[1]!, m[2]!);
  oursFindings.set(k, (oursFindings.get(k) ?? new Set()).add(m[3]!));
}

const list = (s: Iterable<string>): string => [...s].sort().join(', ') || '—';
const bare = (s: Set<string>): Set<string> => new Set([...s].map((x) => x.replace(/@v(?=\d)/, '@')));
const lines: string[] = [
  `slipway (this tree) beside osv-scanner ${peerVersion}, ${Object.keys(files).length} lockfiles, ${recs.length} OSV records, both offline; slipway ${oursMs.toFixed(0)} ms in process, osv-scanner ${peer.ms.toFixed(0)} ms as a process (exit ${peer.status}).`,
  '',
  '### Packages read',
  '',
  "Versions compared without a leading `v`: slipway keeps Go's and drops Composer's, osv-scanner the other way round.",
  '',
  '| lockfile | slipway | osv-scanner | only slipway | only osv-scanner |',
  '|---|---|---|---|---|',
];
for (const file of Object.keys(files)) {
  const a = bare(oursByFile.get(file) ?? new Set<string>());
  const b = bare(peerPackages.get(file) ?? new Set<string>());
  lines.push(
    `| ${file} | ${a.size} | ${b.size} | ${list([...a].filter((x) => !b.has(x)))} | ${list([...b].filter((x) => !a.has(x)))} |`,
  );
}
lines.push(
  '',
  '### Findings',
  '',
  '| lockfile | package | advisory range | documented order | slipway | osv-scanner |',
  '|---|---|---|---|---|---|',
);
let agreeOurs = 0;
let agreePeer = 0;
const probes = PROBES.filter((p) => p.events);
probes.forEach((p, i) => {
  const id = `BENCH-${String(i + 1).padStart(3, '0')}`;
  // Each tool names the package as it read it: slipway keeps the platform, osv-scanner may not.
  const hit = (m: Map<string, Set<string>>): boolean =>
    [...m].some(([k, ids]) => k.startsWith(`${p.file}\0${p.name}@`) && ids.has(id));
  const [a, b] = [hit(oursFindings), hit(peerFindings)];
  const judged = p.affected !== undefined;
  agreeOurs += Number(a === p.affected);
  agreePeer += Number(b === p.affected);
  const ev = p.events!.map((e) => Object.entries(e).map(([k, v]) => `${k} ${v}`)).join(', ');
  const word = (x: boolean): string => (x ? 'affected' : 'not affected');
  const mark = (x: boolean): string => `${word(x)}${judged && x !== p.affected ? ' ✗' : ''}`;
  lines.push(
    `| ${p.file} | ${p.name}@${p.version} | ${ev} | ${judged ? word(p.affected!) : 'policy'}: ${p.why} | ${mark(a)} | ${mark(b)} |`,
  );
});
const judged = probes.filter((p) => p.affected !== undefined).length;
lines.push(
  '',
  `Agreement with each ecosystem's documented order: slipway ${agreeOurs}/${judged}, osv-scanner ${agreePeer}/${judged} (policy rows aside).`,
);
const warnings = logger.records.filter((r) => r.level === 'warning').map((r) => r.message);
if (warnings.length) lines.push('', `slipway warnings: ${warnings.join('; ')}`);
console.log(lines.join('\n'));
// For npm run bench:all: agreement with the documented order, and time.
recordRatio({
  bench: 'deps-peer',
  measure: `OSV matching: findings that match the documented order, ${judged} cases`,
  slipway: agreeOurs,
  peer: `osv-scanner ${peerVersion}`,
  peerValue: agreePeer,
  better: 'higher',
});
recordRatio({
  bench: 'deps-peer',
  measure: `OSV matching: time, ${Object.keys(files).length} lockfiles`,
  slipway: oursMs,
  peer: `osv-scanner ${peerVersion}`,
  peerValue: peer.ms,
  unit: 'ms',
  note: 'slipway in process, the peer as a whole process',
});
if (process.argv.includes('--keep')) console.log(`\ntree kept in ${base}`);
else rmSync(base, { recursive: true, force: true });
