// A deploy in its own process, for the test that kills one mid-rollout with SIGKILL.
import { actionsExec, nullLogger, systemClock } from '@slipway/action-kit/lite';
import { deployCanary, type DeployPlan } from '../src/index.js';

const plan = JSON.parse(process.env.SLIPWAY_PLAN!) as DeployPlan;
const outcome = await deployCanary(plan, {
  clock: systemClock,
  logger: nullLogger,
  exec: actionsExec,
  env: process.env,
  selfCommand: JSON.parse(process.env.SLIPWAY_SELF!) as string[],
});
process.stdout.write(`${JSON.stringify({ result: outcome.result, reason: outcome.reason })}\n`);
