import { SummaryBuilder, escapeHtml } from '@slipway/action-kit/lite';
import type { RollbackOutcome } from '@slipway/deploy';

const ICON: Record<RollbackOutcome['result'], string> = { 'rolled-back': '↩️', noop: '➖', failed: '❌' };

/** The result and reason first, then what replaced what, how fast, and whether it answers. */
export function rollbackSummary(environment: string, o: RollbackOutcome, verified: string): SummaryBuilder {
  return new SummaryBuilder()
    .heading(`rollback: ${environment}`)
    .text(`${ICON[o.result]} **${o.result}**: ${escapeHtml(o.reason)}`)
    .table(
      ['restored', 'replaced', 'took', 'readiness'],
      [
        [
          o.restoredRelease || '–',
          o.replacedRelease || '–',
          `${o.durationMs} ms`,
          escapeHtml(verified || 'not checked'),
        ],
      ],
    );
}
