import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { parserFor, purlOf, type LockedPackage } from '../src/index.js';

const parse = (text: string, file = 'Package.resolved'): LockedPackage[] => present(parserFor(file))(text, file);

// Xcode writes `" : "`, with spaces around the colon.
const V2 = `{
  "originHash" : "${'9'.repeat(64)}",
  "pins" : [
    {
      "identity" : "alamofire",
      "kind" : "remoteSourceControl",
      "location" : "https://github.com/Alamofire/Alamofire.git",
      "state" : {
        "revision" : "f455c2975872ccd2d9c81594c658af65716e9b9a",
        "version" : "5.9.1"
      }
    },
    {
      "identity" : "swift-nio",
      "kind" : "remoteSourceControl",
      "location" : "git@github.com:apple/swift-nio.git",
      "state" : {
        "revision" : "fc63f0cf4e55a4597407a9fc95b16a2bc44b4982",
        "version" : "2.64.0"
      }
    },
    {
      "identity" : "swift-collections",
      "kind" : "remoteSourceControl",
      "location" : "https://github.com/apple/swift-collections",
      "state" : {
        "branch" : "main",
        "revision" : "94cf62b3ba8d4bed62680a282d4c25f9c63c2efb"
      }
    },
    {
      "identity" : "shared",
      "kind" : "localSourceControl",
      "location" : "/Users/dev/shared",
      "state" : {
        "revision" : "0000000000000000000000000000000000000000",
        "version" : "1.0.0"
      }
    },
    {
      "identity" : "mona.linkedlist",
      "kind" : "registry",
      "location" : "",
      "state" : {
        "version" : "1.0.0"
      }
    }
  ],
  "version" : 3
}
`;

const V1 = JSON.stringify(
  {
    object: {
      pins: [
        {
          package: 'Kingfisher',
          repositoryURL: 'https://github.com/onevcat/Kingfisher.git',
          state: { branch: null, revision: '3ec0ab0bca4feb56e8b33e289c9496e89059dd08', version: '7.11.0' },
        },
        {
          package: 'Local',
          repositoryURL: '/Users/dev/Local',
          state: { branch: null, revision: 'abc', version: '0.1.0' },
        },
      ],
    },
    version: 1,
  },
  null,
  2,
);

describe('Package.resolved', () => {
  it('reads remote pins at a version, named as OSV SwiftURL names them', () => {
    const packages = parse(V2, 'App.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/Package.resolved');
    expect(packages.map((p) => `${p.name}@${p.version} :${p.line}`)).toStrictEqual([
      'github.com/Alamofire/Alamofire@5.9.1 :5',
      'github.com/apple/swift-nio@2.64.0 :14',
    ]);
    expect(packages.every((p) => p.ecosystem === 'SwiftURL' && !p.dev)).toBe(true);
    expect(purlOf(packages[1]!)).toBe('pkg:swift/github.com/apple/swift-nio@2.64.0');
  });

  it('reads version 1 (object.pins), leaving local paths out', () => {
    expect(parse(V1).map((p) => `${p.name}@${p.version} :${p.line}`)).toStrictEqual([
      'github.com/onevcat/Kingfisher@7.11.0 :5',
    ]);
  });

  for (const text of ['{"pins": {}}', '{"pins": [{"identity": "a", "location": 7}]}', '{"pins": ['])
    it(`refuses ${text} with a LockfileError naming the file`, () => {
      expect(() => parse(text)).toThrow(expect.objectContaining({ name: 'LockfileError', file: 'Package.resolved' }));
    });
});
