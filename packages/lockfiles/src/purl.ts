import { PackageURL } from 'packageurl-js';
import type { LockedPackage } from './types.js';

/** The package URL of a locked package (pkg:npm/%40scope/a@1.0.0, pkg:golang/github.com/x/y@v1 …). */
export function purlOf(p: Pick<LockedPackage, 'ecosystem' | 'name' | 'version'>): string {
  const split = (full: string, sep = '/'): [string | undefined, string] => {
    const i = full.lastIndexOf(sep);
    return i < 0 ? [undefined, full] : [full.slice(0, i), full.slice(i + 1)];
  };
  const url = (type: string, ns: string | undefined, name: string): string =>
    new PackageURL(type, ns, name, p.version, undefined, undefined).toString();
  switch (p.ecosystem) {
    case 'npm':
      return p.name.startsWith('@') ? url('npm', ...split(p.name)) : url('npm', undefined, p.name);
    case 'PyPI':
      return url('pypi', undefined, p.name);
    case 'Go':
      return url('golang', ...split(p.name));
    case 'crates.io':
      return url('cargo', undefined, p.name);
    case 'RubyGems':
      return url('gem', undefined, p.name);
    case 'Packagist':
      return url('composer', ...split(p.name));
    case 'Maven':
      // `group:artifact`; the parsers give only names with both.
      return url('maven', ...split(p.name, ':'));
    case 'NuGet':
      return url('nuget', undefined, p.name);
    case 'Pub':
      return url('pub', undefined, p.name);
    case 'Hex':
      return url('hex', undefined, p.name);
    case 'SwiftURL':
      // `github.com/apple/swift-nio`: the namespace is the host and owner.
      return url('swift', ...split(p.name));
    case 'CocoaPods':
      return url('cocoapods', undefined, p.name);
    case 'GitHub Actions':
      // The purl spec's type for a GitHub repository: namespace the owner, name the repository.
      return url('github', ...split(p.name));
  }
}
