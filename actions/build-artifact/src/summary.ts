import { formatDuration, SummaryBuilder } from '@slipway/action-kit/lite';
import type { CommandError } from '@slipway/artifact';
import { type BuildArtifactResult } from '@slipway/artifact';

function size(bytes: number): string {
  return bytes >= 1048576
    ? `${(bytes / 1048576).toFixed(1)} MiB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${bytes} B`;
}

/** The summary of a built artifact: what, how big, which digest, and where the time went. */
export function artifactSummary(r: BuildArtifactResult, rel: (abs: string) => string): SummaryBuilder {
  const s = new SummaryBuilder().heading('build-artifact');
  s.table(
    ['', ''],
    [
      ['artifact', `\`${rel(r.artifactPath)}\`${r.artifactUrl ? ` ([download](${r.artifactUrl}))` : ''}`],
      [
        'project',
        `${r.project.path} (${r.project.runtime.name}${r.project.runtime.version ? ` ${r.project.runtime.version}` : ''})`,
      ],
      ['version', r.version],
      ['digest', `\`${r.digest}\``],
      ['size', `${size(r.size)} · ${r.files} files`],
      ['source date', new Date(r.sourceDateEpoch * 1000).toISOString()],
      ['install / build', `\`${r.commands.install ?? 'none'}\` / \`${r.commands.build ?? 'none'}\``],
      ['dependency cache', r.cacheNote],
      ['SBOM', r.sbomPath ? `\`${rel(r.sbomPath)}\` (${r.sbomComponents ?? 0} runtime components)` : 'off'],
      ['provenance', r.provenancePath ? `\`${rel(r.provenancePath)}\` (unsigned; sign with actions/attest)` : 'off'],
    ],
  );
  if (r.timings.length) {
    s.mermaid(
      [
        'pie showData title Time per step (ms)',
        ...r.timings.filter((t) => t.ms > 0).map((t) => `  "${t.step}" : ${t.ms}`),
      ].join('\n'),
    );
  }
  return s;
}

/** The summary of a failed command: its last lines (already redacted by the build), so nobody has to scroll the log. */
export function failureSummary(err: CommandError): SummaryBuilder {
  return new SummaryBuilder()
    .heading('build-artifact failed')
    .text(
      err.timeoutMs === undefined
        ? `The ${err.step} command \`${err.command}\` exited with code ${err.exitCode}. Its last lines:`
        : `The ${err.step} command \`${err.command}\` was stopped after ${formatDuration(err.timeoutMs)}, the timeout. Its last lines:`,
    )
    .text('```\n' + err.outputTail.replace(/```/g, "'''") + '\n```');
}
