import { SummaryBuilder, escapeHtml } from '@slipway/action-kit/lite';
import type { DeployReport } from '@slipway/deploy';

const ICON: Record<DeployReport['result'], string> = {
  promoted: '✅',
  paused: '⏸️',
  'rolled-back': '↩️',
  failed: '❌',
};

/** The summary: the result and its reason first, then the step timeline as a table and a chart. */
export function deploySummary(r: DeployReport): SummaryBuilder {
  const s = new SummaryBuilder()
    .heading(`deploy-canary: ${r.environment}`)
    .text(`${ICON[r.result]} **${r.result}**: ${escapeHtml(r.reason)}`);
  const release = `\`${r.release.id}\``;
  s.table(
    ['release', 'previous', 'provider', 'front door', 'final weight'],
    [
      [
        release,
        r.previousReleaseId ? `\`${r.previousReleaseId}\`` : '(first release)',
        r.provider,
        escapeHtml(r.url),
        `${r.weight}%`,
      ],
    ],
  );
  if (r.steps.length) {
    s.table(
      [
        'step',
        'weight',
        'canary share',
        'canary requests (5xx)',
        'stable requests (5xx)',
        'probes ok',
        'evidence',
        'verdict',
      ],
      r.steps.map((st) => [
        String(st.index + 1),
        `${st.weight}%`,
        st.canaryShare === undefined ? '–' : `${st.canaryShare}%`,
        `${st.canary.requests} (${st.canary.errors})`,
        `${st.stable.requests} (${st.stable.errors})`,
        `${st.probes.sent - st.probes.failed}/${st.probes.sent}`,
        st.evidence,
        st.verdict,
      ]),
    );
    s.mermaid(timeline(r));
  }
  s.details(
    'transitions',
    r.transitions
      .map((t) => `- ${t.at} ${t.from} → ${t.to} at ${t.weight}%${t.note ? `: ${escapeHtml(t.note)}` : ''}`)
      .join('\n'),
  );
  return s;
}

/** The canary's weight over the run, each point a recorded transition. */
function timeline(r: DeployReport): string {
  const points = r.transitions.slice(-40);
  const t0 = Date.parse(points[0]?.at ?? r.startedAt);
  return [
    'xychart-beta',
    '  title "canary weight (%)"',
    `  x-axis "seconds since start" [${points.map((p) => Math.round((Date.parse(p.at) - t0) / 1000)).join(', ')}]`,
    '  y-axis "weight" 0 --> 100',
    `  line [${points.map((p) => p.weight).join(', ')}]`,
  ].join('\n');
}
