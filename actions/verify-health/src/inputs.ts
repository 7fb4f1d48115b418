import { UserError, maskCredential, type InputReader, type SecretMasker } from '@slipway/action-kit/lite';
import {
  parseBodyRegex,
  parseJsonAssertions,
  parseQueries,
  parseStatusRanges,
  type VerifyOptions,
} from '@slipway/health';

const SENSITIVE = /^(authorization|proxy-authorization|cookie|set-cookie)$|-(token|key|secret)$/i;

/** Parses `Name: value` lines, masking the values of credential headers before anything logs them. */
export function parseHeaders(text: string, mask: SecretMasker): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m)
      throw new UserError(
        `'${line.split(':')[0]}' is not a header line.`,
        { input: 'headers' },
        'Write one header per line as Name: value.',
      );
    if (SENSITIVE.test(m[1]!)) maskCredential(m[2]!, mask);
    headers[m[1]!] = m[2]!;
  }
  return headers;
}

/** A percentage (`1%`, `0.5%`) or a fraction (`0.01`), as a fraction. */
export function parseRate(text: string, input: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text.trim());
  const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!m || !(value >= 0 && value <= 1))
    throw new UserError(
      `'${text}' is not a rate.`,
      { input },
      'Write a percentage such as 1% or a fraction from 0 to 1 such as 0.01.',
    );
  return value;
}

/** Validates the URLs: http or https only, each parseable. */
export function parseUrls(list: string[], input = 'url'): string[] {
  if (list.length === 0)
    throw new UserError(
      'is required but empty.',
      { input },
      'Give the URL of the health endpoint, such as https://app.example.com/healthz.',
    );
  return list.map((u) => {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      throw new UserError(
        `'${u}' is not a URL.`,
        { input },
        'Write a full URL such as https://app.example.com/healthz.',
      );
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new UserError(
        `'${u}' uses ${parsed.protocol.replace(':', '')}, which is not supported.`,
        { input },
        'Use http or https.',
      );
    return parsed.toString();
  });
}

/** Reads and validates every input into the options of verifyHealth. */
export function parseInputs(reader: InputReader, mask: SecretMasker): VerifyOptions {
  const method = reader.raw('method').toUpperCase();
  if (!/^[A-Z]+$/.test(method))
    throw new UserError(
      `'${method}' is not an HTTP method.`,
      { input: 'method' },
      'Use GET, HEAD or another method name.',
    );
  const optionalDuration = (input: string): number | undefined =>
    reader.optional(input) === undefined ? undefined : reader.duration(input, { min: 1 });
  const maxP95Ms = optionalDuration('max-p95');
  const maxP99Ms = optionalDuration('max-p99');
  const expectBody = parseBodyRegex(reader.optional('expect-body'));
  const baseline = reader.list('baseline-url');
  const baselineUrls = baseline.length ? parseUrls(baseline, 'baseline-url') : undefined;
  const queries = parseQueries(reader.raw('queries'));
  const noData = reader.oneOf('no-data', ['fail', 'pass', 'inconclusive'] as const);
  const promUrl = reader.optional('prometheus-url');
  if (queries.length && !promUrl)
    throw new UserError(
      'are set but prometheus-url is empty.',
      { input: 'queries' },
      'Set prometheus-url to the Prometheus server to query.',
    );
  const prometheus = promUrl
    ? { url: parseUrls([promUrl], 'prometheus-url')[0]!.replace(/\/+$/, ''), queries, noData, http: fetch }
    : undefined;
  if (prometheus && queries.length === 0)
    throw new UserError(
      'is set but queries is empty.',
      { input: 'prometheus-url' },
      'Add queries such as errors: <PromQL> < 0.05.',
    );
  return Object.freeze({
    urls: parseUrls(reader.list('url')),
    spec: {
      method,
      headers: parseHeaders(reader.raw('headers'), mask),
      timeoutMs: reader.duration('timeout', { min: 1, max: 600_000 }),
      expectStatus: parseStatusRanges(reader.raw('expect-status')),
      ...(expectBody ? { expectBody } : {}),
      expectJson: parseJsonAssertions(reader.raw('expect-json')),
      insecureTls: reader.boolean('insecure-tls'),
    },
    waitMs: reader.duration('wait', { max: 6 * 3_600_000 }),
    retryDelayMs: reader.duration('retry-delay', { min: 1, max: 600_000 }),
    durationMs: reader.duration('duration', { max: 6 * 3_600_000 }),
    rate: reader.integer('rate', { min: 1, max: 1000 }),
    maxErrorRate: parseRate(reader.raw('max-error-rate'), 'max-error-rate'),
    ...(maxP95Ms !== undefined ? { maxP95Ms } : {}),
    ...(maxP99Ms !== undefined ? { maxP99Ms } : {}),
    intervalMs: reader.duration('interval', { min: 100, max: 3_600_000 }),
    ...(baselineUrls ? { baselineUrls } : {}),
    ...(prometheus ? { prometheus } : {}),
  });
}
