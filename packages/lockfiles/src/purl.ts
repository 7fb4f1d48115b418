import { PackageURL } from 'packageurl-js';
import type { LockedPackage } from './types.js';

/** The package URL of a locked package (pkg:npm/%40scope/a@1.0.0, pkg:golang/github.com/x/y@v1 …). */
export function purlOf(p: Pick<LockedPackage, 'ecosystem' | 'name' | 'version'>): string {
  const split = (full: string): [string | undefined, string] => {
    const i = full.lastIndexOf('/');
    return i < 0 ? [undefined, full] : [full.slice(0, i), full.slice(i + 1)];
  };
  switch (p.ecosystem) {
    case 'npm': {
      const [ns, name] = p.name.startsWith('@') ? split(p.name) : [undefined, p.name];
      return new PackageURL('npm', ns, name, p.version, undefined, undefined).toString();
    }
    case 'PyPI':
      return new PackageURL('pypi', undefined, p.name, p.version, undefined, undefined).toString();
    case 'Go': {
      const [ns, name] = split(p.name);
      return new PackageURL('golang', ns, name, p.version, undefined, undefined).toString();
    }
    case 'crates.io':
      return new PackageURL('cargo', undefined, p.name, p.version, undefined, undefined).toString();
    case 'RubyGems':
      return new PackageURL('gem', undefined, p.name, p.version, undefined, undefined).toString();
    case 'Packagist': {
      const [ns, name] = split(p.name);
      return new PackageURL('composer', ns, name, p.version, undefined, undefined).toString();
    }
  }
}
