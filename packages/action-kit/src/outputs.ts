import type { ActionMetadata } from './metadata.js';

/** A value an action may output; objects and arrays become JSON. */
export type OutputValue = string | number | boolean | null | object;

/** Where outputs go: the runner's GITHUB_OUTPUT file in an action, a collector in the CLI and tests. */
export type OutputSink = (name: string, value: string) => void;

/** Sets outputs, refusing names that action.yml does not declare (a bug, caught in tests). */
export class OutputWriter {
  readonly written = new Map<string, string>();

  constructor(
    private readonly metadata: ActionMetadata,
    private readonly sink: OutputSink,
  ) {}

  /** Sets one output; structured values are written as JSON. */
  set(name: string, value: OutputValue | undefined): void {
    if (!this.metadata.outputs[name])
      throw new Error(`output '${name}' is not declared in ${this.metadata.name}'s action.yml`);
    const text = toOutputString(value);
    this.written.set(name, text);
    this.sink(name, text);
  }
}

/** The string form of an output value: strings as they are, null/undefined as '', the rest as JSON. */
export function toOutputString(value: OutputValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
