import { describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { InputReader } from '@slipway/action-kit/lite';
import { parseInputs } from '../src/inputs.js';
import { metadata } from '../src/metadata.generated.js';

const parse = (env: Record<string, string>, masked: string[] = []) =>
  parseInputs(new InputReader(metadata, { INPUT_URL: 'https://app.example.com/healthz', ...env }), (v) =>
    masked.push(v),
  );

describe('verify-health inputs', () => {
  it('uses the action.yml defaults', () => {
    const o = parse({});
    expect(o.urls).toStrictEqual(['https://app.example.com/healthz']);
    expect(o.spec.method).toBe('GET');
    expect(o.spec.timeoutMs).toBe(5000);
    expect([o.waitMs, o.retryDelayMs, o.durationMs, o.rate, o.maxErrorRate, o.intervalMs]).toStrictEqual([
      60_000, 1000, 0, 5, 0.01, 5000,
    ]);
    expect(o.spec.expectStatus(399)).toBe(true);
    expect(o.spec.expectStatus(400)).toBe(false);
    expect(o.maxP95Ms).toBeUndefined();
  });

  it('reads every input and masks credential headers before use', () => {
    const masked: string[] = [];
    const o = parse(
      {
        INPUT_URL: 'http://a/h,\nhttp://b/h',
        INPUT_METHOD: 'head',
        INPUT_HEADERS: 'Authorization: Bearer abcdefgh12345678\nX-Api-Key: k3y-value-123\nAccept: application/json',
        'INPUT_EXPECT-STATUS': '2xx',
        'INPUT_EXPECT-BODY': 'ok',
        'INPUT_EXPECT-JSON': 'status == "ok"',
        INPUT_TIMEOUT: '250ms',
        INPUT_WAIT: '1m',
        'INPUT_RETRY-DELAY': '2s',
        INPUT_DURATION: '10m',
        INPUT_RATE: '200',
        'INPUT_MAX-ERROR-RATE': '0.5%',
        'INPUT_MAX-P95': '300ms',
        'INPUT_MAX-P99': '1s',
        INPUT_INTERVAL: '10s',
        'INPUT_INSECURE-TLS': 'true',
      },
      masked,
    );
    expect(o.urls).toStrictEqual(['http://a/h', 'http://b/h']);
    expect(o.spec.method).toBe('HEAD');
    expect([o.maxErrorRate, o.maxP95Ms, o.maxP99Ms, o.rate, o.durationMs]).toStrictEqual([
      0.005, 300, 1000, 200, 600_000,
    ]);
    expect(masked).toContain('Bearer abcdefgh12345678');
    expect(masked).toContain('abcdefgh12345678');
    expect(masked).toContain('k3y-value-123');
    expect(masked).not.toContain('application/json');
  });

  it('takes prometheus-url and queries without url, to judge on the queries alone', () => {
    const o = parse({ INPUT_URL: ' ', 'INPUT_PROMETHEUS-URL': 'http://prom:9090/', INPUT_QUERIES: 'up: min(up) >= 1' });
    expect(o.urls).toStrictEqual([]);
    expect(o.prometheus).toMatchObject({ url: 'http://prom:9090', queries: [{ name: 'up', threshold: 1 }] });
  });

  const bad: [Record<string, string>, string, RegExp][] = [
    [{ INPUT_URL: '' }, 'url', /is required unless prometheus-url and queries are given/],
    [{ INPUT_URL: '', 'INPUT_BASELINE-URL': 'http://old/h' }, 'url', /baseline-url is set/],
    [{ INPUT_URL: 'not a url' }, 'url', /'not a url' is not a URL/],
    [{ INPUT_URL: 'ftp://files.example.com/x' }, 'url', /uses ftp, which is not supported/],
    [{ INPUT_METHOD: 'GE T' }, 'method', /not an HTTP method/],
    [{ INPUT_HEADERS: 'no colon here' }, 'headers', /is not a header line/],
    [{ 'INPUT_EXPECT-STATUS': '200-1000' }, 'expect-status', /not a status code or range/],
    [{ 'INPUT_EXPECT-STATUS': '500-200' }, 'expect-status', /not a valid range/],
    [{ 'INPUT_EXPECT-BODY': '([' }, 'expect-body', /not a valid regular expression/],
    [{ 'INPUT_EXPECT-JSON': 'status is ok' }, 'expect-json', /is not an assertion/],
    [{ INPUT_TIMEOUT: '5' }, 'timeout', /not a duration/],
    [{ INPUT_WAIT: 'forever' }, 'wait', /not a duration/],
    [{ 'INPUT_RETRY-DELAY': '0' }, 'retry-delay', /out of range/],
    [{ INPUT_DURATION: '1y' }, 'duration', /not a duration/],
    [{ INPUT_RATE: '0' }, 'rate', /from 1 to 1000/],
    [{ INPUT_RATE: '5000' }, 'rate', /from 1 to 1000/],
    [{ 'INPUT_MAX-ERROR-RATE': '150%' }, 'max-error-rate', /is not a rate/],
    [{ 'INPUT_MAX-ERROR-RATE': 'low' }, 'max-error-rate', /is not a rate/],
    [{ 'INPUT_MAX-P95': 'fast' }, 'max-p95', /not a duration/],
    [{ 'INPUT_MAX-P99': '-1ms' }, 'max-p99', /not a duration/],
    [{ INPUT_INTERVAL: '10ms' }, 'interval', /out of range/],
    [{ 'INPUT_INSECURE-TLS': 'maybe' }, 'insecure-tls', /not a boolean/],
    [{ INPUT_QUERIES: 'errors: x < 1' }, 'queries', /prometheus-url is empty/],
    [{ 'INPUT_PROMETHEUS-URL': 'http://prom:9090' }, 'prometheus-url', /queries is empty/],
    [{ 'INPUT_PROMETHEUS-URL': 'prom:9090', INPUT_QUERIES: 'e: x < 1' }, 'prometheus-url', /uses prom|is not a URL/],
    [{ 'INPUT_PROMETHEUS-URL': 'http://p', INPUT_QUERIES: 'errors < 1' }, 'queries', /is not a query line/],
    [{ 'INPUT_NO-DATA': 'ignore' }, 'no-data', /Use one of: fail, pass, inconclusive/],
    [{ 'INPUT_BASELINE-URL': 'gopher://old' }, 'baseline-url', /uses gopher, which is not supported/],
    [{ 'INPUT_BASELINE-URL': 'http://' }, 'baseline-url', /is not a URL/],
  ];
  for (const [env, input, message] of bad) {
    it(`refuses ${input} = ${JSON.stringify(Object.values(env)[0])}`, () => {
      expect(() => parse(env)).toThrow(userError(input, message));
    });
  }
});
