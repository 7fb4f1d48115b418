// security-scan against hostile and careless input: links that lead writes out of the workspace,
// OSV servers that hang, stream for ever or answer nonsense, credentials in URLs, patterns that
// backtrack, special files, zip bombs, huge workflows and the user mistakes that used to end as
// internal errors. Real files, real git repositories and real local HTTP servers; nothing under
// test is stubbed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { constants as zlib, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actionsExec, isUserError, ManualClock, RecordingLogger, type ActionSeams } from '@slipway/action-kit/lite';
import {
  DEFAULT_RULES,
  loadGitleaksConfig,
  readBaseline,
  scan,
  scanDependencies,
  scanHistory,
  SecretEngine,
  type OsvSource,
} from '@slipway/security';
import { run, type SecurityScanSeams } from '../../actions/security-scan/src/main.js';
import { REPO, closedPort, inputVar, makeTree, removeTree } from '../harness.js';
import { userError } from '../matchers.js';

const PASSWORD = 'hunter2-Pa55word';
const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));
const tree = (files: Record<string, string | Buffer> = {}): string => {
  const t = makeTree(files, 'slipway-hostile-security-');
  trees.push(t);
  return t;
};

const LODASH_LOCK = JSON.stringify({
  lockfileVersion: 3,
  packages: { '': {}, 'node_modules/lodash': { version: '4.17.20' } },
});
const LODASH_VULN = {
  id: 'GHSA-35jh-r3h4-6jhm',
  summary: 'Command Injection in lodash',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
    },
  ],
};

/** What one run of the action's main left behind: its error, log, outputs, summary and masked values. */
interface ScanRun {
  error: unknown;
  log: RecordingLogger;
  outputs: Record<string, string>;
  summary: string;
  /** Each masked value with the number of log lines printed before it was masked. */
  masked: { value: string; after: number }[];
}

/** Runs security-scan's main as the runner would, with real INPUT_* variables and a real summary file. */
async function runScan(workspace: string, inputs: Record<string, string>, seams?: SecurityScanSeams): Promise<ScanRun> {
  const runner = tree({ summary: '' });
  const env: Record<string, string> = { GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: join(runner, 'summary') };
  for (const [name, value] of Object.entries(inputs)) env[inputVar(name)] = value;
  const log = new RecordingLogger();
  const outputs: Record<string, string> = {};
  const masked: ScanRun['masked'] = [];
  const actionSeams: ActionSeams = {
    env,
    logger: log,
    setOutput: (k, v) => (outputs[k] = String(v)),
    mask: (value) => masked.push({ value, after: log.records.length }),
  };
  let error: unknown;
  try {
    await run(actionSeams, seams);
  } catch (err) {
    error = err;
  }
  return { error, log, outputs, summary: readFileSync(join(runner, 'summary'), 'utf8'), masked };
}

/** Everything a run shows or leaves: log lines, outputs, summary, error, and the files it wrote. */
function everythingShown(r: ScanRun, files: string[]): string {
  return [
    ...r.log.records.map((x) => `${x.message} ${JSON.stringify(x.props ?? {})}`),
    JSON.stringify(r.outputs),
    r.summary,
    isUserError(r.error) ? r.error.describe() : String(r.error),
    ...files.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')),
  ].join('\n');
}

describe('writes through symbolic links', () => {
  const outside = tree();
  const workspace = tree({ 'app.js': 'console.log(1)\n', 'file.txt': 'x', 'sarif-dir/keep': '' });
  symlinkSync(outside, join(workspace, 'out'));
  const cases: [string, Record<string, string>, string, RegExp][] = [
    [
      'a SARIF file under a linked folder',
      { sarif: 'out/x.sarif' },
      'sarif',
      /leads outside the workspace through a symbolic link/,
    ],
    [
      'a baseline under a linked folder',
      { 'write-baseline': 'out/b.json' },
      'write-baseline',
      /leads outside the workspace through a symbolic link/,
    ],
    ['a SARIF path that is a folder', { sarif: 'sarif-dir' }, 'sarif', /is a folder/],
    ['a SARIF path under a file', { sarif: 'file.txt/x.sarif' }, 'sarif', /which is a file, not a folder/],
    ['a baseline path under a file', { 'write-baseline': 'file.txt/b.json' }, 'write-baseline', /which is a file/],
    ['a report path that is a folder', { sarif: 'r' }, 'sarif', /is a folder/],
  ];
  mkdirSync(join(workspace, 'r.report.json'));
  for (const [name, inputs, input, message] of cases) {
    it(`refuses ${name}, naming ${input}, and writes nothing outside`, async () => {
      const r = await runScan(workspace, { scanners: 'secrets', ...inputs });
      expect(r.error).toEqual(userError(input, message));
      expect(readdirSync(outside)).toStrictEqual([]);
    });
  }

  it('still writes inside the workspace through a link that stays inside', async () => {
    symlinkSync(join(workspace, 'sarif-dir'), join(workspace, 'inside'));
    const r = await runScan(workspace, {
      scanners: 'secrets',
      sarif: 'inside/x.sarif',
      'write-baseline': 'inside/b.json',
    });
    expect(r.error).toBeUndefined();
    expect(readdirSync(join(workspace, 'sarif-dir')).sort()).toStrictEqual([
      'b.json',
      'keep',
      'x.report.json',
      'x.sarif',
    ]);
  });
});

/** A server speaking (or failing to speak) the OSV API, its behaviour chosen by the first path segment. */
function osvServer(): { server: Server; requests: { url: string; auth: string | undefined }[] } {
  const requests: { url: string; auth: string | undefined }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ url: req.url ?? '', auth: req.headers.authorization });
    req.resume();
    const [, mode, ...rest] = (req.url ?? '').split('/');
    const api = `/${rest.join('/')}`;
    const json = (body: unknown): void => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (mode === 'hang') return; // accepts, never answers
    if (mode === 'endless' || mode === 'drip') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = mode === 'endless' ? Buffer.alloc(64 * 1024, 0x20) : Buffer.from(' ');
      let open = true;
      res.on('close', () => (open = false));
      const pump = (): void => {
        if (!open) return;
        if (mode === 'drip') {
          res.write(chunk);
          setTimeout(pump, 50);
          return;
        }
        while (open && res.write(chunk));
        if (open) res.once('drain', pump);
      };
      return pump();
    }
    if (mode === 'html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><p>Sign in</p>');
      return;
    }
    if (mode === 'shape') return json({ results: 'nope' });
    if (mode === 'count') return json({ results: [] });
    const expected = `Basic ${Buffer.from(`scanner:${PASSWORD}`).toString('base64')}`;
    if (mode === 'auth' && req.headers.authorization !== expected) {
      res.writeHead(401).end();
      return;
    }
    if (api === '/v1/querybatch') return json({ results: [{ vulns: [{ id: LODASH_VULN.id }] }] });
    if (mode === 'badrecord') return json({ id: 5, affected: 'all' });
    return json(LODASH_VULN);
  });
  return { server, requests };
}

describe('the OSV API', () => {
  const { server, requests } = osvServer();
  let base = '';
  const root = tree({ 'package-lock.json': LODASH_LOCK });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  const api = (mode: string, extra: Partial<OsvSource> = {}): OsvSource =>
    ({ kind: 'api', baseUrl: `http://${base}/${mode}`, http: fetch, clock: new ManualClock(), ...extra }) as OsvSource;

  it('gives up on a server that never answers, after the timeout and the retries', async () => {
    const started = performance.now();
    await expect(
      scanDependencies(root, api('hang', { timeoutMs: 300, attempts: 2 }), new RecordingLogger()),
    ).rejects.toThrow(userError('osv-db', /failed after 2 attempts \(no answer within 0\.3 s\)/));
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('gives up on an answer that trickles for ever: the timeout covers the body', async () => {
    await expect(
      scanDependencies(root, api('drip', { timeoutMs: 500, attempts: 2 }), new RecordingLogger()),
    ).rejects.toThrow(userError('osv-db', /no answer within 0\.5 s/));
  });

  it('stops reading an endless answer at the size cap (32 MiB by default)', async () => {
    await expect(scanDependencies(root, api('endless', { timeoutMs: 60_000 }), new RecordingLogger())).rejects.toThrow(
      userError('osv-api-url', /answered \/v1\/querybatch with more than 33554432 bytes/),
    );
  });

  const nonsense: [string, RegExp][] = [
    ['html', /answered \/v1\/querybatch with text\/html that is not JSON/],
    ['shape', /JSON that is not an OSV answer \(results: expected Array, got "nope"\)/],
    ['count', /answered 1 queries with 0 results/],
    [
      'badrecord',
      /answered \/v1\/vulns\/GHSA-35jh-r3h4-6jhm with JSON that is not an OSV answer \(id: expected string/,
    ],
  ];
  for (const [mode, message] of nonsense) {
    it(`calls an answer of the wrong kind (${mode}) the URL's fault, naming osv-api-url`, async () => {
      await expect(scanDependencies(root, api(mode), new RecordingLogger())).rejects.toThrow(
        userError('osv-api-url', message),
      );
    });
  }

  it('times out through the action too, as a user error naming the input', async () => {
    const workspace = tree({ 'package-lock.json': LODASH_LOCK });
    const r = await runScan(
      workspace,
      { scanners: 'dependencies', 'osv-api-url': `http://${base}/hang` },
      { osvTimeoutMs: 200, clock: new ManualClock() },
    );
    expect(r.error).toEqual(userError('osv-db', /failed after 4 attempts \(no answer within 0\.2 s\)/));
  });

  it('masks the password of osv-api-url before printing anything, sends it as Basic auth, and never shows it', async () => {
    const workspace = tree({ 'package-lock.json': LODASH_LOCK });
    const r = await runScan(workspace, {
      scanners: 'dependencies',
      'osv-api-url': `http://scanner:${PASSWORD}@${base}/auth`,
      'write-baseline': 'b.json',
    });
    expect(r.error).toEqual(userError('fail-on', /1 finding at or above high/));
    expect(requests.filter((q) => q.url.startsWith('/auth/')).every((q) => q.auth?.startsWith('Basic '))).toBe(true);
    expect(r.masked.some((m) => m.value.includes(PASSWORD) && m.after === 0)).toBe(true);
    expect(r.summary).toContain(`http://scanner:***@${base}/auth`);
    const files = ['slipway-security.sarif', 'slipway-security.report.json', 'b.json'].map((f) => join(workspace, f));
    expect(everythingShown(r, files)).not.toContain(PASSWORD);
  });

  it('masks a password that any other input holds, before printing anything', async () => {
    const workspace = tree({ 'app.js': 'x\n' });
    const r = await runScan(workspace, {
      scanners: 'secrets',
      sarif: `https://scanner:${PASSWORD}@example.com/x.sarif`,
    });
    expect(r.error).toBeUndefined();
    expect(r.outputs['sarif-path']).toContain(PASSWORD); // the runner shows it as ***
    expect(r.masked).toContainEqual({ value: PASSWORD, after: 0 });
  });

  const failing: [string, () => Promise<string>, string][] = [
    ['an unreachable mirror', async () => `http://scanner:${PASSWORD}@127.0.0.1:${await closedPort()}`, 'osv-db'],
    ['a mirror answering HTML', async () => `http://scanner:${PASSWORD}@${base}/html`, 'osv-api-url'],
    ['a URL with a space', async () => `http://scanner:${PASSWORD}@exa mple.com`, 'osv-api-url'],
  ];
  for (const [name, url, input] of failing) {
    it(`shows ${name}'s URL with the password as *** in the error`, async () => {
      const workspace = tree({ 'package-lock.json': LODASH_LOCK });
      const r = await runScan(
        workspace,
        { scanners: 'dependencies', 'osv-api-url': await url() },
        { clock: new ManualClock(), osvTimeoutMs: 5000 },
      );
      expect(r.error).toEqual(userError(input, /scanner:\*\*\*@/));
      expect(everythingShown(r, [])).not.toContain(PASSWORD);
    });
  }
});

describe('user patterns run on RE2', () => {
  const EVIL = `${'a'.repeat(30)}!`;
  const cases: [string, string][] = [
    ['a rule regex', `[[rules]]\nid = "evil"\nregex = '''(a+)+$'''\nkeywords = ["aaa"]\n`],
    [
      "a rule's allowlist regex",
      `[[rules]]\nid = "tok"\nregex = '''secret=(\\S+)'''\nkeywords = ["secret"]\n[[rules.allowlists]]\nregexes = ['''(a+)+$''']\n`,
    ],
    [
      'a global allowlist regex',
      `[[rules]]\nid = "tok"\nregex = '''secret=(\\S+)'''\nkeywords = ["secret"]\n[allowlist]\nregexes = ['''(a+)+$''']\n`,
    ],
  ];
  for (const [name, toml] of cases) {
    it(`does not backtrack on ${name} like (a+)+$`, async () => {
      const root = tree({ '.gitleaks.toml': toml, 'src/a.txt': `x ${EVIL}\nsecret=${EVIL}\n` });
      const cfg = loadGitleaksConfig(join(root, '.gitleaks.toml'));
      const started = performance.now();
      await scan(
        {
          target: root,
          scanners: ['secrets'],
          extraRules: cfg.rules,
          allow: cfg.allow,
          osv: { kind: 'offline', path: root },
        },
        { exec: actionsExec, logger: new RecordingLogger() },
      );
      // A backtracking engine takes tens of seconds on this line; RE2 takes microseconds.
      expect(performance.now() - started).toBeLessThan(5000);
    });
  }

  it('still finds what a user rule describes, with its secret group', () => {
    const root = tree({
      'c.toml': `[[rules]]\nid = "acme"\nregex = '''(?i)acme_key=(?P<k>[a-z0-9]{12})'''\nsecretGroup = 1\n`,
    });
    const cfg = loadGitleaksConfig(join(root, 'c.toml'));
    const found = new SecretEngine([...DEFAULT_RULES, ...cfg.rules], cfg.allow).scan('ACME_KEY=ab12cd34ef56\n', 'a', 1);
    expect(found.map((f) => [f.rule.id, f.message])).toStrictEqual([['secret/custom-acme', 'acme: ab12…(12 chars)']]);
  });

  const refused: [string, RegExp][] = [
    [
      `[[rules]]\nid = "look"\nregex = '''key(?=[0-9])'''\n`,
      /rules\[0\] \(look\): the regex "key\(\?=\[0-9\]\)" is not valid RE2 syntax/,
    ],
    [`[[rules]]\nid = "back"\nregex = '''(a)\\1'''\n`, /rules\[0\] \(back\): the regex/],
    [`[[rules]]\nid = "p"\nregex = 'x'\npath = '''(?<=a)b'''\n`, /rules\[0\] \(p\): the regex/],
    [`[allowlist]\npaths = ['''(?!x)''']\n`, /allowlist path: the regex/],
  ];
  for (const [toml, message] of refused) {
    it(`refuses a pattern RE2 cannot run, naming config and the rule: ${JSON.stringify(toml.split('\n')[1])}`, () => {
      const root = tree({ 'c.toml': toml });
      expect(() => loadGitleaksConfig(join(root, 'c.toml'))).toThrow(userError('config', message));
    });
  }
});

/** A zip whose one entry holds `data` (already deflated when method is 8) and declares `size` bytes inflated. */
function zipOf(name: string, data: Buffer, method: 0 | 8, size: number, compressed = data.length): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(compressed, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(20, 4);
  cd.writeUInt16LE(20, 6);
  cd.writeUInt16LE(method, 10);
  cd.writeUInt32LE(compressed, 20);
  cd.writeUInt32LE(size, 24);
  cd.writeUInt16LE(n.length, 28);
  const body = Buffer.concat([local, n, data]);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + n.length, 12);
  eocd.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, cd, n, eocd]);
}

/** A raw deflate stream of `mib` MiB of zeros, about a thousand times smaller than what it inflates to. */
function zeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(mib).fill(block), Buffer.from([0x03, 0x00])]);
}

describe('special files and zip bombs', () => {
  const workspace = tree({ 'app.js': 'x\n', 'package-lock.json': LODASH_LOCK, 'empty/README': 'no records here\n' });
  symlinkSync('/dev/zero', join(workspace, 'zero.toml'));
  symlinkSync('/dev/zero', join(workspace, 'zero.json'));
  execFileSync('mkfifo', [join(workspace, 'pipe.json')]);
  execFileSync('mkfifo', [join(workspace, 'all.zip')]);
  mkdirSync(join(workspace, 'folder.json'));
  mkdirSync(join(workspace, 'pipes'));
  execFileSync('mkfifo', [join(workspace, 'pipes', 'rec.json')]);
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ config: 'zero.toml' }, 'config', /is a device, not a regular file/],
    [{ config: 'pipe.json' }, 'config', /is a named pipe/],
    [{ config: 'folder.json' }, 'config', /is a folder/],
    [{ baseline: 'zero.json' }, 'baseline', /is a device/],
    [{ baseline: 'pipe.json' }, 'baseline', /is a named pipe/],
    [{ baseline: 'folder.json' }, 'baseline', /is a folder/],
    [{ scanners: 'dependencies', 'osv-db': 'zero.json' }, 'osv-db', /is a device/],
    [{ scanners: 'dependencies', 'osv-db': 'pipe.json' }, 'osv-db', /is a named pipe/],
    [{ scanners: 'dependencies', 'osv-db': 'all.zip' }, 'osv-db', /all\.zip is not a readable zip: not a regular file/],
    [
      { scanners: 'dependencies', 'osv-db': 'pipes' },
      'osv-db',
      /holds no OSV records, so no dependency could be checked/,
    ],
    [{ scanners: 'dependencies', 'osv-db': 'empty' }, 'osv-db', /holds no OSV records/],
  ];
  for (const [inputs, input, message] of cases) {
    it(`refuses ${JSON.stringify(inputs)} without reading or hanging`, async () => {
      const r = await runScan(workspace, { scanners: 'secrets', ...inputs });
      expect(r.error).toEqual(userError(input, message));
    });
  }

  const bombs: [string, () => Buffer, RegExp][] = [
    ['declares 3 GiB', () => zipOf('a.json', zeros(3072), 8, 3 * 1024 ** 3), /says it inflates to 3221225472 bytes/],
    [
      'declares 100 bytes and inflates to 3 GiB',
      () => zipOf('a.json', zeros(3072), 8, 100),
      /inflates to more than 4194304 bytes/,
    ],
    [
      'claims more compressed bytes than the file holds',
      () => zipOf('a.json', Buffer.from('{}'), 0, 2, 1e9),
      /past the end of the file/,
    ],
  ];
  for (const [name, zip, message] of bombs) {
    it(`refuses a zip entry that ${name}, naming osv-db`, async () => {
      const db = tree({ 'all.zip': zip() });
      const started = performance.now();
      await expect(scanDependencies(workspace, { kind: 'offline', path: db }, new RecordingLogger())).rejects.toThrow(
        userError('osv-db', message),
      );
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  }

  it('caps what all entries inflate to together', async () => {
    const record = Buffer.from(JSON.stringify(LODASH_VULN));
    const db = tree({ 'all.zip': zipOf('a.json', record, 0, record.length) });
    await expect(
      scanDependencies(workspace, { kind: 'offline', path: db, zip: { maxTotalBytes: 10 } }, new RecordingLogger()),
    ).rejects.toThrow(userError('osv-db', /the archive inflates to more than 10 bytes/));
    const ok = await scanDependencies(workspace, { kind: 'offline', path: db }, new RecordingLogger());
    expect(ok.findings.map((f) => f.rule.id)).toStrictEqual([LODASH_VULN.id]);
  });

  it('skips an OSV record of the wrong shape with a warning naming it', async () => {
    const db = tree({
      'bad.json': JSON.stringify({ id: 'X', affected: 'all' }),
      'ok.json': JSON.stringify(LODASH_VULN),
    });
    const log = new RecordingLogger();
    const r = await scanDependencies(workspace, { kind: 'offline', path: db }, log);
    expect(r.findings.length).toBe(1);
    expect(log.messages('warning')).toContainEqual(
      expect.stringMatching(/bad\.json is not an OSV record \(affected: expected Array/),
    );
  });
});

describe('huge workflows', () => {
  it('does not audit a 5.6 MB workflow with 100,000 jobs, and says so naming the file', async () => {
    const jobs = Array.from({ length: 100_000 }, (_, i) => `  job${i}:\n    runs-on: ubuntu-latest\n    steps: []\n`);
    const root = tree({ '.github/workflows/huge.yml': `on: push\njobs:\n${jobs.join('')}` });
    const log = new RecordingLogger();
    const started = performance.now();
    const r = await scan(
      { target: root, scanners: ['workflows'], osv: { kind: 'offline', path: root } },
      { exec: actionsExec, logger: log },
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.stats.workflows).toBe(0);
    expect(log.records).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/^\.github\/workflows\/huge\.yml is \d+ bytes, more than the 1048576/),
        props: expect.objectContaining({ file: '.github/workflows/huge.yml' }),
      }),
    );
  });

  it('audits a workflow just under the cap with 80,000 keys in one mapping in linear time', async () => {
    const env = Array.from({ length: 80_000 }, (_, i) => `  K${i}: 1\n`).join('');
    const text = `on: push\npermissions: {}\nenv:\n${env}jobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: some/action@v1\n`;
    expect(text.length).toBeLessThan(1024 * 1024);
    const root = tree({ '.github/workflows/keys.yml': text });
    const started = performance.now();
    const r = await scan(
      { target: root, scanners: ['workflows'], osv: { kind: 'offline', path: root } },
      { exec: actionsExec, logger: new RecordingLogger() },
    );
    // The yaml library's own duplicate-key check compares every pair: over a minute here.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(r.findings.map((f) => f.rule.id)).toStrictEqual(['workflow/unpinned-action']);
  });

  it('still reports a key given twice, with its line', async () => {
    const root = tree({ '.github/workflows/dup.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n  a:\n    runs-on: y\n' });
    const log = new RecordingLogger();
    await scan(
      { target: root, scanners: ['workflows'], osv: { kind: 'offline', path: root } },
      { exec: actionsExec, logger: log },
    );
    expect(log.records).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/dup\.yml is not valid YAML \(Map keys must be unique: 'a' appears twice\)/),
        props: expect.objectContaining({ startLine: 5 }),
      }),
    );
  });
});

describe("user mistakes are the user's to fix, never internal errors", () => {
  const workspace = tree({ 'app.js': 'x\n', 'file.txt': 'x' });
  const files: Record<string, string> = {
    'kw.toml': '[[rules]]\nid = "acme"\nregex = "acme"\nkeywords = "acme"\n',
    'rules.toml': 'rules = "all"\n',
    'group.toml': '[[rules]]\nid = "g"\nregex = "x(y)"\nsecretGroup = "1"\n',
    'allow.toml': '[allowlist]\npaths = 5\n',
    'stop.toml': '[[allowlists]]\nstopwords = [1, 2]\n',
    'null.json': 'null',
    'array.json': '[]',
    'nullfinding.json': '{"version": 1, "findings": [null]}',
    'numberprint.json': '{"version": 1, "findings": [{"fingerprint": 7}]}',
    'empty.json': '',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);
  mkdirSync(join(workspace, 'dir.json'));
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ config: 'kw.toml' }, 'config', /rules\[0\] \(acme\)\.keywords: expected Array, got "acme"/],
    [{ config: 'rules.toml' }, 'config', /rules: expected Array, got "all"/],
    [{ config: 'group.toml' }, 'config', /rules\[0\] \(g\)\.secretGroup: expected number, got "1"/],
    [{ config: 'allow.toml' }, 'config', /allowlist\.paths: expected Array, got 5/],
    [{ config: 'stop.toml' }, 'config', /allowlists\.0\.stopwords\.0: expected string, got 1/],
    [{ config: 'missing.toml' }, 'config', /does not exist/],
    [{ config: `${'n'.repeat(300)}.toml` }, 'config', /name that is too long/],
    [{ config: 'file.txt/c.toml' }, 'config', /is under something that is not a folder/],
    [{ baseline: 'null.json' }, 'baseline', /is not a slipway baseline/],
    [{ baseline: 'array.json' }, 'baseline', /is not a slipway baseline/],
    [{ baseline: 'nullfinding.json' }, 'baseline', /findings\.0: expected Object, got null/],
    [{ baseline: 'numberprint.json' }, 'baseline', /findings\.0\.fingerprint: expected string, got 7/],
    [{ baseline: 'empty.json' }, 'baseline', /is not valid JSON/],
    [{ baseline: 'dir.json' }, 'baseline', /is a folder/],
    [{ baseline: 'missing.json' }, 'baseline', /does not exist\. Write one with the write-baseline input/],
    [{ baseline: `${'n'.repeat(300)}.json` }, 'baseline', /too long/],
    [{ sarif: `${'n'.repeat(300)}.sarif` }, 'sarif', /too long/],
    [{ 'write-baseline': `${'n'.repeat(300)}.json` }, 'write-baseline', /too long/],
    [{ path: `${'n'.repeat(300)}.tar.gz` }, 'path', /does not exist/],
    [{ path: 'file.txt/a.tar.gz' }, 'path', /does not exist/],
    [{ path: 'file.txt' }, 'path', /is a file, not a folder/],
    [{ path: 'app.tar.gz' }, 'path', /app\.tar\.gz is not a readable \.tar\.gz/],
    [{ scanners: 'dependencies', 'osv-db': 'file.txt/osv' }, 'osv-db', /does not exist/],
    [{ scanners: 'dependencies', 'osv-db': `${'n'.repeat(300)}` }, 'osv-db', /cannot be read \(ENAMETOOLONG\)/],
  ];
  writeFileSync(join(workspace, 'app.tar.gz'), 'not gzip at all');
  for (const [inputs, input, message] of cases) {
    it(`${JSON.stringify(inputs).slice(0, 80)} names ${input}`, async () => {
      const r = await runScan(workspace, { scanners: 'secrets', ...inputs });
      expect(r.error).toEqual(userError(input, message));
    });
  }

  it('names config when it cannot be read (EACCES)', () => {
    writeFileSync(join(workspace, 'secret.toml'), '', { mode: 0o000 });
    // Root reads any file; the scan runs in a child without capabilities, where the mode holds.
    const script = [
      `import { run } from ${JSON.stringify(join(REPO, 'actions/security-scan/src/main.ts'))};`,
      `import { isUserError, nullLogger } from ${JSON.stringify(join(REPO, 'packages/action-kit/src/lite.ts'))};`,
      `const env = ${JSON.stringify({ GITHUB_WORKSPACE: workspace, [inputVar('scanners')]: 'secrets', [inputVar('config')]: 'secret.toml' })};`,
      'try {',
      '  await run({ env, logger: nullLogger, setOutput: () => {}, mask: () => {} });',
      "  console.log(JSON.stringify({ ok: 'scanned' }));",
      '} catch (e) {',
      '  console.log(JSON.stringify({ user: isUserError(e), input: e.subject?.input, text: isUserError(e) ? e.describe() : String(e) }));',
      '}',
    ].join('\n');
    const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', script];
    const argv = process.getuid?.() === 0 ? ['setpriv', '--inh-caps=-all', '--bounding-set=-all', ...node] : node;
    const child = spawnSync(argv[0]!, argv.slice(1), { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    const result = JSON.parse(child.stdout.trim().split('\n').pop() || '{}') as Record<string, unknown>;
    expect(result).toMatchObject({ user: true, input: 'config' });
    expect(result.text).toMatch(/permission denied/);
  });
});

describe('secrets-history', () => {
  const git = (repo: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd: repo, encoding: 'utf8' });
  const repo = tree({ 'README.md': 'hi\n' });
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'one');
  const engine = new SecretEngine(DEFAULT_RULES);

  const cases: [string, string | undefined, string, RegExp][] = [
    ['outside a git repository', undefined, 'scanners', /needs a git repository, and .* is not in one/],
    ['with a revision that does not exist', 'v9.9.9', 'history-since', /'v9\.9\.9' is not a commit in this repository/],
    ['with a revision that looks like an option', '-p', 'history-since', /'-p' is not a git revision/],
    ['with a revision that writes a file', '--output=pwned', 'history-since', /is not a git revision/],
  ];
  for (const [name, since, input, message] of cases) {
    it(`is a user error naming ${input} ${name}`, async () => {
      const workspace = name.startsWith('outside') ? tree({ 'a.txt': 'x\n' }) : repo;
      const r = await runScan(workspace, {
        scanners: 'secrets-history',
        ...(since !== undefined ? { 'history-since': since } : {}),
      });
      expect(r.error).toEqual(userError(input, message));
      expect(existsSync(join(workspace, 'pwned'))).toBe(false);
    });
  }

  it('refuses an option-like revision in the library too, before git sees it', async () => {
    for (const since of ['-p', '--output=pwned'])
      await expect(scanHistory(engine, actionsExec, repo, since)).rejects.toThrow(userError('history-since'));
    expect(existsSync(join(repo, 'pwned'))).toBe(false);
  });

  it('names a non-ASCII file as it is, not as git quotes it', async () => {
    const named = tree({ 'README.md': 'hi\n' });
    git(named, 'init', '-q');
    writeFileSync(join(named, 'café.env'), `TOKEN=ghp_${'Zq8A1b2C3d4E5f6G7h8I9j0K1l2M3n'}${'3OSAbq'}\n`);
    git(named, 'add', '-A');
    git(named, 'commit', '-qm', 'add');
    const r = await scanHistory(engine, actionsExec, named);
    expect(r.findings.map((f) => f.file)).toStrictEqual(['café.env']);
  });

  it('is a user error naming scanners in a repository without commits', async () => {
    const empty = tree({ 'a.txt': 'x\n' });
    git(empty, 'init', '-q');
    await expect(scanHistory(engine, actionsExec, empty)).rejects.toThrow(userError('scanners', /found no commit/));
  });
});

describe('readBaseline and loadGitleaksConfig on their own', () => {
  it('cap the size of what they read', () => {
    const root = tree({ 'big.toml': `# ${'x'.repeat(1024 * 1024)}\n` });
    expect(() => loadGitleaksConfig(join(root, 'big.toml'))).toThrow(userError('config', /more than the 1048576/));
    writeFileSync(join(root, 'big.json'), Buffer.alloc(64 * 1024 * 1024 + 1, 0x20));
    expect(() => readBaseline(join(root, 'big.json'))).toThrow(userError('baseline', /more than the 67108864/));
  });
});
