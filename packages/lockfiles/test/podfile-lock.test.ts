import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { isOsvEcosystem, parserFor, purlOf, type LockedPackage } from '../src/index.js';

const parse = (text: string, file = 'ios/Podfile.lock'): LockedPackage[] => present(parserFor(file))(text, file);

const LOCK = `PODS:
  - Alamofire (5.9.1)
  - Firebase/Analytics (10.25.0):
    - Firebase/Core
  - Firebase/Core (10.25.0):
    - FirebaseAnalytics (~> 10.25.0)
  - FirebaseAnalytics (10.25.0):
    - GoogleUtilities/AppDelegateSwizzler (~> 7.11)
  - "GoogleUtilities/NSData+zlib (7.13.3)"
  - SharedKit (0.1.0)
  - SnapKit (5.7.1)

DEPENDENCIES:
  - Alamofire (~> 5.9)
  - Firebase/Analytics
  - SharedKit (from \`../SharedKit\`)
  - SnapKit (from \`https://github.com/SnapKit/SnapKit.git\`, tag \`5.7.1\`)

SPEC REPOS:
  trunk:
    - Alamofire
    - Firebase
    - FirebaseAnalytics
    - GoogleUtilities

EXTERNAL SOURCES:
  SharedKit:
    :path: "../SharedKit"
  SnapKit:
    :git: https://github.com/SnapKit/SnapKit.git
    :tag: 5.7.1

SPEC CHECKSUMS:
  Alamofire: ${'3'.repeat(40)}
  Firebase: ${'4'.repeat(40)}

PODFILE CHECKSUM: ${'5'.repeat(40)}

COCOAPODS: 1.15.2
`;

describe('Podfile.lock', () => {
  it('reads each pod once (subspecs as their pod), leaving local :path pods out', () => {
    const packages = parse(LOCK);
    expect(packages.map((p) => `${p.name}@${p.version} :${p.line}`)).toStrictEqual([
      'Alamofire@5.9.1 :2',
      'Firebase@10.25.0 :3',
      'FirebaseAnalytics@10.25.0 :7',
      'GoogleUtilities@7.13.3 :9',
      'SnapKit@5.7.1 :11',
    ]);
    expect(packages.every((p) => p.ecosystem === 'CocoaPods' && !p.dev && p.hashes.length === 0)).toBe(true);
  });

  it('is CocoaPods: a purl for the SBOM, but not an ecosystem OSV can be asked about', () => {
    const [alamofire] = parse(LOCK);
    expect(purlOf(alamofire!)).toBe('pkg:cocoapods/Alamofire@5.9.1');
    expect(isOsvEcosystem('CocoaPods')).toBe(false);
    expect(isOsvEcosystem('SwiftURL')).toBe(true);
  });

  for (const text of ['PODS: Alamofire\n', 'PODS:\n  - [1, 2]\n', 'PODS:\n  - Alamofire (5.9.1\n  -: :\n'])
    it(`refuses ${JSON.stringify(text)} with a LockfileError naming the file`, () => {
      expect(() => parse(text)).toThrow(expect.objectContaining({ name: 'LockfileError', file: 'ios/Podfile.lock' }));
    });
});
