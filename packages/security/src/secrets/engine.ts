import { createHash } from 'node:crypto';
import { fingerprint, redact } from '../fingerprint.js';
import type { Finding, RuleInfo } from '../types.js';
import { GLOBAL_ALLOW, shannonEntropy, type SecretRule } from './rules.js';

/** Allow-lists from configuration: paths never scanned, secrets never reported. */
export interface AllowList {
  paths: RegExp[];
  regexes: RegExp[];
  stopwords: string[];
}

const INLINE_ALLOW = /slipway:allow|gitleaks:allow/;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Converts a rule to the SARIF rule description. */
export function ruleInfo(rule: SecretRule): RuleInfo {
  return {
    id: `secret/${rule.id}`,
    name: rule.name,
    description: rule.description,
    help: `**${rule.name}** found. ${rule.fix}\n\nIf it is not a secret, add \`slipway:allow\` to the line, or list it in the baseline.`,
    severity: rule.severity,
  };
}

/**
 * Runs secret rules over text. All keywords are found in one pass of one case-insensitive
 * regex; a rule's own regex runs only on the lines where one of its keywords occurs, which is
 * where most of the speed comes from (as in gitleaks and trufflehog).
 */
export class SecretEngine {
  private readonly keywordRe: RegExp;
  private readonly rulesByKeyword = new Map<string, SecretRule[]>();
  private readonly infos = new Map<string, RuleInfo>();
  /** Rules without keywords (from configuration): they run on every line. */
  private readonly alwaysRules: SecretRule[] = [];

  constructor(
    private readonly rules: readonly SecretRule[],
    private readonly allow: AllowList = { paths: [], regexes: [], stopwords: [] },
  ) {
    const keywords = new Set<string>();
    for (const rule of rules) {
      if (rule.keywords.every((k) => k === '')) this.alwaysRules.push(rule);
      for (const kw of rule.keywords) {
        if (kw === '') continue;
        const k = kw.toLowerCase();
        keywords.add(k);
        const list = this.rulesByKeyword.get(k) ?? [];
        list.push(rule);
        this.rulesByKeyword.set(k, list);
      }
      this.infos.set(rule.id, ruleInfo(rule));
    }
    this.keywordRe = new RegExp(
      [...keywords]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegex)
        .join('|'),
      'gi',
    );
  }

  /** True when configuration says never to scan this path. */
  pathAllowed(path: string): boolean {
    return this.allow.paths.some((re) => re.test(path));
  }

  /**
   * Scans text made of whole lines (the last may be cut when a line is longer than the window);
   * `firstLine` is the 1-based number of its first line. Returns findings for the given file.
   */
  scan(text: string, file: string, firstLine: number, scanner: Finding['scanner'] = 'secrets', seen?: Set<string>): Finding[] {
    const candidates = new Map<number, Set<SecretRule>>();
    this.keywordRe.lastIndex = 0;
    for (let m = this.keywordRe.exec(text); m; m = this.keywordRe.exec(text)) {
      const start = text.lastIndexOf('\n', m.index) + 1;
      const rules = this.rulesByKeyword.get(m[0].toLowerCase());
      if (!rules) continue;
      const set = candidates.get(start) ?? new Set<SecretRule>();
      for (const r of rules) set.add(r);
      candidates.set(start, set);
    }
    if (this.alwaysRules.length) {
      for (let start = 0; start <= text.length; start = text.indexOf('\n', start) + 1) {
        const set = candidates.get(start) ?? new Set<SecretRule>();
        for (const r of this.alwaysRules) set.add(r);
        candidates.set(start, set);
        if (text.indexOf('\n', start) < 0) break;
      }
    }
    if (candidates.size === 0) return [];
    const out: Finding[] = [];
    let line = firstLine;
    let counted = 0;
    for (const start of [...candidates.keys()].sort((a, b) => a - b)) {
      for (let i = text.indexOf('\n', counted); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
      counted = start;
      const end = text.indexOf('\n', start);
      const lineText = text.slice(start, end < 0 ? text.length : end);
      if (INLINE_ALLOW.test(lineText)) continue;
      const onLine: { finding: Finding; secret: string; generic: boolean; key: string }[] = [];
      for (const rule of candidates.get(start)!) {
        if (rule.path && !rule.path.test(file)) continue;
        rule.regex.lastIndex = 0;
        for (let m = rule.regex.exec(lineText); m; m = rule.regex.exec(lineText)) {
          if (m[0] === '') {
            rule.regex.lastIndex++;
            continue;
          }
          const secret = (rule.secretGroup !== undefined ? m[rule.secretGroup] : m.slice(1).find((g) => g !== undefined)) ?? m[0];
          if (!this.reportable(rule, secret)) continue;
          const print = fingerprint(rule.id, file, createHash('sha256').update(secret).digest('hex'));
          const key = `${print}:${line}`;
          if (seen?.has(key)) continue;
          const info = this.infos.get(rule.id)!;
          const column = m.index + 1 + Math.max(0, m[0].indexOf(secret));
          onLine.push({
            finding: { scanner, rule: info, severity: rule.severity, message: `${rule.name}: ${redact(secret)}`, file, line, column, fingerprint: print },
            secret,
            generic: rule.id === 'generic-secret',
            key,
          });
        }
      }
      // A secret a specific rule names is not also reported by the generic rule.
      for (const hit of onLine) {
        if (hit.generic && onLine.some((o) => !o.generic && (o.secret.includes(hit.secret) || hit.secret.includes(o.secret)))) continue;
        seen?.add(hit.key);
        out.push(hit.finding);
      }
    }
    return out;
  }

  private reportable(rule: SecretRule, secret: string): boolean {
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
    if (rule.id === 'generic-secret' && !(/[0-9]/.test(secret) && /[A-Za-z]/.test(secret))) return false;
    if (rule.id === 'generic-secret' && /^[0-9a-f-]+$/i.test(secret)) return false; // hashes and UUIDs
    if (GLOBAL_ALLOW.some((re) => re.test(secret))) return false;
    if (rule.allow?.some((re) => re.test(secret))) return false;
    if (this.allow.regexes.some((re) => re.test(secret))) return false;
    const lower = secret.toLowerCase();
    return !this.allow.stopwords.some((w) => lower.includes(w));
  }
}
