// verify-health against hostile input: credentials in URLs, broken header lines, patterns that
// backtrack, loads that flood, servers whose bodies never end or whose answers are the wrong
// shape, and text that tries to become a workflow command. Every server here is real and local;
// the code under test is never stubbed. Assertions are on verdicts, kinds and bounds, never on
// timings, so that they hold on a machine whose cores are busy.
import { describe, expect, it } from '@jest/globals';
import { InputReader, RecordingLogger, isUserError, systemClock, type UserError } from '@slipway/action-kit/lite';
import {
  MAX_TOTAL_RATE,
  displayUrl,
  evaluateQuery,
  parseBodyRegex,
  parseJsonAssertions,
  parseQueries,
  parseStatusRanges,
  verifyHealth,
  type VerifyOptions,
} from '@slipway/health';
import { parseInputs } from '../../actions/verify-health/src/inputs.js';
import { metadata } from '../../actions/verify-health/src/metadata.generated.js';
import {
  answer,
  basicAuth,
  declaredHugeBody,
  endlessBody,
  headersThenSilence,
  serve,
  workflowCommands,
} from '../../packages/health/test/hostile-servers.js';
import { runMain, type MainRun } from '../../actions/verify-health/test/run-main.js';
import { closedPort, inputVar } from '../harness.js';
import { userError } from '../matchers.js';

const PASSWORD = 'Hunter2-s3cret-pw';

const spec = (extra: Partial<VerifyOptions['spec']> = {}): VerifyOptions['spec'] => ({
  method: 'GET',
  headers: {},
  timeoutMs: 5000,
  expectStatus: parseStatusRanges('200-399'),
  insecureTls: false,
  ...extra,
});
const options = (urls: string[], extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  urls,
  spec: spec(),
  waitMs: 100,
  retryDelayMs: 50,
  durationMs: 0,
  rate: 20,
  maxErrorRate: 0.01,
  intervalMs: 250,
  ...extra,
});
const verify = (o: VerifyOptions) => verifyHealth(o, { clock: systemClock, logger: new RecordingLogger() });

/** parseInputs over real INPUT_* variables; `masked` collects what the action asked the runner to mask. */
const parseEnv = (env: Record<string, string>, masked: string[] = []) =>
  parseInputs(new InputReader(metadata, { INPUT_URL: 'http://127.0.0.1:1/healthz', ...env }), (v) => masked.push(v));

/** The UserError a call throws (failing the test when it throws anything else or nothing). */
function userErrorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (isUserError(err)) return err;
    throw err;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

/**
 * The password is masked before any line that could hold it, appears in the log only in the
 * `::add-mask::` commands themselves, and nowhere in the outputs, the report or the summary.
 */
function expectPasswordHidden(run: MainRun, password: string): void {
  const lines = run.stdout.split('\n');
  expect(lines.filter((l) => l.includes(password) && !l.startsWith('::add-mask::'))).toStrictEqual([]);
  const firstMask = lines.findIndex((l) => l.startsWith('::add-mask::') && l.includes(password));
  const firstUrl = lines.findIndex((l) => l.includes('127.0.0.1') && !l.startsWith('::add-mask::'));
  expect(firstMask).toBeGreaterThanOrEqual(0);
  if (firstUrl >= 0) expect(firstMask).toBeLessThan(firstUrl);
  expect(run.outputsFile).not.toContain(password);
  expect(run.outputs.report ?? '').not.toContain(password);
  expect(run.summary).not.toContain(password);
}

describe('1. credentials in url, baseline-url and prometheus-url', () => {
  it('verifyHealth uses the credentials but shows the password as *** in the reason and the report', async () => {
    // `p@ss/w:rd` must be percent-encoded in a URL; neither form may appear.
    const secret = 'p@ss/w:rd-123';
    const server = await serve(basicAuth('user', secret, answer(503, '{"status":"down"}')));
    const url = `http://user:${encodeURIComponent(secret)}@127.0.0.1:${server.port}/healthz`;
    const r = await verify(options([url]));
    await server.close();
    // 503, not 401: the credentials reached the server.
    expect(r.reason).toMatch(/probes failed: status 503 on http:\/\/user:\*\*\*@127\.0\.0\.1:\d+\/healthz$/);
    const report = JSON.stringify(r);
    for (const shown of [secret, encodeURIComponent(secret), 'p%40ss']) expect(report).not.toContain(shown);
  });

  it('hides the password of a baseline and of an unreachable Prometheus', async () => {
    const candidate = await serve(answer(200, '{"status":"ok"}'));
    const baseline = await serve(answer(500, '{"status":"error"}'));
    const promPort = await closedPort();
    const r = await verify(
      options([`${candidate.url}/healthz`], {
        durationMs: 600,
        rate: 20,
        intervalMs: 200,
        baselineUrls: [`http://user:${PASSWORD}@127.0.0.1:${baseline.port}/healthz`],
      }),
    );
    const q = await verify(
      options([`${candidate.url}/healthz`], {
        prometheus: {
          url: `http://admin:${PASSWORD}@127.0.0.1:${promPort}`,
          queries: parseQueries('up: up > 0'),
          noData: 'fail',
          http: fetch,
        },
      }),
    );
    await Promise.all([candidate.close(), baseline.close()]);
    expect(r.verdict).toBe('inconclusive');
    expect(r.reason).toMatch(/^the baseline http:\/\/user:\*\*\*@127\.0\.0\.1:\d+\/healthz gave no successful sample/);
    expect(q.verdict).toBe('fail');
    expect(q.reason).toMatch(/^query up: Prometheus at http:\/\/admin:\*\*\*@127\.0\.0\.1:\d+\/? unreachable \(/);
    expect(JSON.stringify([r, q])).not.toContain(PASSWORD);
  });

  it('sends Prometheus credentials as a Basic header (fetch refuses them in the URL, quoting it)', async () => {
    const prom = await serve(
      basicAuth(
        'admin',
        PASSWORD,
        answer(200, '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]}]}}'),
      ),
    );
    const e = await evaluateQuery(
      `http://admin:${PASSWORD}@127.0.0.1:${prom.port}`,
      parseQueries('up: up > 0')[0]!,
      fetch,
      0,
    );
    await prom.close();
    expect(e).toMatchObject({ passed: true, values: [1] });
    expect(prom.authorizations).toStrictEqual([`Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`]);
  });

  it('masks every URL password at parse time, including one with an unencoded @, and shows none in errors', () => {
    const masked: string[] = [];
    parseEnv(
      {
        INPUT_URL: `https://user:${PASSWORD}@app.example.com/healthz`,
        'INPUT_BASELINE-URL': 'https://user:p@ss-word@old.example.com/healthz',
        'INPUT_PROMETHEUS-URL': 'https://tok_abcdef123@prom.example.com',
        INPUT_QUERIES: 'up: up > 0',
      },
      masked,
    );
    expect(masked).toEqual(expect.arrayContaining([PASSWORD, 'p@ss-word', 'tok_abcdef123']));
    // A two-letter password is not masked (that would hide every "pw" in the log), yet never shown.
    const short: string[] = [];
    const o = parseEnv({ INPUT_URL: 'http://u:pw@127.0.0.1:1/healthz' }, short);
    expect(short).not.toContain('pw');
    expect(o.urls.map(displayUrl)).toStrictEqual(['http://u:***@127.0.0.1:1/healthz']);
    // A URL that does not parse is shown without its user information.
    const e = userErrorOf(() => parseEnv({ INPUT_URL: `http://user:${PASSWORD}@[::1/x` }, masked));
    expect(e.subject.input).toBe('url');
    expect(e.describe()).not.toContain(PASSWORD);
    expect(e.describe()).toMatch(/'http:\/\/\*\*\*@\[::1\/x' is not a URL/);
    const scheme = userErrorOf(() => parseEnv({ 'INPUT_BASELINE-URL': `ftp://user:${PASSWORD}@files.example.com/` }));
    expect(scheme.describe()).toMatch(/'ftp:\/\/user:\*\*\*@files\.example\.com\/' uses ftp/);
  });

  it('the action masks the password before printing, and no output, report or summary holds it', async () => {
    const server = await serve(basicAuth('user', PASSWORD, answer(503, '{"status":"down"}')));
    const app = await serve(answer(200, '{"status":"ok"}'));
    const baseline = await serve(answer(500, '{"status":"error"}'));
    const promPort = await closedPort();
    try {
      const readiness = await runMain({
        url: `http://user:${PASSWORD}@127.0.0.1:${server.port}/healthz`,
        wait: '200ms',
        'retry-delay': '50ms',
      });
      expect(readiness.status).toBe(1);
      expect(readiness.outputs.verdict).toBe('fail');
      expect(readiness.outputs.reason).toMatch(/status 503 on http:\/\/user:\*\*\*@127\.0\.0\.1:\d+\/healthz$/);
      expectPasswordHidden(readiness, PASSWORD);

      const soak = await runMain({
        url: `${app.url}/healthz`,
        'baseline-url': `http://base:${PASSWORD}@127.0.0.1:${baseline.port}/healthz`,
        'prometheus-url': `http://admin:${PASSWORD}@127.0.0.1:${promPort}`,
        queries: 'up: up > 0',
        duration: '1s',
        rate: '20',
        interval: '250ms',
      });
      expect(soak.status).toBe(1);
      expect(soak.outputs.verdict).not.toBe('pass');
      // The report names the Prometheus by its redacted URL.
      expect(soak.outputs.report).toMatch(/Prometheus at http:\/\/admin:\*\*\*@127\.0\.0\.1:\d+\/? unreachable/);
      expectPasswordHidden(soak, PASSWORD);
    } finally {
      await Promise.all([server.close(), app.close(), baseline.close()]);
    }
  });
});

describe('2. header lines', () => {
  it('names the line of a header without its colon and never echoes it, masking the token it holds', () => {
    const masked: string[] = [];
    const e = userErrorOf(() =>
      parseEnv({ INPUT_HEADERS: 'Accept: application/json\nAuthorization Bearer tok_live_abcdef123456' }, masked),
    );
    expect(e).toEqual(userError('headers', /line 2 is not a header line/));
    expect(e.describe()).not.toMatch(/tok_live|Bearer|Authorization/);
    expect(masked).toContain('tok_live_abcdef123456');
  });

  it.each([
    ['non-Latin-1 text', 'X-Name: 名前', /line 1: the value of X-Name/],
    ['a carriage return inside a value', 'Accept: a\rb', /line 1: the value of Accept/],
    ['a NUL byte', 'Accept: json\nX-Trace: a\u0000b', /line 2: the value of X-Trace/],
    ['a name with a space', 'X Name: value', /line 1 is not a header line/],
  ])('refuses a header with %s as a user error naming the line', (_label, headers, message) => {
    const e = userErrorOf(() => parseEnv({ INPUT_HEADERS: headers }));
    expect(e).toEqual(userError('headers', message));
    expect(e.describe()).not.toMatch(/名前|a\rb/);
  });

  it('a header Node refuses to send is a failed probe, never a rejected run', async () => {
    const server = await serve(answer(200, '{}'));
    const r = await verify(options([`${server.url}/`], { spec: spec({ headers: { 'X-Name': '名前' } }) }));
    await server.close();
    expect(r.verdict).toBe('fail');
    expect(r.failures.other ?? 0).toBeGreaterThanOrEqual(1);
    expect(server.requests).toBe(0);
  });
});

describe('3. expect-body runs on a linear-time engine', () => {
  it('matches (a+)+$ against 30 a and a b without backtracking for ever', async () => {
    const server = await serve(answer(200, `${'a'.repeat(30)}b`, 'text/plain'));
    const pattern = parseBodyRegex('(a+)+$');
    const r = await verify(options([`${server.url}/`], { spec: spec({ expectBody: pattern }) }));
    await server.close();
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/body does not match \/\(a\+\)\+\$\//);
    expect(r.failures.body ?? 0).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it.each([['(?=ok)'], ['(a)\\1'], ['(?<!x)ok'], ['([']])('refuses %s as a user error naming expect-body', (p) => {
    expect(() => parseEnv({ 'INPUT_EXPECT-BODY': p })).toThrow(userError('expect-body', /RE2/));
  });
});

describe('4. the load a run may send', () => {
  const urls = (n: number, host = 'app') =>
    Array.from({ length: n }, (_, i) => `http://${host}${i}.example/`).join('\n');

  it('refuses 4,000 URLs at 1000/s naming rate, with the ceiling', () => {
    expect(() => parseEnv({ INPUT_URL: urls(4000), INPUT_RATE: '1000' })).toThrow(
      userError('rate', new RegExp(`4000000 requests per second, more than the ceiling of ${MAX_TOTAL_RATE}`)),
    );
  });

  it('counts baselines in the total and accepts the ceiling itself', () => {
    expect(parseEnv({ INPUT_URL: urls(5), INPUT_RATE: '1000' }).rate).toBe(1000);
    expect(() => parseEnv({ INPUT_URL: urls(4), 'INPUT_BASELINE-URL': urls(2, 'old'), INPUT_RATE: '1000' })).toThrow(
      userError('rate', /each of 6 URLs is 6000 requests per second/),
    );
  });

  it('caps the number of URLs even at a low rate', () => {
    expect(() => parseEnv({ INPUT_URL: urls(101), INPUT_RATE: '1' })).toThrow(
      userError('url', /101 URLs, more than 100/),
    );
    expect(() => parseEnv({ INPUT_URL: urls(60), 'INPUT_BASELINE-URL': urls(41, 'old'), INPUT_RATE: '1' })).toThrow(
      userError('baseline-url', /more than the 40 left/),
    );
  });

  it('refuses a soak of millions of probes, which every sample kept would not fit in memory', () => {
    expect(() => parseEnv({ INPUT_URL: urls(5), INPUT_RATE: '1000', INPUT_DURATION: '10m' })).toThrow(
      userError('duration', /at 5000 requests per second would send 3000000 probes, more than 2000000/),
    );
    expect(parseEnv({ INPUT_URL: urls(5), INPUT_RATE: '1000', INPUT_DURATION: '400s' }).durationMs).toBe(400_000);
  });

  it('verifyHealth refuses an over-ceiling load before sending a single probe', async () => {
    const server = await serve(answer(200, '{}'));
    const many = Array.from({ length: 10 }, (_, i) => `${server.url}/${i}`);
    await expect(verify(options(many, { rate: 1000, durationMs: 1000 }))).rejects.toThrow(userError('rate'));
    await server.close();
    expect(server.requests).toBe(0);
  });

  it("documents the ceiling in action.yml's description of rate", () => {
    expect(metadata.inputs.rate!.description).toMatch(/5000 requests per second/);
  });
});

describe('5. server bodies and Prometheus answers', () => {
  it('stops reading an endless body at 1 MiB and fails the probe as too-large', async () => {
    const server = await serve(endlessBody());
    const r = await verify(options([`${server.url}/`], { spec: spec({ timeoutMs: 20_000 }) }));
    await server.close();
    expect(r.verdict).toBe('fail');
    expect(r.failures['too-large'] ?? 0).toBeGreaterThanOrEqual(1);
    expect(r.failures.timeout).toBeUndefined();
    expect(r.reason).toMatch(/probes failed: body larger than 1 MiB on http:/);
    // Reading on for the 20 s timeout would have taken gigabytes over loopback; socket buffers hold a few MiB.
    expect(server.bytesSent).toBeLessThan(64 * 1024 * 1024 * r.readiness.attempts);
  }, 60_000);

  it('refuses a body whose Content-Length is over the cap without waiting for it', async () => {
    const server = await serve(declaredHugeBody(1024 * 1024 * 1024));
    const r = await verify(options([`${server.url}/`], { waitMs: 0, spec: spec({ timeoutMs: 20_000 }) }));
    await server.close();
    expect(r.failures['too-large']).toBe(1);
    expect(server.bytesSent).toBeLessThan(1024 * 1024);
  }, 60_000);

  it('takes the Content-Length of a HEAD answer for what it is: no body to refuse', async () => {
    const server = await serve(declaredHugeBody(1024 * 1024 * 1024));
    const r = await verify(options([`${server.url}/`], { spec: spec({ method: 'HEAD' }) }));
    await server.close();
    expect(r.verdict).toBe('pass');
  });

  it('still reads a body just under the cap for expect-json', async () => {
    const body = JSON.stringify({ status: 'ok', pad: 'x'.repeat(1024 * 1024 - 100) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(1024 * 1024);
    const server = await serve(answer(200, body));
    const r = await verify(
      options([`${server.url}/`], { spec: spec({ expectJson: parseJsonAssertions('status == "ok"') }) }),
    );
    await server.close();
    expect(r.verdict).toBe('pass');
  });

  it('counts headers followed by silence as a timeout', async () => {
    const server = await serve(headersThenSilence());
    const r = await verify(options([`${server.url}/`], { spec: spec({ timeoutMs: 300 }) }));
    await server.close();
    expect(r.verdict).toBe('fail');
    expect(r.failures.timeout ?? 0).toBeGreaterThanOrEqual(1);
    expect(r.reason).toMatch(/no complete answer within 300 ms/);
  });

  const vector = (result: string) => `{"status":"success","data":{"resultType":"vector","result":${result}}}`;
  const shapes: [string, number, string, RegExp][] = [
    ['null', 200, 'null', /^Prometheus answered HTTP 200 with null that is not a query result \(/],
    [
      'an HTML error page',
      502,
      '<html><body>Bad gateway</body></html>',
      /^Prometheus answered HTTP 502 with a body that is not JSON$/,
    ],
    ['an array', 200, '[]', /^Prometheus answered HTTP 200 with an array that is not a query result/],
    ['a number', 200, '42', /with a number that is not a query result/],
    ['success without data', 200, '{"status":"success"}', /not a query result \(data: /],
    ['a sample of the wrong shape', 200, vector('[{"value":"1"}]'), /not a query result \(data\.result\.0\.value: /],
    ['an unknown status', 200, '{"status":"maybe"}', /not a query result \(status: /],
    ['a range vector', 200, '{"status":"success","data":{"resultType":"matrix","result":[]}}', /range vector/],
    ['an empty vector', 200, vector('[]'), /^the query returned no data$/],
    [
      'an error',
      400,
      '{"status":"error","errorType":"bad_data","error":"parse error"}',
      /^Prometheus error: bad_data: parse error$/,
    ],
  ];
  it.each(shapes)('names the problem when Prometheus answers %s', async (_label, status, body, note) => {
    const prom = await serve(answer(status, body, body.startsWith('<') ? 'text/html' : 'application/json'));
    const e = await evaluateQuery(prom.url, parseQueries('up: up > 0')[0]!, fetch, 0);
    await prom.close();
    expect(e.passed).toBe('no-data');
    expect(e.note).toMatch(note);
  });

  it('gives up on a Prometheus that sends headers and then nothing', async () => {
    const prom = await serve(headersThenSilence());
    const e = await evaluateQuery(prom.url, parseQueries('up: up > 0')[0]!, fetch, 0, 300);
    await prom.close();
    expect(e).toMatchObject({ passed: 'no-data' });
    expect(e.note).toMatch(/^Prometheus at http:\/\/127\.0\.0\.1:\d+ did not answer within 300 ms$/);
  });

  it('stops reading an endless Prometheus answer', async () => {
    const prom = await serve(endlessBody());
    const e = await evaluateQuery(prom.url, parseQueries('up: up > 0')[0]!, fetch, 0, 60_000);
    await prom.close();
    expect(e).toMatchObject({ passed: 'no-data' });
    expect(e.note).toMatch(/answered with more than 8 MiB$/);
    expect(prom.bytesSent).toBeLessThan(256 * 1024 * 1024);
  }, 90_000);

  it('turns a Prometheus answering null into a failed query with the reason, never an internal error', async () => {
    const app = await serve(answer(200, '{}'));
    const prom = await serve(answer(200, 'null'));
    const r = await verify(
      options([`${app.url}/`], {
        prometheus: { url: prom.url, queries: parseQueries('up: up > 0'), noData: 'fail', http: fetch },
      }),
    );
    await Promise.all([app.close(), prom.close()]);
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/^query up: Prometheus answered HTTP 200 with null that is not a query result/);
  });
});

describe('6. server text cannot become a workflow command', () => {
  const injected = 'parse error\n::warning title=INJECTED::owned\n';

  it('keeps Prometheus error text on one bounded line in the reason', async () => {
    const app = await serve(answer(200, '{}'));
    const prom = await serve(
      answer(400, JSON.stringify({ status: 'error', errorType: 'bad_data', error: injected + 'x'.repeat(100_000) })),
    );
    const r = await verify(
      options([`${app.url}/`], {
        prometheus: { url: prom.url, queries: parseQueries('up: up > 0'), noData: 'fail', http: fetch },
      }),
    );
    await Promise.all([app.close(), prom.close()]);
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/^query up: Prometheus error: bad_data: parse error ::warning title=INJECTED::owned/);
    expect(r.reason).not.toMatch(/[\r\n]/);
    expect(r.reason.length).toBeLessThan(1000);
  });

  it('the action prints no command a server wrote, from Prometheus or from a body', async () => {
    const app = await serve(answer(200, JSON.stringify({ status: `\n::warning title=INJECTED::body\n` })));
    const prom = await serve(
      answer(
        400,
        JSON.stringify({ status: 'error', errorType: 'bad_data', error: `${injected}<img src=x onerror=alert(1)>` }),
      ),
    );
    try {
      const fromProm = await runMain({
        url: `${app.url}/`,
        'prometheus-url': prom.url,
        queries: 'up: up > 0',
      });
      const fromBody = await runMain({
        url: `${app.url}/`,
        'expect-json': 'status == "ok"',
        wait: '200ms',
        'retry-delay': '50ms',
      });
      for (const run of [fromProm, fromBody]) {
        expect(run.status).toBe(1);
        expect(run.outputs.verdict).toBe('fail');
        expect(run.outputs.reason).not.toMatch(/\n/);
        const commands = workflowCommands(run.stdout);
        expect(commands.filter((c) => !c.startsWith('::error title=verify-health::'))).toStrictEqual([]);
        expect(commands.join('\n')).not.toMatch(/^::warning/m);
      }
      expect(fromProm.outputs.reason).toMatch(/INJECTED/); // the text is shown, as text
      expect(fromProm.summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(fromProm.summary).not.toContain('<img');
    } finally {
      await Promise.all([app.close(), prom.close()]);
    }
  });
});

describe('7. every input, a malformed value: a user error naming it', () => {
  const QUERIES = { INPUT_QUERIES: 'up: up > 0' };
  const PROM = { 'INPUT_PROMETHEUS-URL': 'http://prom.example:9090' };
  // input, malformed value, what the error says, and the other inputs that make the value wrong
  const cases: [string, string, RegExp, Record<string, string>?][] = [
    ['url', `http://user:${PASSWORD}@[::1/x`, /is not a URL/],
    ['url', `http://user:${PASSWORD}@app.example/${'a'.repeat(9000)}`, /a URL of 9042 characters, more than 8192/],
    ['method', 'GET /admin', /not an HTTP method/],
    ['method', 'connect', /CONNECT opens a tunnel/],
    ['headers', 'X-Name: 名前', /line 1/],
    [
      'headers',
      `Accept: json\nAuthorization: Bearer ${'a'.repeat(20_000)}`,
      /line 2 is 20022 characters long, more than 16384/,
    ],
    ['expect-status', '2xx-5xx', /not a status code or range/],
    ['expect-status', '99999999999999999999', /not a status code or range/],
    ['expect-body', '(?<=a)b', /RE2/],
    ['expect-json', 'a..b == 1', /is not an assertion/],
    ['expect-json', 'status == ok', /is not a JSON value/],
    ['timeout', '1e309s', /not a duration/],
    ['timeout', '0.1ms', /out of range/],
    ['wait', '9'.repeat(400) + 'h', /not a duration/],
    ['retry-delay', '-1s', /not a duration/],
    ['duration', '7h', /out of range/],
    ['rate', '1e3', /not a whole number/],
    ['rate', '99999999999999999999', /out of range/],
    ['max-error-rate', 'NaN%', /is not a rate/],
    ['max-p95', '0.0001ms', /out of range/],
    ['max-p99', 'Infinity', /not a duration/],
    ['interval', '5 s', /not a duration/],
    ['baseline-url', 'javascript:alert(1)', /uses javascript, which is not supported/],
    ['prometheus-url', `http://u:${PASSWORD}@prom:99999`, /is not a URL/, QUERIES],
    [
      'prometheus-url',
      `http://u:${PASSWORD}@prom:9090/?db=1`,
      /'http:\/\/u:\*\*\*@prom:9090\/\?db=1' has a query/,
      QUERIES,
    ],
    ['queries', 'up: up > 0\nup: up < 2', /name two queries 'up'/, PROM],
    ['queries', 'up: up > 1e999', /not a finite number/, PROM],
    ['queries', `up: ${'x'.repeat(20_000)} > 0`, /more than 10000/, PROM],
    ['no-data', 'FAIL', /Use one of/],
    ['insecure-tls', 'yes', /not a boolean/],
  ];
  const table = cases.map(
    ([input, value, message, other]) => [input, JSON.stringify(value).slice(0, 60), value, message, other] as const,
  );
  it.each(table)('%s = %s', (input, _shown, value, message, other) => {
    const e = userErrorOf(() => parseEnv({ ...other, [inputVar(input)]: value }));
    expect(e).toEqual(userError(input, message));
    expect(e.describe()).not.toContain(PASSWORD);
  });

  it('covers every input of action.yml', () => {
    expect(new Set(cases.map(([input]) => input))).toStrictEqual(new Set(Object.keys(metadata.inputs)));
  });
});
