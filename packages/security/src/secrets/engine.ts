import { createHash } from 'node:crypto';
import { fingerprint, redact } from '../fingerprint.js';
import type { Finding, RuleInfo } from '../types.js';
import { findGenericSecrets, GENERIC_RULE_ID } from './generic.js';
import { isPlaceholder, publishedGoogleKey, type MatchContext } from './placeholders.js';
import { KeywordPrefilter } from './prefilter.js';
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

/** A rule's matches in a line; the generic rule reads assignments with its own parser. */
function ruleMatches(rule: SecretRule, text: string): Iterable<{ index: number; groups: (string | undefined)[] }> {
  if (rule.id !== GENERIC_RULE_ID) return matchesOf(rule.regex, text);
  return findGenericSecrets(text).map((m) => ({ index: m.index, groups: [m.secret, m.secret] }));
}

const INLINE_ALLOW = /slipway:allow|gitleaks:allow/;

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
 * Runs secret rules over text. One pass of a keyword automaton over the text finds, per line, the
 * rules whose keywords occur there (however many rules there are); a rule's own matcher runs only
 * on those lines, which is where most of the speed comes from (as in gitleaks and trufflehog).
 */
export class SecretEngine {
  private readonly prefilter: KeywordPrefilter;
  private readonly infos = new Map<string, RuleInfo>();
  /** Rules without keywords (from configuration): they run on every line. */
  private readonly alwaysRules: number[] = [];

  constructor(
    private readonly rules: readonly SecretRule[],
    private readonly allow: AllowList = { paths: [], regexes: [], stopwords: [] },
  ) {
    rules.forEach((rule, i) => {
      if (rule.keywords.every((k) => k === '')) this.alwaysRules.push(i);
      this.infos.set(rule.id, ruleInfo(rule));
    });
    this.prefilter = new KeywordPrefilter(rules.map((r) => r.keywords));
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
    const check = (start: number, end: number, index: number, hits: readonly number[]): void =>
      this.checkLine(text, start, end, hits, file, firstLine + index, scanner, seen, out);
    if (this.alwaysRules.length === 0) {
      for (const { start, end, index, hits } of this.prefilter.lines(text)) check(start, end, index, hits);
      return out;
    }
    // Some rules run on every line: merge them into each line's keyword hits.
    const keywordLines = this.prefilter.lines(text)[Symbol.iterator]();
    let next = keywordLines.next();
    for (let start = 0, index = 0; start <= text.length; index++) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      let hits: readonly number[] = this.alwaysRules;
      if (!next.done && next.value.index === index) {
        hits = [...new Set([...next.value.hits, ...this.alwaysRules])].sort((a, b) => a - b);
        next = keywordLines.next();
      }
      if (end > start) check(start, end, index, hits);
      if (nl < 0) break;
      start = nl + 1;
    }
    return out;
  }

  /** Runs the candidate rules over one line, adding findings (a generic hit yields to a specific one). */
  private checkLine(
    text: string,
    lineStart: number,
    lineEnd: number,
    candidates: readonly number[],
    file: string,
    line: number,
    scanner: Finding['scanner'],
    seen: Set<string> | undefined,
    out: Finding[],
  ): void {
    const lineText = text.slice(lineStart, lineEnd);
    if (candidates.length === 0 || INLINE_ALLOW.test(lineText)) return;
    const onLine: { finding: Finding; secret: string; generic: boolean; key: string }[] = [];
    // Values a specific rule matched but its documented check (a checksum) refused: look-alikes,
    // which the generic rule must not report either.
    const lookAlikes: string[] = [];
    for (const r of candidates) {
      const rule = this.rules[r]!;
      if (rule.path && !rule.path.test(file)) continue;
      for (const { index, groups } of ruleMatches(rule, lineText)) {
        const whole = groups[0]!;
        const secret =
          (rule.secretGroup !== undefined ? groups[rule.secretGroup] : groups.slice(1).find((g) => g !== undefined)) ??
          whole;
        if (rule.verify && !rule.verify(secret)) {
          lookAlikes.push(secret);
          continue;
        }
        const offset = Math.max(0, whole.indexOf(secret));
        const ctx: MatchContext = { text, at: lineStart + index + offset, lineStart, lineEnd };
        if (!this.reportable(rule, secret) || isPlaceholder(secret, ctx, rule.namedPublic)) continue;
        const print = fingerprint(rule.id, file, createHash('sha256').update(secret).digest('hex'));
        const key = `${print}:${line}`;
        if (seen?.has(key)) continue;
        // Google publishes some of its API keys in web pages by design: still worth a look, not an alarm.
        const note = rule.id === 'google-api-key' ? publishedGoogleKey(ctx) : undefined;
        onLine.push({
          finding: {
            scanner,
            rule: this.infos.get(rule.id)!,
            severity: note ? 'low' : rule.severity,
            message: `${rule.name}: ${redact(secret)}${note ? ` (${note})` : ''}`,
            file,
            line,
            column: index + 1 + offset,
            fingerprint: print,
          },
          secret,
          generic: rule.id === GENERIC_RULE_ID,
          key,
        });
      }
    }
    const overlaps = (a: string, b: string): boolean => a.includes(b) || b.includes(a);
    for (const hit of onLine) {
      if (
        hit.generic &&
        (onLine.some((o) => !o.generic && overlaps(o.secret, hit.secret)) ||
          lookAlikes.some((s) => overlaps(s, hit.secret)))
      )
        continue;
      seen?.add(hit.key);
      out.push(hit.finding);
    }
  }

  private reportable(rule: SecretRule, secret: string): boolean {
    // The generic rule measures entropy against each value's own alphabet (in generic.ts).
    if (rule.entropy !== undefined && rule.id !== GENERIC_RULE_ID && shannonEntropy(secret) < rule.entropy)
      return false;
    if (GLOBAL_ALLOW.some((re) => re.test(secret))) return false;
    if (rule.allow?.some((re) => re.test(secret))) return false;
    if (this.allow.regexes.some((re) => re.test(secret))) return false;
    const lower = secret.toLowerCase();
    return !this.allow.stopwords.some((w) => lower.includes(w));
  }
}
