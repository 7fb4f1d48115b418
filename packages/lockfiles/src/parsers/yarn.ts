import { YarnBerrySchema } from '../schemas.js';
import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';
import { isVersion, parseYamlLockfile, sriHashes, warnIfEmpty } from '../util.js';

/** Ranges that point into the project's own files: those packages are not from a registry. */
const LOCAL_RANGE = /^(file|link|portal|workspace|exec|patch):|^\.{0,2}\//;

/**
 * A yarn descriptor or locator (`"@scope/a@^1.0.0"`, `a@npm:^1.0.0`) split into the real package
 * name and the range. An alias (`a-cjs@npm:a@^1.0.0`) names the package it stands for.
 */
function descriptor(text: string): { name: string; range: string } {
  const d = text.trim().replace(/^"|"$/g, '');
  const at = d.indexOf('@', 1);
  if (at < 0) return { name: d, range: '' };
  const name = d.slice(0, at);
  const range = d.slice(at + 1);
  const alias = /^npm:((?:@[^/@]+\/)?[^/@]+)@(.*)$/.exec(range);
  return alias ? { name: alias[1]!, range: alias[2]! } : { name, range };
}

/**
 * yarn.lock, classic (v1) and berry (YAML with __metadata). Neither records which packages are
 * only for development (that is in package.json, which a parser is not given), so every package
 * is listed as runtime. Packages from the project's own files (`file:`, `link:`, `portal:`,
 * workspaces) are left out; git and tarball dependencies are listed at the version yarn recorded
 * from their own package.json.
 */
export const parseYarnLock: LockfileParser = (text, file, warnings) =>
  warnIfEmpty(/^__metadata:/m.test(text) ? parseBerry(text, file) : parseClassic(text, file), file, warnings);

function parseClassic(text: string, file: string): LockedPackage[] {
  const out: LockedPackage[] = [];
  const lines = text.split(/\r?\n/);
  let current: { name: string; line: number; local: boolean; version?: string; integrity?: string } | undefined;
  const flush = (): void => {
    if (current && !current.local && isVersion(current.version))
      out.push({
        ecosystem: 'npm',
        name: current.name,
        version: current.version,
        dev: false,
        hashes: sriHashes(current.integrity),
        file,
        line: current.line,
      });
    current = undefined;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    if (!line.startsWith(' ')) {
      flush();
      if (!line.endsWith(':')) throw new LockfileError(`unexpected line: ${line.slice(0, 80)}`, file, i + 1);
      const { name, range } = descriptor(line.slice(0, -1).split(',')[0]!);
      current = { name, line: i + 1, local: LOCAL_RANGE.test(range) };
      return;
    }
    // Fields are `version "1.0.0"`; some writers quote the key too (`"version" "1.0.0"`).
    const m = /^ {2}"?(version|integrity)"?\s+"?([^"\s]+)"?\s*$/.exec(line);
    if (m && current) current[m[1] as 'version' | 'integrity'] = m[2]!;
  });
  flush();
  return out;
}

function parseBerry(text: string, file: string): LockedPackage[] {
  const doc = parseYamlLockfile(text, file, YarnBerrySchema);
  const out: LockedPackage[] = [];
  for (const [key, entry] of Object.entries(doc)) {
    if (key === '__metadata' || !entry) continue;
    // The resolution is the locator of what was installed: `real-name@npm:1.0.0` even for an alias.
    const locator = descriptor(entry.resolution ?? key.split(',')[0]!);
    if (LOCAL_RANGE.test(locator.range)) continue;
    const npm = /^npm:(.+)$/.exec(locator.range)?.[1];
    const version = npm ?? (entry.version === undefined ? undefined : String(entry.version));
    if (!isVersion(version)) continue;
    out.push({ ecosystem: 'npm', name: locator.name, version, dev: false, hashes: [], file });
  }
  return out;
}
