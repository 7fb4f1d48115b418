import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';
import { hexHash } from '../util.js';

/** `"key": {:hex, :name, "version", "inner checksum", [managers], [deps], "repo", "outer checksum"},` */
const HEX_ENTRY = /^"([^"]+)":\s*\{:hex,\s*:"?([\w.-]+)"?,\s*"([^"]+)",/;
const OUTER_CHECKSUM = /,\s*"([0-9a-f]{64})"\s*\},?$/;

/**
 * mix.lock (Elixir): an Elixir map Mix writes one entry a line. Hex packages are read with the
 * SHA-256 of their tarball (the outer checksum, in lockfiles since Hex 0.20); git and path
 * dependencies have no Hex version and are left out. mix.lock does not say which dependencies are
 * `only: :dev` or `:test`, so none is dev.
 */
export const parseMixLock: LockfileParser = (text, file) => {
  const out: LockedPackage[] = [];
  let opened = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!opened) {
      if (!line.startsWith('%{'))
        throw new LockfileError(`not a mix.lock: it starts with ${line.slice(0, 40)}, not %{`, file, i + 1);
      opened = true;
      if (line === '%{') return;
    }
    const entry = line.replace(/^%\{\s*/, '');
    if (entry === '}' || entry === '') return;
    const m = HEX_ENTRY.exec(entry);
    if (m) {
      const outer = OUTER_CHECKSUM.exec(entry);
      out.push({
        ecosystem: 'Hex',
        name: m[2]!,
        version: m[3]!,
        dev: false,
        hashes: hexHash(outer?.[1], 'SHA-256'),
        file,
        line: i + 1,
      });
    } else if (!/^"[^"]+":\s*\{:(git|path),/.test(entry))
      throw new LockfileError(
        `line ${i + 1} is not a mix.lock entry (\`"name": {:hex, …}\`): ${line.slice(0, 80)}`,
        file,
        i + 1,
      );
  });
  return out;
};
