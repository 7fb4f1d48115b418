/** Where a match sits: the whole text being scanned, and the match's offset in it. */
export interface MatchContext {
  text: string;
  /** Offset of the secret in `text`. */
  at: number;
  /** Offsets of the secret's line in `text` (end excludes the newline). */
  lineStart: number;
  lineEnd: number;
}

/** Runs of these mean a value was blanked out: `ghp_xxxx…`, `AKIAXXXX…`, `****`, `####`, `....`. */
const MASK_RUN = /[xX*#.•]{5,}|[xX*#.•]{3,}$/;

/** The part after a credential's prefix: `xoxb-12345-abcd234` → `abcd234`, `ghp_ab12…` → `ab12…`. */
function body(secret: string): string {
  return secret.replace(/^(?:[A-Za-z0-9]{1,12}[_-])+/, '').replace(/^(?:AKIA|ASIA|AIza|SK|SG\.)/, '');
}

/** Characters covered by ascending runs of 3 or more (`abc`, `123`, `wxyz`, `ABCDEF`). */
function sequentialShare(text: string): number {
  let covered = 0;
  let run = 1;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) === text.charCodeAt(i - 1) + 1) run++;
    else {
      if (run >= 3) covered += run;
      run = 1;
    }
  }
  return text.length ? covered / text.length : 0;
}

/** True when the text repeats a unit of at most 8 characters (`abc123abc123…`, `1111…`). */
function periodic(text: string): boolean {
  for (let p = 1; p <= 8 && p * 2 <= text.length; p++) {
    let ok = true;
    for (let i = p; i < text.length && ok; i++) ok = text[i] === text[i - p];
    if (ok) return true;
  }
  return false;
}

/** Public SSH and SPKI keys in base64 start with these (the encoded key type or DER header). */
const PUBLIC_KEY_BASE64 =
  /^(?:AAAAB3NzaC1yc2E|AAAAC3NzaC1lZDI1NTE5|AAAAE2VjZHNhLXNoYTIt|MFkwEwYHKoZIzj0CAQ|MIIBIjANBgkqhkiG9w0BAQEFAAOC|MCowBQYDK2Vw)/;

/**
 * True when a matched secret is a placeholder or not secret at all: a real prefix followed by
 * masking, repeated or sequential characters; an alphabet constant; an OID; a public key or a
 * value whose name says it is public (unless `publicName`: the rule's own credential is called
 * public by its provider); a private-key header with no key material after it.
 */
export function isPlaceholder(secret: string, ctx: MatchContext, publicName = false): boolean {
  const tail = body(secret);
  if (MASK_RUN.test(tail)) return true;
  if (tail.length >= 6 && (periodic(tail) || sequentialShare(tail) >= 0.5)) return true;
  if (/^\d+(?:\.\d+){3,}$/.test(secret)) return true; // an OID such as 1.2.840.113549.1.1.1
  if (PUBLIC_KEY_BASE64.test(secret)) return true;
  if (/^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com)$/.test(secret)) return true;
  const before = ctx.text.slice(Math.max(ctx.lineStart, ctx.at - 80), ctx.at);
  if (/(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+)\s+$/.test(before)) return true;
  if (!publicName && namedPublic(before)) return true;
  if (/^-----BEGIN [A-Z ]*PRIVATE KEY/.test(secret)) return !hasKeyMaterial(ctx.text, ctx.at + secret.length);
  return false;
}

/** True when the name the value is assigned to says public: `public_key`, `publicKey`, `NEXT_PUBLIC_TOKEN`. */
function namedPublic(before: string): boolean {
  const name =
    before.match(/key\s*=\s*["']([^"']+)["']\s+value\s*=\s*["']?$/i)?.[1] ??
    before.match(
      /([A-Za-z0-9_.-]+)["'`\]]{0,2}(?:\s*:\s*\w+|\s+(?:string|String))?\s*(?:[:?.+]{0,3}=>?|:|,|>)\s*["'`]?$/,
    )?.[1];
  return name !== undefined && /(?:^|[_.-]|[a-z](?=P))(?:public|publishable)/i.test(name);
}

/**
 * True when key material follows a PEM header: in the same line after an escaped newline
 * (`"-----BEGIN …-----\nMIIE…"`) or on the next lines, after any `Name: value` headers.
 */
function hasKeyMaterial(text: string, from: number): boolean {
  const rest = text.slice(from, from + 2000).replace(/^-----/, '');
  const lines = rest.split(/\r?\n|\\(?:r\\)?n/).slice(0, 12);
  for (const raw of lines) {
    const line = raw.replace(/^[\s"'`+,]+|[\s"'`+,]+$/g, '');
    if (line === '' || /^[\w-]+:\s/.test(line)) continue;
    return /^[A-Za-z0-9+/=]{40,}$/.test(line) && !MASK_RUN.test(line) && !periodic(line);
  }
  return false;
}

/**
 * A note when a Google API key sits where Google publishes it by design: a Firebase web config
 * (`apiKey` next to `authDomain`/`projectId`) or a Maps JavaScript URL. Such keys are reported at
 * low severity, since their protection is an HTTP-referrer and API restriction, not secrecy.
 */
export function publishedGoogleKey(ctx: MatchContext): string | undefined {
  const line = ctx.text.slice(ctx.lineStart, ctx.lineEnd);
  if (/maps\.google(?:apis)?\.com\/maps\/api\/js\?[^\s"']*key=/i.test(line))
    return 'a Maps JavaScript API key in a script URL, public by design: restrict it to your HTTP referrers and the Maps APIs in the Cloud console';
  const near = ctx.text.slice(Math.max(0, ctx.lineStart - 1500), Math.min(ctx.text.length, ctx.lineEnd + 1500));
  if (/apiKey["']?\s*[:=]/.test(line) && /firebaseConfig|initializeApp|authDomain|messagingSenderId/.test(near))
    return 'a Firebase web config key, public by design: restrict it to your HTTP referrers and APIs in the Cloud console, and protect data with Firebase security rules';
  return undefined;
}
