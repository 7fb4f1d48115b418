import { SummaryBuilder } from '@slipway/action-kit/lite';
import { oneLine, type Stack } from '@slipway/stack';
import { codeSpan, markdownText } from './printable.js';

/**
 * The job summary: projects, languages as a pie chart, and every warning. Paths, versions and
 * warnings come from the repository, so each is escaped: it shows as text, never as Markdown.
 */
export function stackSummary(stack: Stack): SummaryBuilder {
  const s = new SummaryBuilder().heading('detect-stack');
  const mono = stack.monorepo ? ` · monorepo (${stack.monorepo.tool ?? 'independent projects'})` : '';
  s.text(
    `${stack.projects.length} project(s) in ${codeSpan(stack.root)}${mono} · ${stack.stats.files} files in ${stack.stats.elapsedMs} ms${stack.stats.truncated ? ' · **walk truncated at max-files**' : ''}`,
  );
  if (stack.projects.length > 0) {
    s.table(
      ['project', 'runtime', 'package manager', 'frameworks', 'build', 'test'],
      stack.projects.map((p) => [
        p.path === stack.primary ? `**${markdownText(p.path)}** (primary)` : markdownText(p.path),
        markdownText(`${p.runtime.name}${p.runtime.version ? ` ${p.runtime.version}` : ''}`),
        p.packageManager
          ? markdownText(`${p.packageManager.name}${p.packageManager.version ? ` ${p.packageManager.version}` : ''}`)
          : '',
        markdownText(p.frameworks.map((f) => `${f.name}${f.version ? ` ${f.version}` : ''}`).join(', ')),
        p.commands.build ? codeSpan(p.commands.build) : '',
        p.commands.test ? codeSpan(p.commands.test) : '',
      ]),
    );
  } else {
    s.text('No buildable project was found.');
  }
  const top = stack.languages.slice(0, 8);
  if (top.length > 0) {
    s.mermaid(
      [
        'pie showData title Languages (bytes of code)',
        ...top.map((l) => `  "${oneLine(l.name).replace(/["`]/g, "'")}" : ${l.bytes}`),
      ].join('\n'),
    );
  }
  const warnings = [...stack.warnings, ...stack.projects.flatMap((p) => p.warnings.map((w) => `${p.path}: ${w}`))];
  if (warnings.length > 0) s.heading('Warnings', 3).text(warnings.map((w) => `- ${markdownText(w)}`).join('\n'));
  return s;
}
