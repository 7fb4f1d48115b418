import { randomBytes } from 'node:crypto';

/**
 * Text from the repository or a command's output (file names, manifest values, build output,
 * server bodies) printed so that the runner cannot read any of it as a workflow command: when it
 * holds `::`, it goes out between `::stop-commands::<token>` and `::<token>::` with a token it
 * cannot guess. Annotation messages need no wrapping: @actions/core escapes their newlines.
 */
export function commandSafe(text: string): string {
  if (!text.includes('::')) return text;
  const token = randomBytes(16).toString('hex');
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}

/** Escapes a workflow-command message as @actions/core does: `%`, `\r` and `\n`. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property (file, title) as @actions/core does: also `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
