import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { instanceOf, userError } from '../../../test/matchers.js';
import { ManualClock, RecordingLogger, UserError } from '@slipway/action-kit/lite';
import type { Ecosystem } from '@slipway/lockfiles';
import { closedPort, makeTree, removeTree } from '../../../test/harness.js';
import {
  affects,
  comparatorFor,
  cvss3BaseScore,
  inRange,
  recordSeverity,
  scanDependencies,
  type OsvEvent,
  type OsvRecord,
} from '../src/index.js';

describe('version order per ecosystem', () => {
  const cases: [Ecosystem, string, string, '<' | '=' | '>'][] = [
    ['npm', '1.2.3-beta.1', '1.2.3', '<'],
    ['npm', '1.10.0', '1.9.9', '>'],
    ['crates.io', '0.8.0', '0.10.0', '<'],
    ['Go', 'v0.0.0-20230101000000-abcdef123456', 'v0.1.0', '<'],
    ['Go', 'v1.10.0', 'v1.9.0', '>'],
    ['PyPI', '1.0rc1', '1.0', '<'],
    ['PyPI', '1.0.post1', '1.0', '>'],
    ['PyPI', '2.0.0', '2.0', '='],
    ['PyPI', '1.0.dev1', '1.0a1', '<'],
    ['RubyGems', '1.0.a', '1.0', '<'],
    ['RubyGems', '1.0.0', '1.0', '='],
    ['RubyGems', '1.10', '1.9', '>'],
    ['RubyGems', '3.0.0.rc1', '3.0.0.beta2', '>'],
    ['Packagist', '1.0.0-beta1', '1.0.0', '<'],
    ['Packagist', 'v2.1', '2.1.0', '='],
    ['Packagist', '1.0.0-RC1', '1.0.0-beta9', '>'],
    ['Packagist', '1.0.0-patch1', '1.0.0', '>'],
  ];
  for (const [eco, a, b, rel] of cases) {
    it(`${eco}: ${a} ${rel} ${b}`, () => {
      const c = Math.sign(comparatorFor(eco)(a, b));
      expect(c).toBe(rel === '<' ? -1 : rel === '=' ? 0 : 1);
    });
  }
});

describe('OSV range events', () => {
  const cases: [string, Ecosystem, string, OsvEvent[], boolean][] = [
    ['introduced 0, fixed', 'npm', '1.2.2', [{ introduced: '0' }, { fixed: '1.2.3' }], true],
    ['at the fixed version', 'npm', '1.2.3', [{ introduced: '0' }, { fixed: '1.2.3' }], false],
    [
      'a pre-release of the fixed version is still affected',
      'npm',
      '1.2.3-rc.1',
      [{ introduced: '0' }, { fixed: '1.2.3' }],
      true,
    ],
    ['before introduced', 'npm', '0.9.0', [{ introduced: '1.0.0' }, { fixed: '1.2.3' }], false],
    ['last_affected includes itself', 'PyPI', '2.4', [{ introduced: '2.0' }, { last_affected: '2.4' }], true],
    ['after last_affected', 'PyPI', '2.4.1', [{ introduced: '2.0' }, { last_affected: '2.4' }], false],
    [
      'two ranges in one list, second',
      'npm',
      '2.5.0',
      [{ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '2.0.0' }, { fixed: '2.6.0' }],
      true,
    ],
    [
      'two ranges in one list, between',
      'npm',
      '1.7.0',
      [{ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '2.0.0' }, { fixed: '2.6.0' }],
      false,
    ],
    ['events out of order are sorted', 'npm', '1.1.0', [{ fixed: '1.5.0' }, { introduced: '1.0.0' }], true],
    ['limit caps the range', 'crates.io', '3.1.0', [{ introduced: '0' }, { limit: '3.0.0' }], false],
    ['RubyGems pre-release', 'RubyGems', '7.0.0.rc1', [{ introduced: '6.0.0' }, { fixed: '7.0.0' }], true],
    ['Packagist with v prefix', 'Packagist', 'v5.4.1', [{ introduced: '5.0.0' }, { fixed: '5.4.2' }], true],
    [
      'Go pseudo-version',
      'Go',
      '0.0.0-20220101000000-aaaaaaaaaaaa',
      [{ introduced: '0' }, { fixed: '0.0.0-20230101000000-bbbbbbbbbbbb' }],
      true,
    ],
  ];
  for (const [name, eco, version, events, expected] of cases)
    it(name, () => expect(inRange(version, eco, events)).toBe(expected));

  it('matches explicit versions, normalised PyPI names and Go versions without v, and skips withdrawn records', () => {
    const rec: OsvRecord = {
      id: 'PYSEC-1',
      affected: [{ package: { ecosystem: 'PyPI', name: 'Django_REST' }, versions: ['3.0.1'] }],
    };
    expect(affects(rec, { ecosystem: 'PyPI', name: 'django-rest', version: '3.0.1' })).toBe(true);
    expect(affects(rec, { ecosystem: 'PyPI', name: 'django-rest', version: '3.0.2' })).toBe(false);
    const go: OsvRecord = {
      id: 'GO-1',
      affected: [
        {
          package: { ecosystem: 'Go', name: 'golang.org/x/net' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.23.0' }] }],
        },
      ],
    };
    expect(affects(go, { ecosystem: 'Go', name: 'golang.org/x/net', version: 'v0.22.0' })).toBe(true);
    expect(
      affects(
        { ...go, withdrawn: '2024-01-01T00:00:00Z' },
        { ecosystem: 'Go', name: 'golang.org/x/net', version: 'v0.22.0' },
      ),
    ).toBe(false);
    const git: OsvRecord = {
      id: 'X',
      affected: [
        { package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'GIT', events: [{ introduced: '0' }] }] },
      ],
    };
    expect(affects(git, { ecosystem: 'npm', name: 'a', version: '1.0.0' })).toBe(false); // GIT ranges name commits, not versions
  });
});

describe('CVSS', () => {
  const cases: [string, number | undefined][] = [
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', 5.5],
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', 0],
    ['CVSS:3.1/AV:N/AC:L', undefined],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', undefined],
  ];
  for (const [vector, score] of cases) it(`scores ${vector}`, () => expect(cvss3BaseScore(vector)).toBe(score));

  it('falls back to the database severity word, then medium', () => {
    expect(
      recordSeverity({
        id: 'a',
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      }).severity,
    ).toBe('critical');
    expect(recordSeverity({ id: 'b', database_specific: { severity: 'MODERATE' } }).severity).toBe('medium');
    expect(recordSeverity({ id: 'c' }).severity).toBe('medium');
  });
});

const LODASH_VULN: OsvRecord = {
  id: 'GHSA-35jh-r3h4-6jhm',
  aliases: ['CVE-2021-23337'],
  summary: 'Command Injection in lodash',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
    },
  ],
};
const FLASK_VULN: OsvRecord = {
  id: 'PYSEC-2023-62',
  aliases: ['CVE-2023-30861', 'GHSA-m2qf-hxjv-5gpq'],
  summary: 'Flask may cache a response with cookies',
  database_specific: { severity: 'HIGH' },
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'flask' },
      ranges: [
        {
          type: 'ECOSYSTEM',
          events: [{ introduced: '0' }, { fixed: '2.2.5' }, { introduced: '2.3.0' }, { fixed: '2.3.2' }],
        },
      ],
    },
  ],
};
const REPO_FILES = {
  'package-lock.json': JSON.stringify(
    {
      lockfileVersion: 3,
      packages: {
        '': {},
        'node_modules/lodash': { version: '4.17.20' },
        'node_modules/left-pad': { version: '1.3.0' },
      },
    },
    null,
    2,
  ),
  'api/requirements.txt': 'flask==2.3.1\nrequests==2.32.3\n',
  'broken/poetry.lock': '[[package]\nname =',
};

describe('scanDependencies offline', () => {
  const root = makeTree(REPO_FILES);
  const db = makeTree({
    'npm/GHSA-35jh-r3h4-6jhm.json': JSON.stringify(LODASH_VULN),
    'junk.json': '{not json',
    'npm/unrelated.json': JSON.stringify({ id: 'U-1', affected: [{ package: { ecosystem: 'npm', name: 'other' } }] }),
  });
  mkdirSync(join(db, 'zips'));
  writeFileSync(join(db, 'flask.json'), JSON.stringify(FLASK_VULN));
  execFileSync('python3', [
    '-c',
    'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1],"w"); z.write(sys.argv[2], "PYSEC-2023-62.json"); z.close()',
    join(db, 'zips', 'all.zip'),
    join(db, 'flask.json'),
  ]);
  execFileSync('rm', [join(db, 'flask.json')]);
  afterAll(() => [root, db].forEach(removeTree));

  it('finds vulnerable packages from a folder and a zip, with fixed versions, aliases and lines; warns on broken files', async () => {
    const log = new RecordingLogger();
    const r = await scanDependencies(root, { kind: 'offline', path: db }, log);
    expect(r.records).toBe(3);
    expect(r.findings.map((f) => [f.rule.id, f.file, f.line, f.severity])).toStrictEqual([
      ['PYSEC-2023-62', 'api/requirements.txt', 1, 'high'],
      ['GHSA-35jh-r3h4-6jhm', 'package-lock.json', 5, 'high'],
    ]);
    expect(r.findings[1]!.message).toMatch(
      /^lodash@4\.17\.20 is affected by GHSA-35jh-r3h4-6jhm \(CVE-2021-23337\) \[CVSS 7\.2\]: Command Injection in lodash\. Fixed in 4\.17\.21\.$/,
    );
    expect(r.findings[0]!.message).toMatch(/Fixed in 2\.2\.5, 2\.3\.2\./);
    expect(
      log.records.some(
        (w) => w.level === 'warning' && w.props?.file === 'broken/poetry.lock' && w.props.startLine === 1,
      ),
    ).toBe(true);
    expect(log.messages('warning')).toContainEqual(expect.stringMatching(/junk\.json is not valid JSON/));
  });

  it('names the osv-db input when the folder does not exist', async () => {
    await expect(
      scanDependencies(root, { kind: 'offline', path: join(db, 'nope') }, new RecordingLogger()),
    ).rejects.toThrow(userError('osv-db'));
  });
});

describe('scanDependencies against the OSV API (a local server speaking its format)', () => {
  const root = makeTree(REPO_FILES);
  let server: Server;
  let base = '';
  const seen: string[] = [];
  let failFirst = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url}`);
        if (failFirst > 0) {
          failFirst--;
          res.writeHead(429).end();
          return;
        }
        if (req.url === '/v1/querybatch') {
          const queries = JSON.parse(body).queries as { package: { name: string }; version: string }[];
          const results = queries.map((q) =>
            q.package.name === 'lodash'
              ? { vulns: [{ id: LODASH_VULN.id, modified: '2024-01-01T00:00:00Z' }] }
              : q.package.name === 'flask'
                ? { vulns: [{ id: FLASK_VULN.id, modified: '2024-01-01T00:00:00Z' }] }
                : {},
          );
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
        } else if (req.url?.startsWith('/v1/vulns/')) {
          const id = decodeURIComponent(req.url.slice('/v1/vulns/'.length));
          const rec = [LODASH_VULN, FLASK_VULN].find((v) => v.id === id);
          res
            .writeHead(rec ? 200 : 404, { 'content-type': 'application/json' })
            .end(JSON.stringify(rec ?? { code: 5, message: 'Bug not found.' }));
        } else res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.close();
    removeTree(root);
  });

  it('queries in one batch, fetches each vulnerability once, and retries a rate limit with backoff', async () => {
    failFirst = 1;
    const clock = new ManualClock();
    const r = await scanDependencies(root, { kind: 'api', baseUrl: base, http: fetch, clock }, new RecordingLogger());
    expect(r.findings.map((f) => f.rule.id).sort()).toStrictEqual(['GHSA-35jh-r3h4-6jhm', 'PYSEC-2023-62']);
    expect(seen.filter((s) => s === 'POST /v1/querybatch').length).toBe(2); // one 429, then the retry
    expect(seen.filter((s) => s.startsWith('GET /v1/vulns/')).length).toBe(2);
    expect(clock.now()).toBe(500); // slept the first backoff
  });

  it('gives up after its attempts and names osv-db as the offline way', async () => {
    const clock = new ManualClock();
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const err = instanceOf(
      await scanDependencies(root, { kind: 'api', baseUrl, http: fetch, clock }, new RecordingLogger()).catch(
        (e: unknown) => e,
      ),
      UserError,
    );
    expect(err.describe()).toMatch(
      /^input 'osv-db': the OSV API at http:\/\/127\.0\.0\.1:\d+ failed after 4 attempts .*scan offline with the osv-db input/,
    );
    expect(clock.now()).toBe(500 + 1000 + 2000);
  });
});

describe('readZip', () => {
  it('reads stored and deflated entries, and refuses what is not a zip', async () => {
    const { readZip } = await import('../src/deps/zip.js');
    const dir = makeTree({ 'a.json': '{"id":"A"}', 'b.json': '{"id":"B"}'.repeat(100) });
    try {
      execFileSync('python3', [
        '-c',
        'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],"w")\nz.write(sys.argv[2],"a.json",zipfile.ZIP_STORED)\nz.write(sys.argv[3],"sub/b.json",zipfile.ZIP_DEFLATED)\nz.writestr("dir/","")\nz.close()',
        join(dir, 'x.zip'),
        join(dir, 'a.json'),
        join(dir, 'b.json'),
      ]);
      const files = [...readZip(join(dir, 'x.zip'))].map((f) => [f.name, f.data.toString().length]);
      expect(files).toStrictEqual([
        ['a.json', 10],
        ['sub/b.json', 1000],
      ]);
      expect([...readZip(join(dir, 'x.zip'), (n) => n.startsWith('sub/'))].map((f) => f.name)).toStrictEqual([
        'sub/b.json',
      ]);
      expect(() => [...readZip(join(dir, 'a.json'))]).toThrow(/not a zip file/);
    } finally {
      removeTree(dir);
    }
  });
});
