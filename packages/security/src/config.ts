import { parse } from 'smol-toml';
import * as v from 'valibot';
import { isUserError, readUserFile, UserError } from '@slipway/action-kit/lite';
import { compileUserPattern, type UserPattern } from '@slipway/action-kit/pattern';
import type { AllowList } from './secrets/engine.js';
import type { SecretRule } from './secrets/rules.js';
import { check } from './validate.js';

/** A gitleaks configuration is a page of rules; a megabyte is far more than any real one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const allowSchema = v.object({
  paths: v.optional(v.array(v.string())),
  regexes: v.optional(v.array(v.string())),
  stopwords: v.optional(v.array(v.string())),
});

const ruleSchema = v.object({
  id: v.optional(v.string()),
  description: v.optional(v.string()),
  regex: v.optional(v.string()),
  secretGroup: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  entropy: v.optional(v.pipe(v.number(), v.minValue(0))),
  keywords: v.optional(v.array(v.string())),
  path: v.optional(v.string()),
  allowlists: v.optional(v.array(allowSchema)),
  allowlist: v.optional(allowSchema),
});

/** The parts of the gitleaks format slipway reads; other keys (title, tags, extend) are left alone. */
const configSchema = v.object({
  rules: v.optional(v.array(ruleSchema)),
  allowlist: v.optional(allowSchema),
  allowlists: v.optional(v.array(allowSchema)),
});

/**
 * A user's pattern on the linear-time engine (RE2, as gitleaks itself uses), so no rule can make
 * the scan backtrack for ever. RE2 reads Go's `(?i)`, `\z` and `(?P<name>…)` as they are.
 */
function pattern(source: string, where: string): UserPattern {
  try {
    return compileUserPattern(source, { subject: { input: 'config' } });
  } catch (err) {
    if (!isUserError(err)) throw err;
    const why = err.message.split(' is not valid RE2 syntax ')[1] ?? '';
    throw new UserError(
      `${where}: the regex ${JSON.stringify(source)} is not valid RE2 syntax ${why}`.trimEnd(),
      { input: 'config' },
      err.hint,
    );
  }
}

/** `rules.2.keywords` as the user would look for it: `rules[2] (acme-key).keywords`. */
function placeOf(problem: string, doc: unknown): string {
  return problem.replace(/^rules\.(\d+)/, (_m, i: string) => {
    const id = (doc as { rules?: { id?: unknown }[] }).rules?.[Number(i)]?.id;
    return `rules[${i}]${typeof id === 'string' ? ` (${id})` : ''}`;
  });
}

/**
 * Reads extra secret rules and allow-lists in the gitleaks TOML format (`[[rules]]` with id,
 * regex, secretGroup, entropy, keywords, path and `[[rules.allowlists]]`; a global `[allowlist]`
 * or `[[allowlists]]`), so a team can bring its existing configuration.
 */
export function loadGitleaksConfig(path: string): { rules: SecretRule[]; allow: AllowList } {
  const text = readUserFile(path, {
    maxBytes: MAX_CONFIG_BYTES,
    subject: { input: 'config' },
    what: 'the gitleaks configuration',
  }).toString('utf8');
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    const e = err as { line?: number; column?: number; message: string };
    throw new UserError(
      `is not valid TOML at line ${e.line ?? '?'}, column ${e.column ?? '?'}: ${e.message.split('\n')[0]}.`,
      {
        input: 'config',
        file: path,
        ...(e.line ? { line: e.line } : {}),
      },
    );
  }
  const checked = check(configSchema, raw);
  if (!checked.ok)
    throw new UserError(
      `${path} is not a gitleaks configuration slipway can use: ${placeOf(checked.problem, raw)}.`,
      { input: 'config', file: path },
      'See https://github.com/gitleaks/gitleaks#configuration for the format.',
    );
  const doc = checked.value;
  const allow: AllowList = { paths: [], regexes: [], stopwords: [] };
  for (const a of [...(doc.allowlist ? [doc.allowlist] : []), ...(doc.allowlists ?? [])]) {
    allow.paths.push(...(a.paths ?? []).map((p) => pattern(p, `${path} allowlist path`)));
    allow.regexes.push(...(a.regexes ?? []).map((r) => pattern(r, `${path} allowlist regex`)));
    allow.stopwords.push(...(a.stopwords ?? []).map((w) => w.toLowerCase()));
  }
  const rules: SecretRule[] = [];
  (doc.rules ?? []).forEach((r, i) => {
    const where = `${path} rules[${i}]${r.id ? ` (${r.id})` : ''}`;
    if (!r.id || !r.regex) throw new UserError(`${where} needs an id and a regex.`, { input: 'config' });
    const keywords = (r.keywords ?? []).map((k) => k.toLowerCase());
    const allowlists = [...(r.allowlist ? [r.allowlist] : []), ...(r.allowlists ?? [])];
    rules.push({
      id: `custom-${r.id}`,
      name: r.description ?? r.id,
      description: r.description ?? `Custom rule ${r.id}.`,
      severity: 'high',
      // A rule without keywords runs on every line: its empty keyword matches everywhere.
      keywords: keywords.length ? keywords : [''],
      regex: pattern(r.regex, where),
      ...(r.secretGroup !== undefined ? { secretGroup: r.secretGroup } : {}),
      ...(r.entropy !== undefined ? { entropy: r.entropy } : {}),
      ...(r.path ? { path: pattern(r.path, where) } : {}),
      fix: 'Rotate the credential and remove it from the repository (custom rule from your configuration).',
      allow: allowlists.flatMap((a) => (a.regexes ?? []).map((x) => pattern(x, where))),
    });
  });
  return { rules, allow };
}
