import type { LockfileParser } from '../types.js';
import type * as v from 'valibot';
import { PipfileLockSchema, PoetryLockSchema, UvLockSchema } from '../schemas.js';
import type { Hash, LockedPackage } from '../types.js';
import { hexHash, isVersion, LineIndex, parseJsonLockfile, parseTomlLockfile, pypiName, warnIfEmpty } from '../util.js';
import { lineOf } from './npm.js';

/**
 * An exact pin: `name==1.2.3`, `name [extra] === 1.2.3`, followed by nothing, a marker or an
 * option. `==0.7.*` is a range, and `name== --hash=…` has no version: neither is a pin.
 */
const PIN = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9][A-Za-z0-9._+!-]*)(?=[\s;,]|$)/;

/**
 * requirements*.txt: only exact pins are resolved versions; `--hash` options are kept. Includes
 * (`-r`, `-c`) are other files, found and read as lockfiles of their own.
 */
export const parseRequirements: LockfileParser = (text, file, warnings) => {
  const out: LockedPackage[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const start = i;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
    const m = PIN.exec(line.replace(/(^|\s)#.*$/, ''));
    if (!m) continue;
    const hashes: Hash[] = [...line.matchAll(/--hash[=\s]+(sha256:[0-9a-fA-F]{64})/g)].flatMap((h) => hexHash(h[1]));
    out.push({ ecosystem: 'PyPI', name: pypiName(m[1]!), version: m[2]!, dev: false, hashes, file, line: start + 1 });
  }
  return warnIfEmpty(out, file, warnings);
};

/** poetry.lock and uv.lock, told apart by name: the two write `[[package]]` tables differently. */
export const parseTomlPythonLock: LockfileParser = (text, file, warnings) =>
  warnIfEmpty(/(^|[/!])uv\.lock$/.test(file) ? parseUvLock(text, file) : parsePoetryLock(text, file), file, warnings);

/**
 * poetry.lock: dev from `category` (Poetry 1) or `groups` (Poetry 2; a package outside `main`).
 * Lock format 2.0 (Poetry 1.5 to 1.8) records neither, so its packages are all runtime. Packages
 * from a local folder or file are the project's own and are left out.
 */
function parsePoetryLock(text: string, file: string): LockedPackage[] {
  const doc = parseTomlLockfile(text, file, PoetryLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const p of doc.package ?? []) {
    if (!p.name || !isVersion(p.version) || p.source?.type === 'directory' || p.source?.type === 'file') continue;
    const dev = p.category === 'dev' || (p.groups !== undefined && p.groups.length > 0 && !p.groups.includes('main'));
    out.push({
      ecosystem: 'PyPI',
      name: pypiName(p.name),
      version: p.version,
      dev,
      hashes: (p.files ?? []).flatMap((f) => hexHash(f.hash)).slice(0, 1),
      file,
      ...lineOf(lines, `name = "${p.name}"`),
    });
  }
  return out;
}

type UvPackage = NonNullable<v.InferOutput<typeof UvLockSchema>['package']>[number];

/**
 * uv.lock. Workspace members (editable or virtual sources) and local folders are the project's
 * own and are left out; dev-only packages are those reachable only from a member's dependency
 * groups (`dev-dependencies`), not from its dependencies or extras.
 */
function parseUvLock(text: string, file: string): LockedPackage[] {
  const doc = parseTomlLockfile(text, file, UvLockSchema);
  const lines = new LineIndex(text);
  const all = doc.package ?? [];
  const devOnly = uvDevOnly(all);
  const out: LockedPackage[] = [];
  for (const p of all) {
    if (!p.name || !isVersion(p.version) || isLocal(p.source)) continue;
    out.push({
      ecosystem: 'PyPI',
      name: pypiName(p.name),
      version: p.version,
      dev: devOnly.has(p),
      hashes: [p.sdist?.hash, ...(p.wheels ?? []).slice(0, 1).map((w) => w.hash)]
        .flatMap((h) => hexHash(h))
        .slice(0, 1),
      file,
      ...lineOf(lines, `name = "${p.name}"`),
    });
  }
  return out;
}

/** A source in the project's own files: a workspace member, a folder, or a path that is not a wheel or sdist. */
function isLocal(s: UvPackage['source']): boolean {
  if (s === undefined) return false;
  const { editable, virtual, directory, path } = s;
  return (
    [editable, virtual, directory].some((x) => x !== undefined) ||
    (path !== undefined && !/\.(whl|tar\.gz|zip)$/.test(path))
  );
}

function uvDevOnly(all: UvPackage[]): Set<UvPackage> {
  const byName = new Map<string, UvPackage[]>();
  for (const p of all) if (p.name) byName.set(pypiName(p.name), [...(byName.get(pypiName(p.name)) ?? []), p]);
  // A dependency names a package, and its version when the lock holds more than one.
  const resolve = (d: { name?: string; version?: string }): UvPackage[] =>
    (byName.get(pypiName(d.name ?? '')) ?? []).filter((p) => d.version === undefined || p.version === d.version);
  const edges = (p: UvPackage) => [
    ...(p.dependencies ?? []),
    ...Object.values(p['optional-dependencies'] ?? {}).flat(),
  ];
  const reach = (roots: UvPackage[]): Set<UvPackage> => {
    const seen = new Set<UvPackage>();
    for (let p = roots.pop(); p; p = roots.pop()) {
      if (seen.has(p)) continue;
      seen.add(p);
      for (const d of edges(p)) roots.push(...resolve(d));
    }
    return seen;
  };
  const members = all.filter((p) => p.source?.editable !== undefined || p.source?.virtual !== undefined);
  // Members' dependencies and extras are runtime; their dependency groups are not.
  const runtime = reach([...members]);
  const dev = reach(
    members.flatMap((m) => Object.values(m['dev-dependencies'] ?? {}).flatMap((g) => g.flatMap(resolve))),
  );
  return new Set([...dev].filter((p) => !runtime.has(p)));
}

/** Pipfile.lock: `default` (runtime) and `develop` sections; git and path entries have no version and are left out. */
export const parsePipfileLock: LockfileParser = (text, file, warnings) => {
  const doc = parseJsonLockfile(text, file, PipfileLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const [section, dev] of [
    ['default', false],
    ['develop', true],
  ] as const) {
    for (const [name, entry] of Object.entries(doc[section] ?? {})) {
      const version = entry.version?.replace(/^===?/, '');
      if (!isVersion(version)) continue;
      out.push({
        ecosystem: 'PyPI',
        name: pypiName(name),
        version,
        dev,
        hashes: (entry.hashes ?? []).flatMap((h) => hexHash(h)).slice(0, 1),
        file,
        ...lineOf(lines, `"${name}": {`),
      });
    }
  }
  return warnIfEmpty(out, file, warnings);
};
