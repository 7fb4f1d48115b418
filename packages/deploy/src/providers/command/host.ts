// Releases a platform runs: with a `deploy-command`, the command provider's releases live on the
// platform the command deploys to (a Cloud Run revision, an ECS service, a Fly machine), not on
// the runner. Starting a release is running that command; it may print the release's own URL as
// its last line (a tagged revision URL), which readiness and the analysis then probe. Stopping is
// the platform's business: taking a release out of traffic is what abort-command does.
import { UserError, actionsExec, withoutRunnerCredentials } from '@slipway/action-kit/lite';
import { prepareRelease } from '../../release/prepare.js';
import { waitUntilAnswers } from '../../release/ready.js';
import type { Readiness, ReadyOptions } from '../../release/types.js';
import type { ReleaseHost, StartedRelease } from '../../controller/plan.js';
import { memoPath, readMemo, writeMemo } from './memo.js';
import { commandOf, parseTimeout, variables, type CommandRouterContext } from './router.js';
import { runCommand } from './run.js';

/** The host of the command provider when `deploy-command` is set. */
export function createCommandHost(context: CommandRouterContext): ReleaseHost {
  const { settings, environment } = context;
  const deploy = commandOf(settings, 'deploy-command');
  if (!deploy) throw new Error('createCommandHost: deploy-command is empty');
  const hasStatus = commandOf(settings, 'status-command') !== undefined;
  const timeoutMs = parseTimeout(settings['command-timeout']);
  const exec = context.exec ?? actionsExec;
  const memoFile = memoPath(context.stateDir, environment);
  return {
    platform: 'the platform deploy-command deploys to',
    prepare: prepareRelease,
    async start({ release, previousReleaseId }): Promise<StartedRelease> {
      const memo = await readMemo(memoFile);
      const vars = variables({
        operation: 'deploy',
        environment,
        release: { id: release.id, version: release.version, upstream: '' },
        weight: 0,
        previous: previousReleaseId,
        stable: undefined,
        canary: undefined,
      });
      const inherited = withoutRunnerCredentials({ ...(context.env ?? process.env) });
      const out = await runCommand({
        input: 'deploy-command',
        command: deploy,
        env: { ...inherited, ...vars },
        timeoutMs,
        exec,
      });
      const url = releaseUrl(out);
      if (!url && !hasStatus)
        throw new UserError(
          `printed no URL for ${release.id}, and no status-command reports its traffic: nothing would show whether the canary works.`,
          { input: 'deploy-command' },
          "Make deploy-command print the release's own URL (such as a Cloud Run tagged revision URL) as its last line, or give a status-command.",
        );
      // Deployed, so the router does not deploy it again; the canary, so an abort names it as withdrawn.
      await writeMemo(memoFile, { ...memo, canary: release.id, deployed: release.id });
      return { upstream: url ?? '' };
    },
    waitReady: (running, options) => probeReady(running.upstream, options),
    stop: () => Promise.resolve(),
    alive: () => true,
  };
}

/** The last line of the command's output when it is an http(s) URL (without a trailing slash). */
export function releaseUrl(stdout: string): string | undefined {
  const last = stdout.trim().split('\n').at(-1)?.trim() ?? '';
  if (!/^https?:\/\/\S+$/.test(last)) return undefined;
  try {
    return new URL(last).href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** Ready once `<url><health path>` answers 2xx or 3xx; a release without a URL is taken as ready (its traffic is judged). */
function probeReady(url: string, o: ReadyOptions): Promise<Readiness> {
  if (!url) return Promise.resolve({ ready: true, attempts: 0 });
  const target = `${url}${o.healthPath}`;
  // The platform runs it: no process here can be watched, so only the deadline ends the wait.
  return waitUntilAnswers({ url: new URL(target), shown: target }, o);
}
