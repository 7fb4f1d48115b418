import { redactCredentials } from '@slipway/action-kit/lite';
import { DEFAULT_RULES, redact, SecretEngine } from '@slipway/security';

let engine: SecretEngine | undefined;
/** The reported form of a secret ends with its length: `ghp_…(40 chars)`. */
const REPORTED_LENGTH = /\((\d+) chars\)$/;
/** When a finding's length cannot be read, the secret is taken to run to the next separator. */
const TOKEN_RUN = /^[^\s'"`,;]+/;

/**
 * Masks what the security package's secret rules find in a build's output, and URL passwords,
 * showing each secret's first 4 characters and its length (`ghp_…(40 chars)`), the way
 * security-scan reports them. The engine reports where a secret starts and its redacted form;
 * the length is read from that form (see the report: an export that returns spans would do better).
 */
export function redactSecrets(text: string): string {
  // A log is masked more eagerly than a scan reports: a token whose checksum is off (a typo, a
  // truncated paste) is still someone's token, so the rules' documented checks are left out here.
  engine ??= new SecretEngine(DEFAULT_RULES.map(({ verify: _verify, ...rule }) => rule));
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const spans = engine.scan(text, 'build-output.log', 1).map((f) => {
    const start = (lineStarts[f.line - 1] ?? 0) + (f.column ?? 1) - 1;
    const length = Number(REPORTED_LENGTH.exec(f.message)?.[1] ?? TOKEN_RUN.exec(text.slice(start))?.[0].length ?? 0);
    return { start, end: start + length };
  });
  let out = '';
  let at = 0;
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    out += text.slice(at, start) + redact(text.slice(start, span.end));
    at = span.end;
  }
  return redactCredentials(out + text.slice(at));
}
