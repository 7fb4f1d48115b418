// The `command` traffic router: the user's own shell commands move traffic on any platform slipway
// has no router for (Cloud Run traffic splits, an ALB's weighted target groups, an in-house script).
//
// Every command runs through `/bin/sh -c` with the runner's environment (without its internal
// credentials) and these variables, which always read "send SLIPWAY_WEIGHT percent of traffic to
// SLIPWAY_RELEASE and the rest to SLIPWAY_PREVIOUS_RELEASE":
//
//   SLIPWAY_OPERATION         deploy | set-weight | promote | abort
//   SLIPWAY_RELEASE           the canary; on promote and abort the release that takes all traffic
//   SLIPWAY_VERSION           SLIPWAY_RELEASE's version
//   SLIPWAY_WEIGHT            SLIPWAY_RELEASE's share, percent (100 on promote and abort)
//   SLIPWAY_PREVIOUS_RELEASE  the stable while a canary runs; on promote the stable it replaces, on
//                             abort the canary withdrawn ('' when there is none or it is not known)
//   SLIPWAY_ENVIRONMENT, SLIPWAY_STABLE_URL, SLIPWAY_CANARY_URL
//
// docs/command-provider.md has the whole contract and worked examples.
import {
  UserError,
  actionsExec,
  isUserError,
  parseDuration,
  withoutRunnerCredentials,
  type Exec,
  type Logger,
} from '@slipway/action-kit/lite';
import type { RouterContext } from '../../registry.js';
import type { Release, TrafficRouter } from '../../types.js';
import { memoPath, readMemo, writeMemo } from './memo.js';
import { runCommand } from './run.js';
import { stdoutLogger } from '../stdout-logger.js';
import { parseStatus } from './status.js';

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** What a command was run for, as SLIPWAY_OPERATION tells it. */
export type Operation = 'deploy' | 'set-weight' | 'promote' | 'abort';

/** The router's context; tests and embedders may pass the process and log seams the registry does not. */
export interface CommandRouterContext extends RouterContext {
  /** Runs the commands; actionsExec by default. */
  exec?: Exec;
  /** Where warnings go; by default workflow-command lines on stdout, since the registry passes routers no logger. */
  logger?: Logger;
}

/** A setting's command, or undefined when the input is empty. */
export function commandOf(settings: Readonly<Record<string, string>>, input: string): string | undefined {
  return settings[input]?.trim() || undefined;
}

export function parseTimeout(text: string | undefined): number {
  if (!text?.trim()) return DEFAULT_TIMEOUT_MS;
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0)
    throw new UserError(
      `'${text.slice(0, 40)}' is not a duration.`,
      { input: 'command-timeout' },
      'Write 90s, 5m or 1h.',
    );
  return ms;
}

/** The SLIPWAY_* variables of one command. */
export function variables(o: {
  operation: Operation;
  environment: string;
  release: Release;
  weight: number;
  previous: string | undefined;
  stable: Release | undefined;
  canary: Release | undefined;
}): Record<string, string> {
  return {
    SLIPWAY_OPERATION: o.operation,
    SLIPWAY_ENVIRONMENT: o.environment,
    SLIPWAY_RELEASE: o.release.id,
    SLIPWAY_VERSION: o.release.version,
    SLIPWAY_WEIGHT: String(o.weight),
    SLIPWAY_PREVIOUS_RELEASE: o.previous ?? '',
    SLIPWAY_STABLE_URL: o.stable?.upstream ?? '',
    SLIPWAY_CANARY_URL: o.canary?.upstream ?? '',
  };
}

/** Builds the command router; `set-weight-command` is the one command it cannot do without. */
export async function createCommandRouter(context: CommandRouterContext): Promise<TrafficRouter> {
  const { settings, environment } = context;
  const setWeight = commandOf(settings, 'set-weight-command');
  if (!setWeight)
    throw new UserError(
      'is required by the command provider.',
      { input: 'set-weight-command' },
      'Give a command that sends SLIPWAY_WEIGHT percent of traffic to SLIPWAY_RELEASE (see docs/command-provider.md).',
    );
  const deploy = commandOf(settings, 'deploy-command');
  const promote = commandOf(settings, 'promote-command');
  const abort = commandOf(settings, 'abort-command');
  const status = commandOf(settings, 'status-command');
  const timeoutMs = parseTimeout(settings['command-timeout']);
  const exec = context.exec ?? actionsExec;
  const logger = context.logger ?? stdoutLogger;
  const memoFile = memoPath(context.stateDir, environment);
  const inherited = withoutRunnerCredentials({ ...(context.env ?? process.env) });
  // The status command sees the routing it reports on: the variables of the last change.
  let statusVars: Record<string, string> = { SLIPWAY_ENVIRONMENT: environment };
  let warnedStatus = false;
  const run = (input: string, command: string, vars: Record<string, string>, silent = false) =>
    runCommand({ input, command, env: { ...inherited, ...vars }, timeoutMs, exec, silent });

  return {
    name: 'command',
    frontDoor: settings['front-door-url']?.trim() || 'command provider',
    async setWeights(stable, canary, canaryWeight) {
      if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
        throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
      const memo = await readMemo(memoFile);
      if (canary) {
        const vars = (operation: Operation) =>
          variables({
            operation,
            environment,
            release: canary,
            weight: canaryWeight,
            previous: stable?.id,
            stable,
            canary,
          });
        if (deploy && memo.deployed !== canary.id) {
          await run('deploy-command', deploy, vars('deploy'));
          memo.deployed = canary.id;
        }
        // Noted before traffic moves: if the command fails half-way, the abort that follows names this canary.
        await writeMemo(memoFile, { canary: canary.id, stable: stable?.id, deployed: memo.deployed });
        statusVars = vars('set-weight');
        await run('set-weight-command', setWeight, statusVars);
        return;
      }
      // One release and no canary: all traffic to it. The controller asks this both to promote the
      // canary it last routed and to abort one (or restore an older release): the memo tells which.
      if (!stable) return;
      const promoting = memo.canary === stable.id;
      const operation = promoting ? 'promote' : 'abort';
      // Taken out of traffic: the stable a promotion replaces, the canary an abort withdraws, or
      // (a rollback to an older release, with no canary) the release that was live.
      const replaced = promoting ? memo.stable : (memo.canary ?? memo.stable);
      const previous = replaced !== stable.id ? replaced : undefined;
      const own = promoting ? promote : abort;
      statusVars = variables({ operation, environment, release: stable, weight: 100, previous, stable, canary });
      await run(own ? `${operation}-command` : 'set-weight-command', own ?? setWeight, statusVars);
      // Written once done, so that a failed promotion is still told apart from the abort that follows it.
      await writeMemo(memoFile, { stable: stable.id, deployed: memo.deployed });
    },
    async readTraffic() {
      if (!status) return undefined;
      let problem: string;
      try {
        const parsed = parseStatus(await run('status-command', status, statusVars, true));
        if (parsed instanceof Map) return parsed;
        problem = `input 'status-command': its answer cannot be used: ${parsed.problem}`;
      } catch (err) {
        if (!isUserError(err)) throw err;
        problem = err.describe();
      }
      // Read every few seconds: one warning says it, later ones would only repeat it.
      const line = `${problem}; steps are judged on health probes alone until it answers`;
      if (warnedStatus) logger.debug(line);
      else logger.warning(line);
      warnedStatus = true;
      return undefined;
    },
    async close() {
      // Nothing stays open: every command was its own process.
    },
  };
}
