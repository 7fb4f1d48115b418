// Bugs the fuzzer found that are not fixed yet. The properties let exactly these problems pass
// (so the rest of each property keeps guarding its input), and inputs.test.ts runs each one's
// value as an `it.failing` case that asserts the right behaviour: once the bug is fixed that case
// fails, and its entry here is to be removed.
/** One open bug: where it shows, a value that shows it, and the problem text it produces. */
export interface KnownBug {
  action: string;
  input: string;
  /** A value that always shows the bug (placeholders allowed). */
  value: string;
  /** Other inputs the bug needs changed from the baseline. */
  others?: Record<string, string>;
  /** Matches the problem verdict.ts reports for it, and nothing else. */
  problem: RegExp;
  /** What is wrong and what is right, for the test's name. */
  what: string;
}

// None open: the 11 build-artifact bugs the fuzzer found first are fixed, and each now has a test of
// its own in packages/artifact/test/fuzz-found.test.ts or actions/build-artifact/test/inputs.test.ts.
export const KNOWN_BUGS: readonly KnownBug[] = [];

/** The known bug a problem is, if it is one. */
export function knownBug(action: string, input: string, problem: string): KnownBug | undefined {
  return KNOWN_BUGS.find((b) => b.action === action && b.input === input && b.problem.test(problem));
}
