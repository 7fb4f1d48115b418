import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { UserError } from '@slipway/action-kit/lite';
import type { AllowList } from './secrets/engine.js';
import type { SecretRule } from './secrets/rules.js';

interface GitleaksAllow {
  paths?: string[];
  regexes?: string[];
  stopwords?: string[];
}

interface GitleaksRule {
  id?: string;
  description?: string;
  regex?: string;
  secretGroup?: number;
  entropy?: number;
  keywords?: string[];
  path?: string;
  allowlists?: GitleaksAllow[];
  allowlist?: GitleaksAllow;
}

/**
 * Go RE2 syntax to JavaScript: a leading `(?i)` (or `(?i)` anywhere) becomes the `i` flag, `\z`
 * becomes `$`. Other RE2 constructs are the same in both.
 */
export function goRegex(source: string, where: string, extraFlags = ''): RegExp {
  let flags = extraFlags;
  let body = source;
  if (/\(\?i\)/.test(body)) {
    flags += 'i';
    body = body.replace(/\(\?i\)/g, '');
  }
  body = body.replace(/\\z/g, '$').replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(body, flags);
  } catch (err) {
    throw new UserError(`${where}: the regex ${JSON.stringify(source)} is not valid (${(err as Error).message}).`, {
      input: 'config',
    });
  }
}

/**
 * Reads extra secret rules and allow-lists in the gitleaks TOML format (`[[rules]]` with id,
 * regex, secretGroup, entropy, keywords, path and `[[rules.allowlists]]`; a global `[allowlist]`
 * or `[[allowlists]]`), so a team can bring its existing configuration.
 */
export function loadGitleaksConfig(path: string): { rules: SecretRule[]; allow: AllowList } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(
      `'${path}' cannot be read.`,
      { input: 'config' },
      'Give the path of a gitleaks-format TOML file.',
    );
  }
  let doc: { rules?: GitleaksRule[]; allowlist?: GitleaksAllow; allowlists?: GitleaksAllow[] };
  try {
    doc = parse(text) as typeof doc;
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
  const allow: AllowList = { paths: [], regexes: [], stopwords: [] };
  for (const a of [...(doc.allowlist ? [doc.allowlist] : []), ...(doc.allowlists ?? [])]) {
    allow.paths.push(...(a.paths ?? []).map((p) => goRegex(p, `${path} allowlist path`)));
    allow.regexes.push(...(a.regexes ?? []).map((r) => goRegex(r, `${path} allowlist regex`)));
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
      regex: goRegex(r.regex, where, 'g'),
      ...(r.secretGroup !== undefined ? { secretGroup: r.secretGroup } : {}),
      ...(r.entropy !== undefined ? { entropy: r.entropy } : {}),
      ...(r.path ? { path: goRegex(r.path, where) } : {}),
      fix: 'Rotate the credential and remove it from the repository (custom rule from your configuration).',
      allow: allowlists.flatMap((a) => (a.regexes ?? []).map((x) => goRegex(x, where))),
    });
  });
  return { rules, allow };
}
