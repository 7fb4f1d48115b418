import { SummaryBuilder } from '@slipway/action-kit/lite';
import { SEVERITIES, type GateResult, type ScanStats, type ScannerName } from '@slipway/security';

/** The job summary: the verdict, counts by scanner and severity, and the most severe findings. */
export function scanSummary(result: GateResult, stats: ScanStats, scanners: readonly ScannerName[]): SummaryBuilder {
  const s = new SummaryBuilder().heading('security-scan');
  s.text(`${result.passed ? '✅ **passed**' : '❌ **failed**'}: ${result.reason}`);
  s.table(
    ['scanner', ...SEVERITIES, 'scanned'],
    scanners.map((sc) => [
      sc,
      ...SEVERITIES.map((sev) => String(result.active.filter((f) => f.scanner === sc && f.severity === sev).length)),
      sc === 'secrets'
        ? `${stats.files} files, ${(stats.bytes / 1048576).toFixed(1)} MiB`
        : sc === 'dependencies'
          ? `${stats.packages} packages in ${stats.lockfiles} lockfiles${stats.osvRecords !== undefined ? `, ${stats.osvRecords} OSV records` : ''}${stats.osvApi ? `, OSV API at ${stats.osvApi}` : ''}`
          : sc === 'workflows'
            ? `${stats.workflows} files`
            : `${stats.commits} commits`,
    ]),
  );
  const total = SEVERITIES.reduce((n, sev) => n + result.counts[sev], 0);
  if (total > 0)
    s.mermaid(
      [
        'pie showData title Findings by severity',
        ...SEVERITIES.filter((sev) => result.counts[sev] > 0).map((sev) => `  "${sev}" : ${result.counts[sev]}`),
      ].join('\n'),
    );
  const top = result.active.slice(0, 50);
  if (top.length)
    s.heading('Findings', 3).table(
      ['severity', 'rule', 'where', 'finding'],
      top.map((f) => [f.severity, f.rule.id, `${f.file}:${f.line}`, f.message]),
    );
  if (result.baselined) s.text(`${result.baselined} finding(s) accepted by the baseline are not counted.`);
  return s;
}
