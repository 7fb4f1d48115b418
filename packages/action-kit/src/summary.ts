import { appendFile } from 'node:fs/promises';

/** GitHub refuses a step summary larger than 1 MiB; stay under it with room for the note. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const TRUNCATION_NOTE =
  "\n\n> The rest of this summary was cut to stay under GitHub's 1 MiB limit; the full data is in the step outputs.\n";

/** Builds a job summary in Markdown, section by section. */
export class SummaryBuilder {
  private readonly parts: string[] = [];

  /** A heading of the given level. */
  heading(text: string, level = 2): this {
    this.parts.push(`${'#'.repeat(level)} ${text}\n`);
    return this;
  }

  /** A paragraph of Markdown. */
  text(markdown: string): this {
    this.parts.push(`${markdown}\n`);
    return this;
  }

  /** A table; cells are escaped so a pipe or newline cannot break it. */
  table(header: readonly string[], rows: readonly (readonly string[])[]): this {
    const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
    this.parts.push([line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n') + '\n');
    return this;
  }

  /** A mermaid diagram, rendered by GitHub. */
  mermaid(diagram: string): this {
    this.parts.push('```mermaid\n' + diagram.trim() + '\n```\n');
    return this;
  }

  /** A collapsed section. */
  details(summary: string, markdown: string): this {
    this.parts.push(`<details><summary>${escapeHtml(summary)}</summary>\n\n${markdown}\n\n</details>\n`);
    return this;
  }

  /** The Markdown, cut at a section boundary if it would pass the limit. */
  toMarkdown(limit = SUMMARY_LIMIT_BYTES): string {
    const budget = limit - Buffer.byteLength(TRUNCATION_NOTE);
    let out = '';
    for (const part of this.parts) {
      const next = out + part + '\n';
      if (Buffer.byteLength(next) > budget) return out + TRUNCATION_NOTE;
      out = next;
    }
    return out;
  }

  /** Appends the summary to the file GITHUB_STEP_SUMMARY names; does nothing outside a runner. */
  async write(env: NodeJS.ProcessEnv = process.env): Promise<void> {
    const path = env.GITHUB_STEP_SUMMARY;
    if (!path) return;
    await appendFile(path, this.toMarkdown(), 'utf8');
  }
}

function escapeCell(cell: string): string {
  return cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Text for a summary's Markdown that renders as text: a server's or a process's words cannot become HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
