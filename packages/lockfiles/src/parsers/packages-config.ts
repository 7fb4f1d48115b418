import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';
import { childrenNamed, parseXml } from './xml.js';

/**
 * packages.config (NuGet before PackageReference): `<package id version>` pins one version each;
 * `developmentDependency="true"` marks build-time packages (analyzers, build tools) as dev.
 */
export const parsePackagesConfig: LockfileParser = (text, file) => {
  const root = parseXml(text, file);
  if (root.name !== 'packages')
    throw new LockfileError(
      `the root element is <${root.name}>, not the <packages> of a packages.config`,
      file,
      root.line,
    );
  const out: LockedPackage[] = [];
  for (const p of childrenNamed(root, 'package')) {
    const name = p.attrs.id?.trim();
    const version = p.attrs.version?.trim();
    if (!name || !version) continue;
    out.push({
      ecosystem: 'NuGet',
      name,
      version,
      dev: p.attrs.developmentDependency?.trim().toLowerCase() === 'true',
      hashes: [],
      file,
      line: p.line,
    });
  }
  return out;
};
