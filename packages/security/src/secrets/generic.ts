import { shannonEntropy } from './entropy.js';

/** The rule whose matching this file does (the engine hands it the lines its keywords gate). */
export const GENERIC_RULE_ID = 'generic-secret';

/** Keywords that gate the generic rule: every name it reads holds one of them. */
export const GENERIC_KEYWORDS = ['key', 'secret', 'token', 'passw', 'pwd', 'auth', 'credential'];

/** A generic hit: where the value starts in the line, the value, and the name it was assigned to. */
export interface GenericMatch {
  index: number;
  name: string;
  secret: string;
}

const KEYWORD = String.raw`(?:key|secret|token|passw(?:or)?d|passwd|pwd|auth|credential)`;
/** Keywords in a line: each is looked at in the name around it. */
const KEYWORDS = new RegExp(KEYWORD, 'gi');
const IN_NAME = new RegExp(KEYWORD, 'gi');
/** At most this many name characters on either side of the keyword (longer runs are data, not names). */
const NAME_SIDE = 40;
/** A type between the name and the operator: `var token string =`, `val token: String =`. */
const TYPE = String.raw`(?:\s*:\s*(?:&?str|string|String|text)\b|\s+(?:string|String)\b)?`;
/**
 * How a value follows its name: `=`, `:`, `:=`, `::=`, `:::=`, `?=`, `.=`, `+=`, `=>`, a closing
 * quote or bracket first (`"token": …`, `ENV["TOKEN"] = …`), a call's next argument
 * (`setProperty("password", …)`), .NET's `key="ApiSecret" value=…`, or an XML element's `>`.
 */
const OPERATOR = String.raw`(?:["'\`]?\]?${TYPE}\s*(:::=|::=|:=|\?=|\.=|\+=|=>|=(?!=)|:(?![:/]))|(["']\s*,|["']\s+value\s*=)|(?:\s[^<>]{0,200})?(>))`;
/** The value: quoted (one quote kind, no whitespace) or bare, after an optional auth scheme. */
const SCHEME = String.raw`(?:(?:bearer|basic|token)\s+)?`;
const VALUE = String.raw`\s*(?:(["'\`])${SCHEME}([^"'\`\s\\]{10,300})\4|${SCHEME}([^\s"'\`<>;,&(){}[\]\\|]{10,300})(.?))`;
/** What follows a name, read where the name ends (sticky). */
const ASSIGNED = new RegExp(`${OPERATOR}${VALUE}`, 'iy');

/** True for the characters a name is made of: letters, digits, `_`, `.` and `-`. */
function nameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/** What follows the keyword in a name that says the value is not a secret (`token_url`, `keyId`). */
const NOT_SECRET_SUFFIX = new Set(
  (
    'id ids name names url urls uri path file filename dir type length len size header field format env var ref ' +
    'hash sha sha1 sha256 digest checksum count ttl expiry expires expiresat expiration version endpoint prefix ' +
    'regex pattern mode enabled label location policy provider store storename izer izers ize ized ization ary or ' +
    'ors ority word words board index column algorithm alg integrity commit'
  ).split(' '),
);
/** Words anywhere in a name that say the value is derived or public data, not a credential. */
const NOT_SECRET_WORD =
  /^(?:cache|hash|hashed|checksum|digest|sha\d*|md5|integrity|commit|etag|fingerprint|thumbprint)$/;
const LAST_KEYWORD = new RegExp(KEYWORD, 'gi');

/** What may follow a bare value: the end of the line, space, or punctuation that ends a value. */
const BARE_END = /^(?:|[\s;,'"`)}\]#&|])$/;

/**
 * Every assignment of a secret-looking value to a secret-sounding name in one line. Only names
 * around a keyword are read: each is the run of name characters holding it (at most 40 either
 * side of a keyword), and what follows it is matched once, where it ends.
 */
export function findGenericSecrets(line: string): GenericMatch[] {
  const out: GenericMatch[] = [];
  KEYWORDS.lastIndex = 0;
  for (let k = KEYWORDS.exec(line); k; k = KEYWORDS.exec(line)) {
    let nameStart = k.index;
    while (nameStart > 0 && nameChar(line.charCodeAt(nameStart - 1))) nameStart--;
    let runEnd = k.index + k[0].length;
    while (runEnd < line.length && nameChar(line.charCodeAt(runEnd))) runEnd++;
    // The next keyword is looked for in a later name.
    KEYWORDS.lastIndex = runEnd;
    const lt =
      nameStart > 0 && line[nameStart - 1] === '<' && (nameStart < 2 || !nameChar(line.charCodeAt(nameStart - 2)));
    // `$token.= "…"`: a name may end before the `.` of PHP's `.=`.
    for (const nameEnd of line[runEnd - 1] === '.' ? [runEnd, runEnd - 1] : [runEnd]) {
      if (!keywordWithin(line, nameStart, nameEnd)) continue;
      ASSIGNED.lastIndex = nameEnd;
      const m = ASSIGNED.exec(line);
      if (!m) continue;
      const [rest, , fn, xml, , quoted, bare, after] = m;
      const name = line.slice(nameStart, nameEnd);
      const secret = quoted ?? bare!;
      if (xml && (!lt || after !== '<')) break;
      if (fn?.endsWith(',') && !/\(\s*["']$/.test(line.slice(0, nameStart))) break; // `f("name", value)` only in a call
      if (bare !== undefined && !xml && !BARE_END.test(after!)) break; // `token: getToken()`, `key[i]`
      // `<add key="SERVICE_API_KEY" value="…">`: the key attribute holds a name, not the secret.
      if (/^\s+value\s*=/i.test(line.slice(nameEnd + rest.length))) break;
      if (!nameHoldsSecret(name) || !looksLikeSecret(secret)) break;
      out.push({ index: nameEnd + rest.lastIndexOf(secret), name, secret });
      break;
    }
  }
  return out;
}

/** True when a keyword in line[start, end) has at most NAME_SIDE name characters before and after it. */
function keywordWithin(line: string, start: number, end: number): boolean {
  const text = line.slice(start, end);
  IN_NAME.lastIndex = 0;
  for (let m = IN_NAME.exec(text); m; m = IN_NAME.exec(text)) {
    if (m.index > NAME_SIDE) return false;
    if (text.length - m.index - m[0].length <= NAME_SIDE) return true;
    IN_NAME.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * False for names that say what the value is about rather than hold it: the keyword followed by
 * such a word (`TOKEN_URL`, `keyId`), a name ending in one (`AUTH_REQUEST_ID`), or a name about
 * derived data (`AUTH_CACHE_KEY`, `SECRET_CHECKSUM`).
 */
function nameHoldsSecret(name: string): boolean {
  let rest = '';
  LAST_KEYWORD.lastIndex = 0;
  for (let m = LAST_KEYWORD.exec(name); m; m = LAST_KEYWORD.exec(name)) rest = name.slice(m.index + m[0].length);
  const restWords = words(rest);
  if (NOT_SECRET_SUFFIX.has(restWords.join('')) || NOT_SECRET_SUFFIX.has(restWords[0] ?? '')) return false;
  const all = words(name);
  return !NOT_SECRET_SUFFIX.has(all[all.length - 1] ?? '') && !all.some((w) => NOT_SECRET_WORD.test(w));
}

/** The lower-case words of a name: `AUTH_REQUEST_ID` and `authRequestId` both give auth, request, id. */
function words(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** The alphabet a value is drawn from, as its size. */
function alphabetSize(value: string): number {
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 16;
  if (/^[A-Z2-7]+=*$/.test(value)) return 32;
  if (/^[a-z]+$/.test(value) || /^[A-Z]+$/.test(value)) return 26;
  if (/^[A-Za-z]+$/.test(value)) return 52;
  if (/^[A-Za-z0-9]+$/.test(value)) return 62;
  if (/^[A-Za-z0-9_-]+$/.test(value) || /^[A-Za-z0-9+/]+=*$/.test(value)) return 64;
  return 94;
}

const expected = new Map<string, number>();

/**
 * The Shannon entropy a random string of this length over an alphabet of this size has on
 * average: log2(size) for long strings, less for short ones (a 16-character string cannot
 * exceed 4 bits). Estimated once per length and size from deterministic samples.
 */
function randomEntropy(length: number, size: number): number {
  const n = Math.min(length, 256);
  const key = `${n}/${size}`;
  let h = expected.get(key);
  if (h === undefined) {
    let x = 0x9e3779b9;
    let sum = 0;
    const trials = 64;
    for (let t = 0; t < trials; t++) {
      let s = '';
      for (let i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        s += String.fromCharCode(0x100 + ((x >>> 0) % size));
      }
      sum += shannonEntropy(s);
    }
    h = sum / trials;
    expected.set(key, h);
  }
  return h;
}

/** How random a value must look: this fraction of a random string's entropy over its own alphabet. */
const ENTROPY_FRACTION = 0.85;
/** Letters-only values count only when at least this long (shorter ones are words). */
const LETTERS_ONLY_MIN = 20;

/** True when the value reads like a code identifier made of words (`whitespace_tokenizer_v2`). */
function wordy(value: string): boolean {
  const parts = value
    .split(/[-_.]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/)
    .filter((p) => p !== '');
  if (parts.length < 2 && !/^[a-z]+$/i.test(value)) return false;
  const separated = /[-_.]/.test(value);
  // Words have vowels and no long consonant clusters; random runs (`lddpo`, `bhsl`) do not.
  const word = (p: string): boolean => (p.length < 4 || /[aeiouy]/i.test(p)) && !/[b-df-hj-np-tv-xz]{4}/i.test(p);
  const wordLike = parts.every(
    (p) =>
      /^\d+$/.test(p) ||
      (/^(?:[A-Z]?[a-z]{1,15}|[A-Z]{2,5}|[a-z])$/.test(p) && word(p)) ||
      (separated && /^[A-Z]{6,15}$/.test(p) && word(p)),
  );
  // Identifiers seldom hold more than two groups of digits; random alphanumerics do.
  if (parts.filter((p) => /^\d+$/.test(p)).length > 2) return false;
  // Half the letters must sit in words of 3 or more: hex and base32 break into 1- and 2-letter runs.
  const letters = value.replace(/[^A-Za-z]/g, '').length;
  const inWords = parts
    .filter((p) => /^[A-Za-z]{3,}$/.test(p) && /[aeiouy]/i.test(p))
    .reduce((n, p) => n + p.length, 0);
  return wordLike && inWords >= 0.5 * letters;
}

/** True for a value that reads like a credential rather than a reference, word or path. */
export function looksLikeSecret(value: string): boolean {
  if (/^[$%{<@#&*]|\$\{|\{\{|%\(|#\{/.test(value)) return false; // variables and templates
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return false;
  // Code, not a value: `!flag`, `a?.b`, `this.#x`, `f(x)`, comments, URLs.
  if (/^[!?]|\?\.|\.#|\/\*|\/\/|\w\(|^(?:this|self|super)\./.test(value)) return false;
  if (
    /^[A-Za-z_$#][\w$#]*(?:\.[A-Za-z_$#][\w$#]*)+[!?]?$/.test(value) &&
    value.split('.').every((p) => p.length < 16 || wordy(p))
  )
    return false; // a property path: a.b.c
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return false; // an environment variable's name
  if (!/[A-Za-z]/.test(value)) return false;
  if (/^sha(?:1|256|384|512)-[A-Za-z0-9+/]+=*$/.test(value)) return false; // subresource integrity
  if (/^[a-z]+\/[a-z0-9.+-]+$/.test(value)) return false; // a media type: application/json
  const size = alphabetSize(value);
  if (size !== 16 && size !== 32 && wordy(value)) return false;
  // The whole value, or its longest random-looking run (the body after `live_`, between dashes
  // or dots), measured against its own alphabet.
  const runs: string[] = value.match(/[A-Za-z0-9]{16,}/g) ?? [];
  if (/^[0-9a-f]+(?:-[0-9a-f]+)+$/i.test(value)) runs.push(value.replace(/-/g, '')); // UUIDs, hex groups
  return [value, ...runs].some(random);
}

/** True when a value's entropy is near a random string's over the same alphabet. */
function random(value: string): boolean {
  if (/^[A-Za-z]+$/.test(value) && value.length < LETTERS_ONLY_MIN) return false;
  return shannonEntropy(value) >= ENTROPY_FRACTION * randomEntropy(value.length, alphabetSize(value));
}
