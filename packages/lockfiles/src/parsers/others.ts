import { CargoLockSchema, ComposerLockSchema } from '../schemas.js';
import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';
import { hexHash, isVersion, LineIndex, parseJsonLockfile, parseTomlLockfile, warnIfEmpty } from '../util.js';
import { lineOf } from './npm.js';

/** Words that begin a go.mod directive; a line beginning with any other word is not go.mod. */
const GO_DIRECTIVES = new Set([
  'module',
  'go',
  'toolchain',
  'godebug',
  'require',
  'replace',
  'exclude',
  'retract',
  'tool',
  'ignore',
]);

/** A Go release as OSV's `stdlib` ranges write it: `1.21` is 1.21.0, `1.21rc2` is 1.21.0-rc.2. */
function goRelease(text: string): string | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/.exec(text);
  if (!m) return undefined;
  return `${m[1]}.${m[2]}.${m[3] ?? 0}${m[4] ? `-${m[4]}.${m[5]}` : ''}`;
}

/** A replacement that is a folder (`./x`, `../x`, `/x`, `C:\\x`): local code, with no version. */
const LOCAL_GO_PATH = /^(\.{1,2}[/\\]|[/\\]|[A-Za-z]:[/\\])/;

/**
 * go.mod: the `require`d modules (directives and blocks) as `replace` directives rewrite them: a
 * replacement by another module is what is built and checked, one by a local folder is the
 * project's own code and is left out. The standard library is the package `stdlib` at the
 * `toolchain` release, else at the `go` one, so Go's own advisories are found.
 */
export const parseGoMod: LockfileParser = (text, file, warnings) => {
  const requires: { name: string; version: string; line: number }[] = [];
  const replaces: { old: string; oldVersion?: string; name: string; version?: string; line: number }[] = [];
  let go: { version: string; line: number } | undefined;
  let toolchain: typeof go;
  let block: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') return;
    let verb = block;
    let args = line.split(/\s+/);
    if (block === undefined) {
      verb = args.shift()!;
      if (!GO_DIRECTIVES.has(verb))
        throw new LockfileError(`line ${i + 1} is not a go.mod directive: ${line.slice(0, 80)}`, file, i + 1);
      if (args.length === 1 && args[0] === '(') {
        block = verb;
        return;
      }
    } else if (line === ')') {
      block = undefined;
      return;
    }
    args = args.map((a) => a.replace(/^"(.*)"$/, '$1'));
    if (verb === 'go' && args[0]) go = { version: args[0], line: i + 1 };
    else if (verb === 'toolchain' && args[0])
      toolchain = { version: args[0].replace(/^go/, '').split('-')[0]!, line: i + 1 };
    else if (verb === 'require' && args.length >= 2) requires.push({ name: args[0]!, version: args[1]!, line: i + 1 });
    else if (verb === 'replace') {
      const arrow = args.indexOf('=>');
      if (arrow < 1) return;
      replaces.push({
        old: args[0]!,
        oldVersion: arrow === 2 ? args[1] : undefined,
        name: args[arrow + 1] ?? '',
        version: args[arrow + 2],
        line: i + 1,
      });
    }
  });
  const out: LockedPackage[] = [];
  for (const r of requires) {
    // The last matching replace wins, and one naming the version wins over one for every version.
    const rep =
      replaces.findLast((x) => x.old === r.name && x.oldVersion === r.version) ??
      replaces.findLast((x) => x.old === r.name && x.oldVersion === undefined);
    const mod = rep ? { name: rep.name, version: rep.version, line: rep.line } : r;
    if (LOCAL_GO_PATH.test(mod.name) || !isVersion(mod.version)) continue;
    out.push({ ecosystem: 'Go', name: mod.name, version: mod.version, dev: false, hashes: [], file, line: mod.line });
  }
  for (const release of [toolchain, go]) {
    const version = release && goRelease(release.version);
    if (!version) continue;
    out.push({ ecosystem: 'Go', name: 'stdlib', version, dev: false, hashes: [], file, line: release.line });
    break;
  }
  return warnIfEmpty(out, file, warnings);
};

/** Cargo.lock: registry and git packages (workspace members and path crates have no source and are skipped). */
export const parseCargoLock: LockfileParser = (text, file, warnings) => {
  const doc = parseTomlLockfile(text, file, CargoLockSchema);
  const lines = new LineIndex(text);
  const out = (doc.package ?? [])
    .filter((p) => p.name && isVersion(p.version) && p.source)
    .map((p) => ({
      ecosystem: 'crates.io' as const,
      name: p.name!,
      version: p.version!,
      dev: false,
      hashes: hexHash(p.checksum, 'SHA-256'),
      file,
      ...lineOf(lines, `name = "${p.name}"\nversion = "${p.version}"`),
    }));
  return warnIfEmpty(out, file, warnings);
};

/**
 * Gemfile.lock: the `specs:` of GEM sections, four-space indented `name (version)`; GIT and PATH
 * gems are not from rubygems.org and are left out. A top-level line that is not a section name
 * (`GEM`, `PLATFORMS`, `BUNDLED WITH` …) means the file is not a Gemfile.lock.
 */
export const parseGemfileLock: LockfileParser = (text, file, warnings) => {
  const out: LockedPackage[] = [];
  let inGem = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\S/.test(line)) {
      if (!/^[A-Z][A-Z ]*$/.test(line.trimEnd()))
        throw new LockfileError(`line ${i + 1} is not a Gemfile.lock section: ${line.slice(0, 80)}`, file, i + 1);
      inGem = line.trim() === 'GEM';
    }
    if (!inGem) return;
    const m = /^ {4}([A-Za-z0-9._-]+) \(([^)\s]+?)(?:-[a-z0-9_]+-[a-z0-9_-]+)?\)$/.exec(line);
    if (m && isVersion(m[2]))
      out.push({ ecosystem: 'RubyGems', name: m[1]!, version: m[2], dev: false, hashes: [], file, line: i + 1 });
  });
  return warnIfEmpty(out, file, warnings);
};

/** composer.lock: `packages` (runtime) and `packages-dev`; path repositories are the project's own and are left out. */
export const parseComposerLock: LockfileParser = (text, file, warnings) => {
  const doc = parseJsonLockfile(text, file, ComposerLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const [section, dev] of [
    ['packages', false],
    ['packages-dev', true],
  ] as const) {
    for (const p of doc[section] ?? []) {
      const version = p.version?.replace(/^v(?=\d)/, '');
      if (!p.name || !isVersion(version) || p.dist?.type === 'path') continue;
      out.push({
        ecosystem: 'Packagist',
        name: p.name,
        version,
        dev,
        hashes: hexHash(p.dist?.shasum, 'SHA-1'),
        file,
        ...lineOf(lines, `"name": "${p.name}"`),
      });
    }
  }
  return warnIfEmpty(out, file, warnings);
};
