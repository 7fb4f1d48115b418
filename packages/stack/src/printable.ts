// Warnings name folders and files of the repository, and a name may hold a newline followed by
// `::warning …`. Every warning is kept on one line, so that no log, summary or CLI that prints it
// line by line can be made to print a workflow command.

// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/** Text on one line: control characters, newlines included, are shown as escapes (`\n`, `\u001b`). */
export function oneLine(text: string): string {
  return text.replace(CONTROL, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
