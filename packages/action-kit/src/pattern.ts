// Its own entry point (`@slipway/action-kit/pattern`), so that only the actions that take user
// patterns load the RE2 engine (a quarter of a megabyte of JavaScript) at start-up.
import { RE2JS } from 're2js';
import { UserError, type ErrorSubject } from './errors.js';

/** One match of a user pattern: where it starts and ends, and its groups (index 0 is the whole match). */
export interface PatternMatch {
  index: number;
  end: number;
  groups: (string | undefined)[];
}

/** A pattern the user wrote, run by a linear-time engine (RE2), so no input can make it backtrack for ever. */
export interface UserPattern {
  readonly source: string;
  test(text: string): boolean;
  /** The first match at or after `from` (default 0), or null. */
  exec(text: string, from?: number): PatternMatch | null;
}

/** Options for a user pattern. */
export interface UserPatternOptions {
  /** The input or file the pattern came from, named in the error when it does not compile. */
  subject: ErrorSubject;
  caseInsensitive?: boolean;
  multiline?: boolean;
  dotAll?: boolean;
}

/**
 * Compiles a regular expression from user input (gitleaks rules, expect-body) with RE2's syntax
 * and linear-time matching, as gitleaks does with Go's regexp. Lookarounds and backreferences,
 * which need backtracking, are refused with a UserError naming the subject.
 */
export function compileUserPattern(source: string, options: UserPatternOptions): UserPattern {
  // RE2 reads inline flags such as (?i) itself.
  let flags = 0;
  if (options.caseInsensitive) flags |= RE2JS.CASE_INSENSITIVE;
  if (options.multiline) flags |= RE2JS.MULTILINE;
  if (options.dotAll) flags |= RE2JS.DOTALL;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, flags);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new UserError(
      `the regular expression ${JSON.stringify(source)} is not valid RE2 syntax (${why}).`,
      options.subject,
      'Patterns run on a linear-time engine: lookarounds and backreferences are not supported.',
    );
  }
  return {
    source,
    test: (text) => re.matcher(text).find(),
    exec(text, from = 0) {
      const m = re.matcher(text);
      if (!m.find(from)) return null;
      const groups: (string | undefined)[] = [];
      for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined);
      return { index: m.start(), end: m.end(), groups };
    },
  };
}
