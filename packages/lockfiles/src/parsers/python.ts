import { PipfileLockSchema, TomlPythonLockSchema } from '../schemas.js';
import type { Hash, LockedPackage, LockfileParser } from '../types.js';
import { hexHash, LineIndex, parseJsonLockfile, parseTomlLockfile, pypiName } from '../util.js';
import { lineOf } from './npm.js';

/** requirements*.txt: only exact pins (`name==1.2.3`) are resolved versions; `--hash` options are kept. */
export const parseRequirements: LockfileParser = (text, file) => {
  const out: LockedPackage[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const start = i;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9._+!-]+)/.exec(
      line.replace(/\s#.*$/, ''),
    );
    if (!m) continue;
    const hashes: Hash[] = [...line.matchAll(/--hash[=\s]+(sha256:[0-9a-fA-F]{64})/g)].flatMap((h) => hexHash(h[1]));
    out.push({ ecosystem: 'PyPI', name: pypiName(m[1]!), version: m[2]!, dev: false, hashes, file, line: start + 1 });
  }
  return out;
};

/** poetry.lock and uv.lock: `[[package]]` tables. */
export const parseTomlPythonLock: LockfileParser = (text, file) => {
  const doc = parseTomlLockfile(text, file, TomlPythonLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const p of doc.package ?? []) {
    if (!p.name || !p.version || p.source?.editable || p.source?.virtual) continue;
    const raw = [
      p.sdist?.hash,
      ...(p.files ?? []).map((f) => f.hash),
      ...(p.wheels ?? []).slice(0, 1).map((w) => w.hash),
    ];
    const hashes = raw.flatMap((h) => hexHash(h)).slice(0, 1);
    const dev = p.category === 'dev' || (p.groups !== undefined && p.groups.length > 0 && !p.groups.includes('main'));
    out.push({
      ecosystem: 'PyPI',
      name: pypiName(p.name),
      version: p.version,
      dev,
      hashes,
      file,
      ...lineOf(lines, `name = "${p.name}"`),
    });
  }
  return out;
};

/** Pipfile.lock: `default` (runtime) and `develop` sections. */
export const parsePipfileLock: LockfileParser = (text, file) => {
  const doc = parseJsonLockfile(text, file, PipfileLockSchema);
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const [section, dev] of [
    ['default', false],
    ['develop', true],
  ] as const) {
    for (const [name, entry] of Object.entries(doc[section] ?? {})) {
      const version = entry.version?.replace(/^==/, '');
      if (!version) continue;
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
  return out;
};
