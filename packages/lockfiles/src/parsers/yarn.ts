import { YarnBerrySchema } from '../schemas.js';
import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';
import { parseYamlLockfile, sriHashes } from '../util.js';

/** The package name in a yarn descriptor such as `"@scope/a@^1.0.0"` or `a@npm:^1.0.0`. */
function descriptorName(descriptor: string): string {
  const d = descriptor.trim().replace(/^"|"$/g, '');
  const at = d.indexOf('@', 1);
  return at < 0 ? d : d.slice(0, at);
}

/** yarn.lock, classic (v1) and berry (YAML with __metadata). */
export const parseYarnLock: LockfileParser = (text, file) =>
  /^__metadata:/m.test(text) ? parseBerry(text, file) : parseClassic(text, file);

function parseClassic(text: string, file: string): LockedPackage[] {
  const out: LockedPackage[] = [];
  const lines = text.split(/\r?\n/);
  let current: { name: string; line: number; version?: string; integrity?: string } | undefined;
  const flush = (): void => {
    if (current?.version)
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
    if (line === '' || line.startsWith('#')) return;
    if (!line.startsWith(' ')) {
      flush();
      if (!line.endsWith(':')) throw new LockfileError(`unexpected line: ${line.slice(0, 80)}`, file, i + 1);
      current = { name: descriptorName(line.slice(0, -1).split(',')[0]!), line: i + 1 };
      return;
    }
    const m = /^\s{2}(version|integrity)\s+"?([^"]+)"?\s*$/.exec(line);
    if (m && current) current[m[1] as 'version' | 'integrity'] = m[2]!;
  });
  flush();
  return out;
}

function parseBerry(text: string, file: string): LockedPackage[] {
  const doc = parseYamlLockfile(text, file, YarnBerrySchema);
  const out: LockedPackage[] = [];
  for (const [key, entry] of Object.entries(doc)) {
    if (
      key === '__metadata' ||
      entry?.version === undefined ||
      entry.version === '' ||
      /@(workspace|link|portal|file|patch):/.test(entry.resolution ?? key)
    )
      continue;
    out.push({
      ecosystem: 'npm',
      name: descriptorName(key.split(',')[0]!),
      version: String(entry.version),
      dev: false,
      hashes: [],
      file,
    });
  }
  return out;
}
