import * as v from 'valibot';
import { optString, table } from '../shape.js';
import type { LockedPackage, LockfileParser } from '../types.js';
import { LineIndex, parseJsonLockfile } from '../util.js';
import { lineOf } from './npm.js';

const state = () =>
  v.optional(table({ version: v.optional(v.nullable(v.string())), revision: v.optional(v.nullable(v.string())) }));

/** Package.resolved: `pins` (versions 2 and 3) or `object.pins` (version 1). */
const PackageResolvedSchema = table({
  pins: v.optional(v.array(table({ identity: optString(), kind: optString(), location: optString(), state: state() }))),
  object: v.optional(
    table({ pins: v.optional(v.array(table({ package: optString(), repositoryURL: optString(), state: state() }))) }),
  ),
});

/**
 * Package.resolved (Swift Package Manager), versions 1 to 3: every pin of a remote git repository
 * at a version tag, named as OSV's SwiftURL ecosystem names it: the URL without its scheme and
 * `.git` (`github.com/apple/swift-nio`). Pins to a branch or a bare revision, local packages and
 * registry packages have no such name and version and are left out. None is dev: the file does
 * not say.
 */
export const parsePackageResolved: LockfileParser = (text, file) => {
  const doc = parseJsonLockfile(text, file, PackageResolvedSchema);
  const pins = [
    ...(doc.pins ?? []).map((p) => ({
      key: p.identity,
      url: p.kind === undefined || p.kind === 'remoteSourceControl' ? p.location : undefined,
      version: p.state?.version,
    })),
    ...(doc.object?.pins ?? []).map((p) => ({ key: p.package, url: p.repositoryURL, version: p.state?.version })),
  ];
  const lines = new LineIndex(text);
  const out: LockedPackage[] = [];
  for (const pin of pins) {
    const name = swiftUrlName(pin.url);
    if (!name || !pin.version) continue;
    const line = pin.key !== undefined ? lineOf(lines, `"${pin.key}"`) : {};
    out.push({ ecosystem: 'SwiftURL', name, version: pin.version, dev: false, hashes: [], file, ...line });
  }
  return out;
};

/**
 * `https://github.com/apple/swift-nio.git` and `git@github.com:apple/swift-nio.git` →
 * `github.com/apple/swift-nio`; undefined for a local path or a URL without host and path.
 */
function swiftUrlName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(url);
  const rest = scp ? `${scp[1]}/${scp[2]}` : /^(?:https?|ssh|git)(?:\+\w+)?:\/\/(?:[^@/]*@)?(.+)$/.exec(url)?.[1];
  if (!rest) return undefined;
  const name = rest
    .replace(/^([^/]+):\d+\//, '$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  return /^[^/\s]+(\/[^/\s]+)+$/.test(name) ? name : undefined;
}
