// What a case may end as, whatever the value: a success, or a user's error that names the input
// the value went to. Never an internal error, a hang, a stack trace, a planted secret in what
// the job shows, or a write outside the workspace for a relative value.
import { PASSWORD, SECRET, kindsOf, type InputSpec } from './arbitraries.js';
import type { Outcome } from './run-case.js';

/** How the baseline itself ends, measured once per action: a value the action accepts ends the same way. */
export interface BaselineEnd {
  ended: Outcome['ended'];
  blames: string | undefined;
}

/**
 * The inputs an error may name instead of the fuzzed one: those whose description mentions it,
 * or which its own description mentions. `host` makes `ssh-key` and `known-hosts` needed ("With
 * host: …", "Required when host is set"); `provider` makes its own settings needed.
 */
export function relatedInputs(input: string, inputs: Record<string, InputSpec>): Set<string> {
  const related = new Set<string>();
  for (const [name, spec] of Object.entries(inputs))
    if (name !== input && (mentions(spec.description ?? '', input) || mentions(inputs[input]?.description ?? '', name)))
      related.add(name);
  return related;
}

/** A line of a stack trace, `    at fn (file:1:2)`: an indented line that starts with `at `. */
const STACK_FRAME = /\n[ \t]+at [^\n]*/;

/** The first line of `text` that holds `needle`, cut short, to say where a secret showed. */
function lineWith(text: string, needle: string): string {
  const line = text.split('\n').find((l) => l.includes(needle)) ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** True when `text` names `input` as a word of its own (not inside `input-x` or `x-input`). */
function mentions(text: string, input: string): boolean {
  return new RegExp(`(^|[^\\w-])${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(text);
}

/**
 * Everything wrong with one case's outcome ([] when it is right). `value` is the value as drawn,
 * so that a stack-like line the user wrote is not taken for the action's own.
 */
export function problems(
  outcome: Outcome,
  input: string,
  spec: InputSpec,
  value: string,
  baseline: BaselineEnd,
  related: Set<string>,
): string[] {
  const found: string[] = [];
  if (outcome.ended === 'hung') found.push('hung: no end within the case timeout');
  if (outcome.ended === 'internal-error') found.push(`internal error: ${outcome.error.slice(0, 300)}`);
  if (outcome.ended === 'user-error') {
    // The value was accepted and the run went on to end as the baseline does, or the value was refused by name.
    const asBaseline = baseline.ended === 'user-error' && outcome.blames === baseline.blames;
    // A message may name the input in its text ('set the version and source-date-epoch inputs').
    const named =
      outcome.blames === input ||
      mentions(outcome.error, input) ||
      (outcome.blames !== undefined && related.has(outcome.blames));
    // A check that ran and failed (an unhealthy verdict, a failed deploy) reports in the job summary first.
    const verdict = outcome.blames === undefined && outcome.summary.trim() !== '';
    if (!named && !asBaseline && !verdict)
      found.push(
        `a user's error that does not name input '${input}' (it names ${outcome.blames ? `'${outcome.blames}'` : 'no input'}): ${outcome.error.slice(0, 300)}`,
      );
  }
  if (/internal error/i.test(outcome.log) && outcome.ended !== 'internal-error')
    found.push(`the log reports an internal error: ${lineWith(outcome.log, 'internal error')}`);
  // An internal error's own stack is in the log by request (the debug report); it is reported above.
  for (const [where, text] of [
    ['log', outcome.ended === 'internal-error' ? '' : outcome.log],
    ['stderr', outcome.stderr],
  ] as const) {
    const frame = STACK_FRAME.exec(text);
    if (frame && !value.includes(frame[0].trim())) found.push(`a stack trace in the ${where}: ${frame[0].trim()}`);
  }
  // A URL or secret input's value must not come back in the outputs either; elsewhere an output may
  // rightly echo the user's own value (a name that happens to look like a credential URL).
  const kinds = kindsOf(input, spec);
  const watched: [string, string][] = [
    ['log', outcome.log],
    ['job summary', outcome.summary],
    ['stderr', outcome.stderr],
  ];
  if (kinds.has('url') || kinds.has('secret') || kinds.has('headers')) watched.push(['outputs', outcome.outputs]);
  for (const secret of [PASSWORD, SECRET])
    for (const [where, text] of watched)
      if (text.includes(secret)) found.push(`the planted secret is in the ${where}: ${lineWith(text, secret)}`);
  if (outcome.outside.length)
    found.push(`wrote outside the workspace for a relative value: ${outcome.outside.slice(0, 5).join(', ')}`);
  return found;
}
