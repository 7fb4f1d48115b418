import { redactCredentials } from '@slipway/action-kit/lite';

/**
 * A URL as it may be shown in a reason, log line, report or summary: its password (or a lone
 * username, which is often a token) replaced by `***`. Parsing first normalises the URL, so a
 * password holding `@` or `/` is percent-encoded and cannot leave a piece of itself behind.
 */
export function displayUrl(url: string): string {
  if (!url.includes('@')) return url;
  let normalised: string;
  try {
    normalised = new URL(url).href;
  } catch {
    // Not a URL: hide everything between the scheme and the last `@` of what would be the authority.
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
  }
  return redactText(normalised);
}

/** Several URLs for a sentence: `a, b`. */
export function displayUrls(urls: readonly string[]): string {
  return urls.map(displayUrl).join(', ');
}

/** Every URL's credentials in a text shown as `user:***@` (the kit's redaction, linear in the text). */
export const redactText = redactCredentials;

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Text a server chose (an error message, a certificate name) made fit for a one-line reason: control
 * characters and line breaks become one space, so no line of it can start a workflow command in any
 * log, and it is cut to `max` characters so that a server cannot fill the log or the outputs. A URL
 * it echoes (a client error quoting the request) loses its credentials.
 */
export function serverText(text: string, max = 300): string {
  const flat = redactText(text.replace(CONTROL, ' ')).trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
