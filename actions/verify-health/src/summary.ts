import { SummaryBuilder, escapeHtml } from '@slipway/action-kit/lite';
import type { VerifyResult } from '@slipway/health';

/** The summary: the verdict, a table of checks, and latency and error rate over the soak (when there were probes). */
export function healthSummary(r: VerifyResult): SummaryBuilder {
  const icon = r.verdict === 'pass' ? '✅' : r.verdict === 'fail' ? '❌' : '⚠️';
  // The reason and the observations can quote a server (Prometheus' error text): as HTML they must stay text.
  const s = new SummaryBuilder().heading('verify-health').text(`${icon} **${r.verdict}**: ${escapeHtml(r.reason)}`);
  // Said outright, so that a reader does not look for the probes that a metrics-only run never sent.
  if (r.readiness.skipped) s.text(`Readiness skipped: ${r.readiness.skipped}.`);
  s.table(
    ['check', 'observed', 'threshold', 'result'],
    r.checks.map((c) => [c.name, escapeHtml(c.observed), escapeHtml(c.threshold), c.passed ? 'pass' : 'fail']),
  );
  const failures = Object.entries(r.failures);
  if (failures.length) s.text(`Failed probes by kind: ${failures.map(([k, n]) => `${k} ${n}`).join(', ')}.`);
  const w = r.windows.slice(-60);
  if (w.length >= 2) {
    const x = w.map((v) => Math.round(v.startMs / 1000));
    s.mermaid(
      [
        'xychart-beta',
        '  title "p95 latency per window (ms)"',
        `  x-axis "seconds" [${x.join(', ')}]`,
        '  y-axis "ms"',
        `  line [${w.map((v) => (Number.isNaN(v.p95) ? 0 : v.p95)).join(', ')}]`,
      ].join('\n'),
    );
    s.mermaid(
      [
        'xychart-beta',
        '  title "error rate per window (%)"',
        `  x-axis "seconds" [${x.join(', ')}]`,
        '  y-axis "%"',
        `  bar [${w.map((v) => Math.round(v.errorRate * 1000) / 10).join(', ')}]`,
      ].join('\n'),
    );
  }
  return s;
}
