// The dependency scanner reads every format the lockfile package knows, found where each tool keeps
// it: a Maven pom, Go's vendor/modules.txt (inside the vendor folder the walk otherwise skips), the
// shrinkwrap npm uses in place of package-lock.json, and a Podfile.lock whose CocoaPods packages
// OSV has no ecosystem for, so they are never sent to the API.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock, RecordingLogger } from '@slipway/action-kit/lite';
import { makeTree, removeTree } from '../../../test/harness.js';
import { readLockfiles, scanDependencies, type OsvRecord } from '../src/index.js';

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>shop</artifactId>
  <version>1.0.0</version>
  <properties>
    <jackson.version>2.9.10.7</jackson.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>\${jackson.version}</version>
    </dependency>
  </dependencies>
</project>
`;
const lock = (version: string) =>
  JSON.stringify({ name: 'cli', lockfileVersion: 3, packages: { '': {}, 'node_modules/minimist': { version } } });

const FILES = {
  'java/pom.xml': POM,
  'go/go.mod': 'module example.com/svc\n\ngo 1.22.4\n\nrequire golang.org/x/text v0.3.7\n',
  'go/vendor/modules.txt': '# golang.org/x/text v0.3.7\n## explicit; go 1.17\ngolang.org/x/text/language\n',
  // npm installs from the shrinkwrap: the package-lock.json beside it is never read.
  'cli/npm-shrinkwrap.json': lock('1.2.6'),
  'cli/package-lock.json': lock('0.0.1'),
  'ios/Podfile.lock': 'PODS:\n  - Alamofire (5.4.0)\n\nDEPENDENCIES:\n  - Alamofire\n\nCOCOAPODS: 1.12.1\n',
};

const JACKSON: OsvRecord = {
  id: 'GHSA-5949-rw7g-wx7w',
  summary: 'Deserialization of untrusted data in jackson-databind',
  database_specific: { severity: 'HIGH' },
  affected: [
    {
      package: { ecosystem: 'Maven', name: 'com.fasterxml.jackson.core:jackson-databind' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.9.0' }, { fixed: '2.9.10.8' }] }],
    },
  ],
};
const TEXT: OsvRecord = {
  id: 'GO-2021-0113',
  summary: 'Out-of-bounds read in golang.org/x/text/language',
  affected: [
    {
      package: { ecosystem: 'Go', name: 'golang.org/x/text' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.3.7' }] }],
    },
  ],
};

const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));
const tree = (files: Record<string, string>) => {
  const t = makeTree(files);
  trees.push(t);
  return t;
};

describe('the dependency scanner and the newer lockfile formats', () => {
  it('reads each where its tool keeps it, and the shrinkwrap instead of package-lock.json', () => {
    const { packages, lockfiles } = readLockfiles(tree(FILES), new RecordingLogger());
    expect(lockfiles.sort()).toStrictEqual([
      'cli/npm-shrinkwrap.json',
      'go/go.mod',
      'go/vendor/modules.txt',
      'ios/Podfile.lock',
      'java/pom.xml',
    ]);
    const seen = packages.map((p) => `${p.ecosystem} ${p.name}@${p.version} ${p.file}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'Maven com.fasterxml.jackson.core:jackson-databind@2.9.10.7 java/pom.xml',
        'Go golang.org/x/text@v0.3.7 go/vendor/modules.txt',
        'Go stdlib@1.22.4 go/go.mod',
        'npm minimist@1.2.6 cli/npm-shrinkwrap.json',
        'CocoaPods Alamofire@5.4.0 ios/Podfile.lock',
      ]),
    );
    expect(seen.filter((s) => s.includes('package-lock.json'))).toStrictEqual([]);
  });

  it('finds a Maven advisory offline, with the property resolved, and a fixed Go one not at all', async () => {
    const db = tree({ 'maven.json': JSON.stringify(JACKSON), 'go.json': JSON.stringify(TEXT) });
    const r = await scanDependencies(tree(FILES), { kind: 'offline', path: db }, new RecordingLogger());
    expect(r.findings.map((f) => [f.rule.id, f.file])).toStrictEqual([['GHSA-5949-rw7g-wx7w', 'java/pom.xml']]);
    expect(r.findings[0]!.message).toMatch(/Fixed in 2\.9\.10\.8/);
  });

  it('never sends CocoaPods packages to the OSV API, which would refuse the whole batch', async () => {
    const asked: string[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const queries = (JSON.parse(body || '{}') as { queries?: { package: { ecosystem: string } }[] }).queries ?? [];
        asked.push(...queries.map((q) => q.package.ecosystem));
        const unknown = queries.some((q) => !['npm', 'Go', 'Maven'].includes(q.package.ecosystem));
        res.writeHead(unknown ? 400 : 200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(unknown ? { code: 3, message: 'Invalid ecosystem.' } : { results: queries.map(() => ({})) }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const source = { kind: 'api' as const, baseUrl, http: fetch, clock: new ManualClock() };
      const r = await scanDependencies(tree(FILES), source, new RecordingLogger());
      expect(r.findings).toStrictEqual([]);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked).not.toContain('CocoaPods');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
