import * as v from 'valibot';
import { optString, table, tableOf } from '../shape.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { parseTomlLockfile } from '../util.js';

const rich = () => table({ strictly: optString(), require: optString(), prefer: optString(), ref: optString() });

/** A Gradle version catalog: the fields of `[versions]` and `[libraries]` read here. */
const CatalogSchema = table({
  versions: v.optional(tableOf(v.union([v.string(), rich()]))),
  libraries: v.optional(
    tableOf(
      v.union([
        v.string(),
        table({
          module: optString(),
          group: optString(),
          name: optString(),
          version: v.optional(v.union([v.string(), rich()])),
        }),
      ]),
    ),
  ),
});

type Rich = v.InferOutput<ReturnType<typeof rich>>;

/**
 * gradle/libs.versions.toml (and any gradle/*.versions.toml catalog): each `[libraries]` entry
 * whose version, directly or through `version.ref`, is one version: `1.2.3`, a `require` or
 * `strictly` of one version, or the `prefer` of a range (`[1.0,2.0[!!1.5`). Ranges, `1.+` and
 * entries without a version (set by a platform) are skipped; `[plugins]` are Gradle plugin ids, not
 * Maven coordinates. A catalog does not say what is only for tests, so none is dev.
 */
export const parseGradleCatalog: LockfileParser = (text, file) => {
  const doc = parseTomlLockfile(text, file, CatalogSchema);
  const lines = libraryLines(text);
  const versions = doc.versions ?? {};
  const out: LockedPackage[] = [];
  for (const [alias, lib] of Object.entries(doc.libraries ?? {})) {
    const [coords, inline] = typeof lib === 'string' ? splitNotation(lib) : [moduleOf(lib), lib.version];
    if (!coords) continue;
    const ref = typeof inline === 'object' ? inline.ref : undefined;
    const version = oneVersion(ref !== undefined ? versions[ref] : inline);
    if (!version) continue;
    const line = lines.get(alias);
    out.push({ ecosystem: 'Maven', name: coords, version, dev: false, hashes: [], file, ...(line ? { line } : {}) });
  }
  return out;
};

/** `group:artifact:version` → [`group:artifact`, version]; `group:artifact` has no version. */
function splitNotation(notation: string): [string | undefined, string | undefined] {
  const parts = notation.split(':');
  if (parts.length < 2 || parts.length > 3 || !parts[0] || !parts[1]) return [undefined, undefined];
  return [`${parts[0]}:${parts[1]}`, parts[2]];
}

function moduleOf(lib: { module?: string; group?: string; name?: string }): string | undefined {
  if (lib.module !== undefined) return /^[^:\s]+:[^:\s]+$/.test(lib.module) ? lib.module : undefined;
  return lib.group && lib.name ? `${lib.group}:${lib.name}` : undefined;
}

/** The one version a declaration resolves to, or undefined when it allows several. */
function oneVersion(declared: string | Rich | undefined): string | undefined {
  if (declared === undefined) return undefined;
  if (typeof declared === 'string') {
    const bang = declared.indexOf('!!');
    return bang < 0 ? exact(declared) : exact(declared.slice(bang + 2));
  }
  return exact(declared.prefer) ?? exact(declared.strictly) ?? exact(declared.require);
}

function exact(version: string | undefined): string | undefined {
  const v = version?.trim();
  if (!v || /[[\](),\s*]|\+$|^latest\./.test(v)) return undefined;
  return v;
}

/** The line of each key in the `[libraries]` table. */
function libraryLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let inLibraries = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(raw);
    if (header) inLibraries = header[1] === 'libraries';
    else if (inLibraries) {
      const key = /^\s*(?:"([^"]+)"|'([^']+)'|([\w-]+))\s*=/.exec(raw);
      const name = key?.[1] ?? key?.[2] ?? key?.[3];
      if (name !== undefined && !out.has(name)) out.set(name, i + 1);
    }
  });
  return out;
}
