import type { SecretRule } from '../rules.js';

/** The fix for a leaked credential: the same for every provider. */
export const ROTATE =
  'Revoke the credential at its provider now (it is in the history even after the line is removed), issue a new one, and load it from a secret store (for example GitHub Actions secrets) instead of the repository.';

type Extra = Partial<Omit<SecretRule<RegExp>, 'id' | 'name' | 'keywords' | 'regex'>>;

/** A rule for a token that carries its own prefix: the prefixes are the keywords. */
export function token(
  id: string,
  name: string,
  keywords: string[],
  regex: RegExp,
  extra: Extra = {},
): SecretRule<RegExp> {
  return { id, name, description: `A ${name}.`, severity: 'high', keywords, regex, fix: ROTATE, ...extra };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How a value follows a provider's name in the layouts people write: `=`, `:`, `:=`, `?=`, `.=`,
 * `=>`, a space; a closing quote or bracket first (`"name": …`, `$c['name'] = …`); a type
 * (`var name string = …`); a call's next argument (`setProperty("name", …)`); .NET's
 * `key="NAME" value=…`; an XML element's `>`.
 */
export const KEYED_SEPARATOR = String.raw`(?:["'\`]?\]?(?:\s{0,3}:\s{0,3}(?:&?str|string|String|text)\b|\s{1,3}(?:string|String)\b)?\s{0,3}(?:::=|:=|\?=|\.=|\+=|=>|[:=]|\s)|["']\s{0,3},|["']\s{1,3}value\s{0,3}=|>)\s{0,3}["'\`]?`;

/**
 * A rule for a value with no prefix of its own, found only when assigned to a name holding
 * the provider's (`DATADOG_API_KEY = "…"`, `twitter.secret: …`). `value` is a regex source
 * without nested quantifiers; it is matched case-insensitively.
 */
export function keyed(
  id: string,
  name: string,
  keywords: string[],
  value: string,
  extra: Extra = {},
): SecretRule<RegExp> {
  const names = keywords.map(escapeRegex).join('|');
  const regex = new RegExp(`(?:${names})[\\w.-]{0,30}?${KEYED_SEPARATOR}(${value})(?![\\w-])`, 'gi');
  return token(id, name, keywords, regex, { description: `A ${name} next to its provider's name.`, ...extra });
}

/** Hex, UUID and base62 value shapes that several providers share. */
export const HEX = (n: number): string => `[a-f0-9]{${n}}`;
export const UUID = '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}';
export const ALNUM = (n: number | string): string => `[a-z0-9]{${n}}`;
