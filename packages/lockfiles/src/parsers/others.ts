import { CargoLockSchema, ComposerLockSchema } from '../schemas.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { hexHash, LineIndex, parseJsonLockfile, parseTomlLockfile } from '../util.js';
import { lineOf } from './npm.js';

/** go.mod `require` lines (directives and blocks); versions are the selected module versions. */
export const parseGoMod: LockfileParser = (text, file) => {
  const out: LockedPackage[] = [];
  const lines = text.split(/\r?\n/);
  let inBlock = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (inBlock && line === ')') inBlock = false;
    else {
      const m = inBlock ? /^(\S+)\s+(v\S+)$/.exec(line) : /^require\s+(\S+)\s+(v\S+)$/.exec(line);
      if (m) out.push({ ecosystem: 'Go', name: m[1]!, version: m[2]!, dev: false, hashes: [], file, line: i + 1 });
    }
  });
  return out;
};

/** Cargo.lock: registry and git packages (workspace members have no source and are skipped). */
export const parseCargoLock: LockfileParser = (text, file) => {
  const doc = parseTomlLockfile(text, file, CargoLockSchema);
  const lines = new LineIndex(text);
  return (doc.package ?? [])
    .filter((p) => p.name && p.version && p.source)
    .map((p) => ({
      ecosystem: 'crates.io' as const,
      name: p.name!,
      version: p.version!,
      dev: false,
      hashes: hexHash(p.checksum, 'SHA-256'),
      file,
      ...lineOf(lines, `name = "${p.name}"\nversion = "${p.version}"`),
    }));
};

/** Gemfile.lock: the `specs:` of GEM sections, four-space indented `name (version)`. */
export const parseGemfileLock: LockfileParser = (text, file) => {
  const out: LockedPackage[] = [];
  let inGem = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\S/.test(line)) inGem = line.trim() === 'GEM';
    if (!inGem) return;
    const m = /^ {4}([A-Za-z0-9._-]+) \(([^)\s]+?)(?:-[a-z0-9_]+-[a-z0-9_-]+)?\)$/.exec(line);
    if (m) out.push({ ecosystem: 'RubyGems', name: m[1]!, version: m[2]!, dev: false, hashes: [], file, line: i + 1 });
  });
  return out;
};

/** composer.lock: `packages` (runtime) and `packages-dev`. */
export const parseComposerLock: LockfileParser = (text, file) => {
  const doc = parseJsonLockfile(text, file, ComposerLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const [section, dev] of [
    ['packages', false],
    ['packages-dev', true],
  ] as const) {
    for (const p of doc[section] ?? []) {
      if (!p.name || !p.version) continue;
      out.push({
        ecosystem: 'Packagist',
        name: p.name,
        version: p.version.replace(/^v(?=\d)/, ''),
        dev,
        hashes: hexHash(p.dist?.shasum, 'SHA-1'),
        file,
        ...lineOf(lines, `"name": "${p.name}"`),
      });
    }
  }
  return out;
};
