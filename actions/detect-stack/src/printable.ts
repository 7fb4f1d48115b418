// Folder names, versions and warnings come from the repository: a name may hold a newline followed
// by `::warning …`, or Markdown that draws something in the job summary. These helpers keep such
// text on one line and inert.
import { oneLine } from '@slipway/stack';

/**
 * Inline Markdown that shows the text as written: one line, and every character that could open
 * Markdown or HTML written as an entity. Entities rather than backslashes, because table cells
 * double every backslash.
 */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]<>#!|~&]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An inline code span that the text cannot close early, whatever backticks it holds. */
export function codeSpan(text: string): string {
  const line = oneLine(text);
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
