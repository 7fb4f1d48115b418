/** Where a user-fixable problem lives: an action input, or a file (with an optional line). */
export interface ErrorSubject {
  input?: string;
  file?: string;
  line?: number;
}

/**
 * A problem the user can fix: bad input, a missing file, an unreachable target they named.
 * Reported as one clear line, never with a stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly subject: ErrorSubject;
  readonly hint: string | undefined;

  constructor(message: string, subject: ErrorSubject = {}, hint?: string) {
    super(message);
    this.subject = subject;
    this.hint = hint;
  }

  /** The message with the input or file it concerns and what to do, as shown to the user. */
  describe(): string {
    const where = this.subject.input
      ? `input '${this.subject.input}': `
      : this.subject.file
        ? `${this.subject.file}${this.subject.line ? `:${this.subject.line}` : ''}: `
        : '';
    return `${where}${this.message}${this.hint ? ` ${this.hint}` : ''}`;
  }
}

/** True for a UserError, including one from another copy of this module (bundles can hold two). */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError || (err instanceof Error && err.name === 'UserError' && 'describe' in err);
}

/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
