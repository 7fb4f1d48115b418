// Bugs the fuzzer found that are not fixed yet. The properties let exactly these problems pass
// (so the rest of each property keeps guarding its input), and inputs.test.ts runs each one's
// value as an `it.failing` case that asserts the right behaviour: once the bug is fixed that case
// fails, and its entry here is to be removed.
import { JAIL } from './arbitraries.js';

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

/** A glob too long for picomatch: over 65,536 characters it refuses it, from ~32,000 its regular expression is too large. */
const GLOB_TOO_LONG =
  /^internal error: SyntaxError: (Input length: \d+, exceeds maximum allowed length|Invalid regular expression)/;

/** An artifact file name past the file system's 255 bytes. */
const NAME_TOO_LONG = /^internal error: Error: ENAMETOOLONG: name too long/;

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    action: 'build-artifact',
    input: 'command',
    value: 'x'.repeat(140_000),
    problem: /^internal error: Error: spawn E2BIG/,
    what: 'a command over 128 KiB fails as an internal error (spawn E2BIG) instead of a user error naming command',
  },
  {
    action: 'build-artifact',
    input: 'include',
    value: 'x'.repeat(70_000),
    problem: GLOB_TOO_LONG,
    what: 'a glob picomatch refuses as too long fails as an internal error instead of a user error naming include',
  },
  {
    action: 'build-artifact',
    input: 'exclude',
    value: 'x'.repeat(40_000),
    problem: GLOB_TOO_LONG,
    what: 'a glob whose regular expression is too large fails as an internal error instead of a user error naming exclude',
  },
  {
    action: 'build-artifact',
    input: 'name',
    value: 'x'.repeat(300),
    problem: NAME_TOO_LONG,
    what: 'a name too long for a file name fails as an internal error (ENAMETOOLONG) instead of a user error naming name',
  },
  {
    action: 'build-artifact',
    input: 'version',
    value: 'x'.repeat(300),
    problem: NAME_TOO_LONG,
    what: 'a version too long for a file name fails as an internal error (ENAMETOOLONG) instead of a user error naming version',
  },
  {
    action: 'build-artifact',
    input: 'command',
    value: 'a\0b',
    problem:
      /^internal error: TypeError \[ERR_INVALID_ARG_VALUE\]: The argument 'args\[1\]' must be a string without null bytes/,
    what: 'a command holding a NUL byte fails as an internal error instead of a user error naming command',
  },
  {
    action: 'build-artifact',
    input: 'name',
    value: 'a\0b',
    problem: /^internal error: TypeError \[ERR_INVALID_ARG_VALUE\]: The argument 'path' must be .* without null bytes/,
    what: 'a name holding a NUL byte fails as an internal error instead of a user error naming name',
  },
  {
    action: 'build-artifact',
    input: 'stack',
    value: JSON.stringify({
      schemaVersion: 1,
      projects: [{ path: '.', runtime: { name: 'static' }, commands: {} }],
    }),
    // Any TypeError: the check lets through documents whose fields are missing or of the wrong type.
    problem: /^internal error: TypeError: (?!\[ERR_INVALID_ARG_VALUE\])/,
    what: 'a stack document that passes the stack check but lacks a field or has one of the wrong type (a project without name; primary 1.5) fails as an internal TypeError (project.name.replace, wanted.replace is not a function) instead of a user error naming stack',
  },
  {
    action: 'build-artifact',
    input: 'stack',
    value: JSON.stringify({
      schemaVersion: 1,
      primary: '.',
      projects: [{ path: '.', name: 'ws', runtime: { name: 'static' }, commands: { build: 'a\0b' } }],
    }),
    others: { command: '' },
    problem:
      /^internal error: TypeError \[ERR_INVALID_ARG_VALUE\]: The argument 'args\[1\]' must be a string without null bytes/,
    what: 'a stack document whose build command holds a NUL (\\u0000 in its JSON) fails as an internal error instead of a user error naming stack',
  },
  {
    action: 'build-artifact',
    input: 'exclude',
    value: '*',
    problem:
      /^a user's error that does not name input 'exclude' \(it names 'include'\): input 'include': include \(.*\) matched no files/,
    what: "an exclude that leaves out every included file is blamed on 'include', and the message never mentions exclude",
  },
  {
    action: 'build-artifact',
    input: 'path',
    value: `${JAIL}`,
    problem: /^a user's error that does not name input 'path' \(it names no input\): \S+ is not a git repository/,
    what: "a path to a folder outside any git repository fails with an error that names no input (git's, about the folder)",
  },
];

/** The known bug a problem is, if it is one. */
export function knownBug(action: string, input: string, problem: string): KnownBug | undefined {
  return KNOWN_BUGS.find((b) => b.action === action && b.input === input && b.problem.test(problem));
}
