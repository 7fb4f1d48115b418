import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';

/**
 * vendor/modules.txt (`go mod vendor`): the `# module version` line of each vendored module. A
 * replaced module (`# a v1 => b v2`) is the replacement's code at its version; one replaced by a
 * local folder (`=> ../b`) is this repository's and is left out. None is dev: Go vendors only
 * what the build imports.
 */
export const parseGoVendorModules: LockfileParser = (text, file) => {
  const out: LockedPackage[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.startsWith('# ')) return;
    const [left, right] = raw
      .slice(2)
      .trim()
      .split(/\s+=>\s+/);
    const from = left?.split(/\s+/) ?? [];
    const to = right?.split(/\s+/);
    const valid =
      from.length >= 1 &&
      from.length <= 2 &&
      (to === undefined || (to.length >= 1 && to.length <= 2)) &&
      from[0] !== '';
    if (!valid || (to === undefined && from.length !== 2))
      throw new LockfileError(
        `line ${i + 1} is not \`# module version\` or \`# module [version] => replacement [version]\`: ${raw.slice(0, 80)}`,
        file,
        i + 1,
      );
    const [name, version] = to ?? from;
    if (!version) return; // replaced by a local folder
    if (!/^v\d/.test(version))
      throw new LockfileError(`line ${i + 1}: ${version} is not a Go module version`, file, i + 1);
    out.push({ ecosystem: 'Go', name: name!, version, dev: false, hashes: [], file, line: i + 1 });
  });
  return out;
};
