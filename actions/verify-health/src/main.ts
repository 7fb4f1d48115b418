import { InputReader, OutputWriter, systemClock, UserError, type ActionSeams } from '@slipway/action-kit/lite';
import { verifyHealth } from '@slipway/health';
import { parseInputs } from './inputs.js';
import { metadata } from './metadata.generated.js';
import { healthSummary } from './summary.js';

/** Probes, judges and reports; a fail or an inconclusive verdict fails the step with its reason. */
export async function run({ env, logger, setOutput, mask }: ActionSeams): Promise<void> {
  const options = parseInputs(new InputReader(metadata, env), mask);
  const result = await verifyHealth(options, { clock: systemClock, logger });
  const out = new OutputWriter(metadata, setOutput);
  out.set('healthy', result.verdict === 'pass');
  out.set('verdict', result.verdict);
  out.set('reason', result.reason);
  out.set('error-rate', Number.isFinite(result.errorRate) ? Math.round(result.errorRate * 1e6) / 1e6 : '');
  out.set('p50', Number.isNaN(result.p50) ? '' : result.p50);
  out.set('p95', Number.isNaN(result.p95) ? '' : result.p95);
  out.set('p99', Number.isNaN(result.p99) ? '' : result.p99);
  // A long soak at a short interval has thousands of windows and evaluations: the last ones keep
  // the report within an output's limits.
  const queries = result.queries?.slice(-2000);
  out.set('report', { ...result, windows: result.windows.slice(-2000), ...(queries ? { queries } : {}) });
  await healthSummary(result).write(env);
  logger.info(`verify-health: ${result.verdict}: ${result.reason}`);
  if (result.verdict === 'fail') throw new UserError(`unhealthy: ${result.reason}.`);
  if (result.verdict === 'inconclusive')
    throw new UserError(
      `inconclusive: ${result.reason}.`,
      {},
      // Without probes, only a query's missing data can leave the verdict open.
      result.readiness.skipped
        ? 'Check that each query returns data (its PromQL, and that Prometheus scrapes the service), or set no-data.'
        : 'Raise duration or rate so there are enough samples to decide.',
    );
}
