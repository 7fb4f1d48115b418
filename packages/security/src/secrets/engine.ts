import { createHash } from 'node:crypto';
import { fingerprint, redact } from '../fingerprint.js';
import type { Finding, RuleInfo } from '../types.js';
import { GLOBAL_ALLOW, shannonEntropy, type SecretPattern, type SecretRule } from './rules.js';

/** Allow-lists from configuration: paths never scanned, secrets never reported. */
export interface AllowList {
  paths: SecretPattern[];
  regexes: SecretPattern[];
  stopwords: string[];
}

/** Every non-empty match of a rule's pattern in a line: where it starts, and its groups (0 is the whole match). */
function* matchesOf(
  pattern: SecretPattern,
  text: string,
): Generator<{ index: number; groups: (string | undefined)[] }> {
  if (pattern instanceof RegExp) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      yield { index: m.index, groups: [...m] };
    }
    return;
  }
  for (let from = 0; from <= text.length;) {
    const m = pattern.exec(text, from);
    if (!m) return;
    if (m.end === m.index) {
      from = m.end + 1;
      continue;
    }
    yield { index: m.index, groups: m.groups };
    from = m.end;
  }
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
  private readonly keywordRuleCount: number;

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
    this.keywordRuleCount = rules.filter((r) => r.keywords.some((k) => k !== '')).length;
    // With no keyword at all the pattern must match nothing (an empty alternation matches everywhere).
    this.keywordRe = keywords.size
      ? new RegExp(
          [...keywords]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegex)
            .join('|'),
          'gi',
        )
      : /(?!)/g;
  }

  /** True when configuration says never to scan this path. */
  pathAllowed(path: string): boolean {
    return this.allow.paths.some((re) => re.test(path));
  }

  /**
   * Scans text made of whole lines (the last may be cut when a line is longer than the window);
   * `firstLine` is the 1-based number of its first line. Returns findings for the given file.
   */
  scan(
    text: string,
    file: string,
    firstLine: number,
    scanner: Finding['scanner'] = 'secrets',
    seen?: Set<string>,
  ): Finding[] {
    const out: Finding[] = [];
    let line = firstLine;
    let counted = 0;
    // Keyword hits come in text order: gather the rules of one line, and check the line as soon
    // as the hits move past it. A line with many hits is read once.
    let lineStart = -1;
    let lineEnd = -1;
    let rules = new Set<SecretRule>();
    const flush = (): void => {
      if (lineStart < 0) return;
      for (let i = text.indexOf('\n', counted); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
      counted = lineStart;
      this.checkLine(text.slice(lineStart, lineEnd), rules, file, line, scanner, seen, out);
    };
    const visit = (at: number, hitRules: readonly SecretRule[]): void => {
      if (at >= lineEnd || lineStart < 0) {
        flush();
        lineStart = text.lastIndexOf('\n', at) + 1;
        const nl = text.indexOf('\n', at);
        lineEnd = nl < 0 ? text.length : nl;
        rules = new Set(this.alwaysRules);
      }
      for (const r of hitRules) rules.add(r);
    };
    if (this.alwaysRules.length) {
      for (let at = 0; at < text.length; at = lineEnd + 1) visit(at, []);
    } else {
      this.keywordRe.lastIndex = 0;
      for (let m = this.keywordRe.exec(text); m; m = this.keywordRe.exec(text)) {
        const hitRules = this.rulesByKeyword.get(m[0].toLowerCase());
        if (hitRules) visit(m.index, hitRules);
        // Skip to the end of the line once every keyword rule is already in: nothing left to add.
        if (rules.size === this.keywordRuleCount) this.keywordRe.lastIndex = lineEnd;
      }
    }
    flush();
    return out;
  }

  /** Runs the candidate rules over one line, adding findings (a generic hit yields to a specific one). */
  private checkLine(
    lineText: string,
    candidates: Set<SecretRule>,
    file: string,
    line: number,
    scanner: Finding['scanner'],
    seen: Set<string> | undefined,
    out: Finding[],
  ): void {
    if (candidates.size === 0 || INLINE_ALLOW.test(lineText)) return;
    const onLine: { finding: Finding; secret: string; generic: boolean; key: string }[] = [];
    for (const rule of candidates) {
      if (rule.path && !rule.path.test(file)) continue;
      for (const { index, groups } of matchesOf(rule.regex, lineText)) {
        const whole = groups[0]!;
        const secret =
          (rule.secretGroup !== undefined ? groups[rule.secretGroup] : groups.slice(1).find((g) => g !== undefined)) ??
          whole;
        if (!this.reportable(rule, secret)) continue;
        const print = fingerprint(rule.id, file, createHash('sha256').update(secret).digest('hex'));
        const key = `${print}:${line}`;
        if (seen?.has(key)) continue;
        const column = index + 1 + Math.max(0, whole.indexOf(secret));
        onLine.push({
          finding: {
            scanner,
            rule: this.infos.get(rule.id)!,
            severity: rule.severity,
            message: `${rule.name}: ${redact(secret)}`,
            file,
            line,
            column,
            fingerprint: print,
          },
          secret,
          generic: rule.id === 'generic-secret',
          key,
        });
      }
    }
    for (const hit of onLine) {
      if (
        hit.generic &&
        onLine.some((o) => !o.generic && (o.secret.includes(hit.secret) || hit.secret.includes(o.secret)))
      )
        continue;
      seen?.add(hit.key);
      out.push(hit.finding);
    }
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
