import {
  UserError,
  credentialParts,
  maskCredential,
  type InputReader,
  type SecretMasker,
} from '@slipway/action-kit/lite';
import {
  checkLoad,
  checkSubject,
  displayUrl,
  parseBodyRegex,
  parseJsonAssertions,
  parseQueries,
  parseStatusRanges,
  type VerifyOptions,
} from '@slipway/health';

const SENSITIVE = /^(authorization|proxy-authorization|cookie|set-cookie)$|-(token|key|secret)$/i;

/** What Node will write in a header value: tab and Latin-1 text without control characters. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const MAX_HEADER_LINE = 16 * 1024;

/** Longer URLs are refused unread: no server takes them, and they are never quoted. */
const MAX_URL_LENGTH = 8192;

/**
 * Parses `Name: value` lines, masking the values of credential headers before anything logs them.
 * Errors name the line by number and never quote it: a line without its colon may be a credential.
 */
export function parseHeaders(text: string, mask: SecretMasker): Record<string, string> {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    // Servers refuse far shorter headers; the cap also bounds the credential scan below.
    if (line.length > MAX_HEADER_LINE)
      throw new UserError(
        `line ${i + 1} is ${line.length} characters long, more than ${MAX_HEADER_LINE}.`,
        { input: 'headers' },
        'Send large values in the request body of a dedicated health endpoint instead.',
      );
    // The value runs to the end of the line, a stray carriage return included, so that the check below sees it.
    const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*([\s\S]*)$/.exec(line);
    if (!m) {
      // `Authorization Bearer tok_…` lost its colon: its token is still a secret.
      for (const part of credentialParts(line)) mask(part);
      throw new UserError(
        `line ${i + 1} is not a header line (it is not shown, as it may hold a credential).`,
        { input: 'headers' },
        'Write one header per line as Name: value, the name made of letters, digits and -.',
      );
    }
    const name = m[1]!;
    const value = m[2]!;
    if (SENSITIVE.test(name)) maskCredential(value, mask);
    if (!HEADER_VALUE.test(value))
      throw new UserError(
        `line ${i + 1}: the value of ${name} holds a character an HTTP header cannot carry.`,
        { input: 'headers' },
        'Header values are Latin-1 text without control characters; percent-encode or base64 anything else, as the server expects.',
      );
    headers[name] = value;
  }
  return headers;
}

/**
 * Masks the credentials a URL carries (`https://user:pass@host`) before anything can print it:
 * the URL as written and normalised, and its password (or lone username) encoded and decoded.
 * Pieces shorter than 3 characters are left alone, as maskCredential does: masking `x` would hide
 * every x in the log. They are still never shown, as every URL is printed redacted.
 */
function maskUrlCredentials(text: string, mask: SecretMasker): void {
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(text);
  if (!userinfo) return;
  const info = userinfo[1]!;
  const secret = info.includes(':') ? info.slice(info.indexOf(':') + 1) : info;
  const pieces = new Set([text, secret, decodeSafe(secret)]);
  try {
    const href = new URL(text).href;
    pieces.add(href);
    for (const part of credentialParts(href)) pieces.add(part);
  } catch {
    // not a URL: the pieces above are all there is
  }
  for (const piece of pieces) if (piece.length >= 3) mask(piece);
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Validates the URLs: http or https only, each parseable; credentials in them are masked first. */
export function parseUrls(list: string[], input: string, mask: SecretMasker): string[] {
  if (list.length === 0)
    throw new UserError(
      'is required but empty.',
      { input },
      'Give the URL of the health endpoint, such as https://app.example.com/healthz.',
    );
  for (const u of list)
    if (u.length > MAX_URL_LENGTH)
      throw new UserError(
        `names a URL of ${u.length} characters, more than ${MAX_URL_LENGTH}.`,
        { input },
        'Give the URL of a health endpoint.',
      );
  for (const u of list) maskUrlCredentials(u, mask);
  return list.map((u) => {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      throw new UserError(
        `'${displayUrl(u)}' is not a URL.`,
        { input },
        'Write a full URL such as https://app.example.com/healthz.',
      );
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new UserError(
        `'${displayUrl(u)}' uses ${parsed.protocol.replace(':', '')}, which is not supported.`,
        { input },
        'Use http or https.',
      );
    return parsed.toString();
  });
}

/** The Prometheus base URL: no query or fragment, which the API path would land inside. */
function prometheusBase(url: string): string {
  const parsed = new URL(url);
  if (parsed.search || parsed.hash)
    throw new UserError(
      `'${displayUrl(url)}' has a query or fragment.`,
      { input: 'prometheus-url' },
      'Give the server only, such as http://prometheus:9090 or https://example.com/prometheus.',
    );
  return url.replace(/\/+$/, '');
}

/** Reads and validates every input into the options of verifyHealth. */
export function parseInputs(reader: InputReader, mask: SecretMasker): VerifyOptions {
  // URLs first: their credentials are masked before any other input's error can be printed.
  // url may be empty when queries judge alone; checkSubject below says what is missing.
  const urlList = reader.list('url');
  const urls = urlList.length ? parseUrls(urlList, 'url', mask) : [];
  const baseline = reader.list('baseline-url');
  const baselineUrls = baseline.length ? parseUrls(baseline, 'baseline-url', mask) : undefined;
  const promUrl = reader.optional('prometheus-url');
  const promBase = promUrl ? prometheusBase(parseUrls([promUrl], 'prometheus-url', mask)[0]!) : undefined;
  const method = reader.raw('method').toUpperCase();
  if (!/^[A-Z]+$/.test(method))
    throw new UserError(
      `'${method}' is not an HTTP method.`,
      { input: 'method' },
      'Use GET, HEAD or another method name.',
    );
  // CONNECT answers with a tunnel, not a response: every probe would wait for its timeout.
  if (method === 'CONNECT')
    throw new UserError('CONNECT opens a tunnel and gets no answer to judge.', { input: 'method' }, 'Use GET or HEAD.');
  const optionalDuration = (input: string): number | undefined =>
    reader.optional(input) === undefined ? undefined : reader.duration(input, { min: 1 });
  const maxP95Ms = optionalDuration('max-p95');
  const maxP99Ms = optionalDuration('max-p99');
  const expectBody = parseBodyRegex(reader.optional('expect-body'));
  const expectJson = parseJsonAssertions(reader.raw('expect-json'));
  const queries = parseQueries(reader.raw('queries'));
  const noData = reader.oneOf('no-data', ['fail', 'pass', 'inconclusive'] as const);
  if (queries.length && !promBase)
    throw new UserError(
      'are set but prometheus-url is empty.',
      { input: 'queries' },
      'Set prometheus-url to the Prometheus server to query.',
    );
  const prometheus = promBase ? { url: promBase, queries, noData, http: fetch } : undefined;
  if (prometheus && queries.length === 0)
    throw new UserError(
      'is set but queries is empty.',
      { input: 'prometheus-url' },
      'Add queries such as errors: <PromQL> < 0.05.',
    );
  checkSubject({ urls: urls.length, baselineUrls: baselineUrls?.length ?? 0, queries: queries.length });
  const rate = reader.integer('rate', { min: 1, max: 1000 });
  const durationMs = reader.duration('duration', { max: 6 * 3_600_000 });
  checkLoad({ urls: urls.length, baselineUrls: baselineUrls?.length ?? 0, rate, durationMs });
  return Object.freeze({
    urls,
    spec: {
      method,
      headers: parseHeaders(reader.raw('headers'), mask),
      timeoutMs: reader.duration('timeout', { min: 1, max: 600_000 }),
      expectStatus: parseStatusRanges(reader.raw('expect-status')),
      ...(expectBody ? { expectBody } : {}),
      expectJson,
      insecureTls: reader.boolean('insecure-tls'),
    },
    waitMs: reader.duration('wait', { max: 6 * 3_600_000 }),
    retryDelayMs: reader.duration('retry-delay', { min: 1, max: 600_000 }),
    durationMs,
    rate,
    maxErrorRate: reader.rate('max-error-rate'),
    ...(maxP95Ms !== undefined ? { maxP95Ms } : {}),
    ...(maxP99Ms !== undefined ? { maxP99Ms } : {}),
    intervalMs: reader.duration('interval', { min: 100, max: 3_600_000 }),
    ...(baselineUrls ? { baselineUrls } : {}),
    ...(prometheus ? { prometheus } : {}),
  });
}
