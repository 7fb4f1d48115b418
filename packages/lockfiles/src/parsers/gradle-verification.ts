import type { Hash, LockedPackage, LockfileParser } from '../types.js';
import { LockfileError } from '../types.js';
import { hexHash } from '../util.js';
import { child, childrenNamed, parseXml, type XmlElement } from './xml.js';

const HASH_ELEMENTS: [string, Hash['alg']][] = [
  ['sha1', 'SHA-1'],
  ['sha256', 'SHA-256'],
  ['sha512', 'SHA-512'],
];

/**
 * gradle/verification-metadata.xml: every `<component group name version>` Gradle has verified,
 * with the checksums of its main artifact (`name-version.jar`, `.aar` …). Components with only
 * metadata (`.pom`, `.module`: parent POMs and platforms) ship no code and are left out. The file
 * does not say which are only for tests or the build, so none is dev.
 */
export const parseGradleVerificationMetadata: LockfileParser = (text, file) => {
  const root = parseXml(text, file);
  if (root.name !== 'verification-metadata')
    throw new LockfileError(
      `the root element is <${root.name}>, not the <verification-metadata> of Gradle dependency verification`,
      file,
      root.line,
    );
  const out: LockedPackage[] = [];
  for (const c of childrenNamed(child(root, 'components'), 'component')) {
    const { group, name, version } = c.attrs;
    if (!group || !name || !version) continue;
    const artifacts = childrenNamed(c, 'artifact');
    const code = artifacts.filter((a) => !/\.(pom|module)$/.test(a.attrs.name ?? ''));
    if (artifacts.length > 0 && code.length === 0) continue;
    const main = code.find((a) => a.attrs.name?.startsWith(`${name}-${version}.`));
    out.push({
      ecosystem: 'Maven',
      name: `${group}:${name}`,
      version,
      dev: false,
      hashes: main ? hashesOf(main) : [],
      file,
      line: c.line,
    });
  }
  return out;
};

function hashesOf(artifact: XmlElement): Hash[] {
  return HASH_ELEMENTS.flatMap(([element, alg]) => hexHash(child(artifact, element)?.attrs.value, alg));
}
