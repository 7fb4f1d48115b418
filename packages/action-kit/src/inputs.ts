import { parseDuration } from './duration.js';
import { UserError } from './errors.js';
import { describeJsonError } from './json-errors.js';
import { inputEnvName, type ActionMetadata } from './metadata.js';

const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);

/** Bounds for an integer input. */
export interface IntegerBounds {
  min?: number;
  max?: number;
}

/**
 * Reads action inputs from the runner's INPUT_* variables, with action.yml's defaults when a
 * variable is absent (as on a developer machine). Each getter validates and names the input in
 * its error. Reading an input that action.yml does not declare is a bug, not a user error.
 */
export class InputReader {
  constructor(
    private readonly metadata: ActionMetadata,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Whether action.yml declares this input (shared parsers read only what an action has). */
  declares(name: string): boolean {
    return name in this.metadata.inputs;
  }

  /** The trimmed raw value: the runner's variable, else the declared default, else ''. */
  raw(name: string): string {
    const spec = this.metadata.inputs[name];
    if (!spec) throw new Error(`input '${name}' is not declared in ${this.metadata.name}'s action.yml`);
    const value = this.env[inputEnvName(name)];
    return (value ?? spec.default ?? '').trim();
  }

  /** A string that must not be empty. */
  required(name: string): string {
    const value = this.raw(name);
    if (value === '') throw new UserError('is required but empty.', { input: name }, "Set it in the step's `with:`.");
    return value;
  }

  /** A string, or undefined when empty. */
  optional(name: string): string | undefined {
    const value = this.raw(name);
    return value === '' ? undefined : value;
  }

  /** A YAML 1.2 core boolean: true/True/TRUE or false/False/FALSE. */
  boolean(name: string): boolean {
    const value = this.raw(name);
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    throw new UserError(`'${value}' is not a boolean.`, { input: name }, 'Use true or false.');
  }

  /** A whole number within bounds. */
  integer(name: string, bounds: IntegerBounds = {}): number {
    const value = this.raw(name);
    if (!/^[+-]?\d+$/.test(value)) {
      throw new UserError(`'${value}' is not a whole number.`, { input: name }, describeBounds(bounds));
    }
    const n = Number(value);
    if (
      !Number.isSafeInteger(n) ||
      (bounds.min !== undefined && n < bounds.min) ||
      (bounds.max !== undefined && n > bounds.max)
    ) {
      throw new UserError(`${value} is out of range.`, { input: name }, describeBounds(bounds));
    }
    return n;
  }

  /** A duration such as 30s, 5m or 1h30m, in milliseconds. */
  duration(name: string, bounds: IntegerBounds = {}): number {
    const value = this.raw(name);
    const ms = parseDuration(value);
    if (ms === undefined) {
      throw new UserError(
        `'${value}' is not a duration.`,
        { input: name },
        'Write a number with a unit, such as 500ms, 30s, 5m or 1h30m.',
      );
    }
    if ((bounds.min !== undefined && ms < bounds.min) || (bounds.max !== undefined && ms > bounds.max)) {
      throw new UserError(`${value} is out of range.`, { input: name }, describeBounds(bounds, 'ms'));
    }
    return ms;
  }

  /** A percentage (`1%`, `0.5%`) or a fraction (`0.01`), as a fraction from 0 to 1. */
  rate(name: string): number {
    const text = this.raw(name);
    const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
    const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
    if (!m || !(value >= 0 && value <= 1))
      throw new UserError(
        `'${text}' is not a rate.`,
        { input: name },
        'Write a percentage such as 1% or a fraction from 0 to 1 such as 0.01.',
      );
    return value;
  }

  /** One of a fixed set of words; the error lists them. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.raw(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UserError(`'${value}' is not allowed.`, { input: name }, `Use one of: ${allowed.join(', ')}.`);
  }

  /** Items separated by commas or newlines, trimmed, empties dropped. */
  list(name: string): string[] {
    return this.raw(name)
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** A JSON value; the error gives the line and column where parsing stopped. */
  json<T = unknown>(name: string): T | undefined {
    const value = this.raw(name);
    if (value === '') return undefined;
    try {
      return JSON.parse(value) as T;
    } catch (err) {
      throw new UserError(`is not valid JSON: ${describeJsonError(value, err)}.`, { input: name });
    }
  }
}

function describeBounds(bounds: IntegerBounds, unit = ''): string {
  if (bounds.min !== undefined && bounds.max !== undefined)
    return `Use a value from ${bounds.min}${unit} to ${bounds.max}${unit}.`;
  if (bounds.min !== undefined) return `Use a value of at least ${bounds.min}${unit}.`;
  if (bounds.max !== undefined) return `Use a value of at most ${bounds.max}${unit}.`;
  return '';
}
