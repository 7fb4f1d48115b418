// Asymmetric matchers shared by the tests, for what Jest's own matchers cannot say in one line.
import { expect } from '@jest/globals';
import { isUserError } from '@slipway/action-kit/lite';

/** What Jest needs of an asymmetric matcher (the `$$typeof` marks it as one). */
export interface Matcher {
  $$typeof: symbol;
  asymmetricMatch(received: unknown): boolean;
  toString(): string;
  toAsymmetricMatcher(): string;
}

function matcher(description: string, test: (received: unknown) => boolean): Matcher {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: test,
    toString: () => description,
    toAsymmetricMatcher: () => description,
  };
}

/**
 * A UserError that names `input`, and whose message as shown to the user (`describe()`) matches
 * `message`. Use with `toThrow` and `rejects.toThrow`.
 */
export function userError(input: string, message?: RegExp): Matcher {
  return matcher(`UserError(input '${input}'${message ? `, ${message}` : ''})`, (e) => {
    if (!isUserError(e) || e.subject.input !== input) return false;
    return message === undefined || message.test(e.describe());
  });
}

/** An error that is not a UserError (an internal one) whose message matches `message`. */
export function internalError(message: RegExp): Matcher {
  return matcher(`internal Error(${message})`, (e) => e instanceof Error && !isUserError(e) && message.test(e.message));
}

/** Asserts that `value` is an instance of `cls` and returns it as one (Jest's matchers do not narrow types). */
export function instanceOf<T>(value: unknown, cls: abstract new (...args: never[]) => T): T {
  expect(value).toBeInstanceOf(cls);
  return value as T;
}

/** Asserts that `value` is neither undefined nor null and returns it (Jest's matchers do not narrow types). */
export function present<T>(value: T | null | undefined): T {
  expect(value).toBeDefined();
  expect(value).not.toBeNull();
  return value as T;
}
