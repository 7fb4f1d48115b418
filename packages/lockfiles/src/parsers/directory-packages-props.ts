import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';
import { dedupe } from '../util.js';
import { expandReferences } from './expand.js';
import { childText, childrenNamed, parseXml, type XmlElement } from './xml.js';

/**
 * Directory.Packages.props (NuGet central package management): the version of each
 * `<PackageVersion>`, with `$(Property)` resolved from the file's `<PropertyGroup>`s (properties
 * under a `Condition` are not evaluated: a version needing one is skipped, as are ranges and
 * floating versions). `<GlobalPackageReference>`s are build-time packages (analyzers, versioning
 * tools) every project gets with PrivateAssets=all: dev.
 */
export const parseDirectoryPackagesProps: LockfileParser = (text, file) => {
  const root = parseXml(text, file);
  if (root.name !== 'Project')
    throw new LockfileError(
      `the root element is <${root.name}>, not the <Project> of a Directory.Packages.props`,
      file,
      root.line,
    );
  const props = new Map<string, string>();
  for (const group of childrenNamed(root, 'PropertyGroup'))
    if (group.attrs.Condition === undefined)
      for (const p of group.children) if (p.attrs.Condition === undefined) props.set(p.name, p.text.trim());
  const out: LockedPackage[] = [];
  for (const group of childrenNamed(root, 'ItemGroup'))
    for (const item of group.children) {
      if (item.name !== 'PackageVersion' && item.name !== 'GlobalPackageReference') continue;
      const name = (item.attrs.Include ?? item.attrs.Update)?.trim();
      const version = nugetExact(expandReferences(versionOf(item), /\$\(([^()]*)\)/, props));
      if (!name || !version) continue;
      const dev = item.name === 'GlobalPackageReference';
      out.push({ ecosystem: 'NuGet', name, version, dev, hashes: [], file, line: item.line });
    }
  return dedupe(out);
};

function versionOf(item: XmlElement): string | undefined {
  return item.attrs.Version ?? childText(item, 'Version');
}

/**
 * The version NuGet restores for a version attribute: `1.2.3` (a minimum, and NuGet takes the
 * lowest it can) or `[1.2.3]`; a range with two ends or a floating `1.*` is not known here.
 */
function nugetExact(raw: string | undefined): string | undefined {
  const v = raw?.trim();
  if (!v) return undefined;
  const pinned = /^\[\s*([^,[\]()\s*]+)\s*\]$/.exec(v);
  if (pinned) return pinned[1];
  return /^[^,[\]()\s*$]+$/.test(v) ? v : undefined;
}
