// The nginx router: weights live in an upstream file slipway owns and the user's nginx includes;
// a change is written atomically, checked with `nginx -t`, and applied with a graceful reload.
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { basename, delimiter, dirname, extname, join } from 'node:path';
import { UserError, actionsExec, outputPath, systemClock, writeFileAtomic } from '@slipway/action-kit/lite';
import type { RouterContext, RouterFactory } from '../../registry.js';
import type { Release, TrafficRouter, TrafficSample } from '../../types.js';
import { AccessLogTail, countRequests, emptySample } from './access-log.js';
import { parseCommand, runCommand, type NginxCommand } from './command.js';
import { renderAccessLog, renderUpstream, serverAddress, upstreamName } from './config.js';

/**
 * `nginx -s reload` returns once the master has the signal; the master then starts new workers
 * and, 100 ms later, tells the old ones to stop accepting. Waiting this long makes "weight 0 means
 * no new request reaches the canary" hold once setWeights resolves.
 */
const RELOAD_SETTLE_MS = 1000;

/** True when `program` can be run: a path that is executable, or a name found on PATH. */
async function runnable(program: string): Promise<boolean> {
  const candidates = program.includes('/')
    ? [program]
    : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir || '.', program));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

/** The test command: the user's, or the reload command with `-s reload` turned into `-t` (same binary, prefix, sudo). */
function testCommand(settings: Readonly<Record<string, string>>, reload: NginxCommand): NginxCommand {
  const given = settings['nginx-test-command']?.trim();
  if (given) return parseCommand(given, 'nginx-test-command');
  const [s, verb] = reload.argv.slice(-2);
  if (s === '-s' && verb === 'reload') return { argv: [...reload.argv.slice(0, -2), '-t'], input: reload.input };
  return { argv: ['nginx', '-t'], input: reload.input };
}

/** Every `$upstream_addr` nginx may log for a release: its address, and what its host name resolves to. */
async function loggedAddresses(release: Release): Promise<string[]> {
  const address = serverAddress(release);
  const port = address.slice(address.lastIndexOf(':') + 1);
  const host = address.slice(0, address.lastIndexOf(':'));
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return [address];
  const found = await lookup(host, { all: true }).catch(() => []);
  return [address, ...found.map((a) => (a.family === 6 ? `[${a.address}]:${port}` : `${a.address}:${port}`))];
}

/** The `nginx` router; README.md beside this file shows the lines users add to their nginx configuration. */
export const createNginxRouter: RouterFactory = async (context: RouterContext): Promise<TrafficRouter> => {
  const { settings, environment } = context;
  const fileSetting = settings['nginx-upstream-file']?.trim();
  if (!fileSetting)
    throw new UserError(
      'is required for the nginx provider.',
      { input: 'nginx-upstream-file' },
      'Name the file slipway writes the upstream block into, and include it in the http block of nginx.conf.',
    );
  // The runner starts actions in the workspace; GITHUB_WORKSPACE says so explicitly when set.
  const workspace = context.workspace || process.env.GITHUB_WORKSPACE || process.cwd();
  const upstreamFile = outputPath('nginx-upstream-file', fileSetting, workspace);
  const reload = parseCommand(settings['nginx-reload-command']?.trim() || 'nginx -s reload', 'nginx-reload-command');
  const test = testCommand(settings, reload);
  for (const command of [reload, test])
    if (!(await runnable(command.argv[0]!)))
      throw new UserError(
        `runs '${command.argv[0]}', which is not installed or not on PATH.`,
        { input: command.input },
        'Install nginx on the runner, or give the full command (for example: sudo /usr/sbin/nginx -s reload).',
      );

  const logDir = join(context.stateDir, 'nginx', upstreamName(environment));
  const logPath = join(logDir, 'access.log');
  // The path is written into nginx's configuration: nothing in it may end or expand a word there.
  if (/["'\\$;{}\s]/.test(logPath)) throw new Error(`the state folder ${context.stateDir} cannot be named to nginx`);
  await mkdir(logDir, { recursive: true });
  const snippet = join(dirname(upstreamFile), `${basename(upstreamFile, extname(upstreamFile))}.access.inc`);
  await writeFileAtomic(snippet, renderAccessLog(environment, logPath));
  const tail = await AccessLogTail.at(logPath);

  const releaseAt = new Map<string, string>();
  let current: string[] = [];
  let blamed: string | undefined;

  /** Puts the upstream file back as it was (or removes it, if there was none). */
  const restore = async (previous: Buffer | undefined): Promise<void> => {
    if (previous === undefined) await rm(upstreamFile, { force: true });
    else await writeFileAtomic(upstreamFile, previous);
  };

  const router: TrafficRouter = {
    name: 'nginx',
    frontDoor: `nginx upstream ${upstreamName(environment)}`,
    // The upstream file may have been put back (a config deploy, a restore): it is written again.
    reassert: (stable) => router.setWeights(stable, undefined, 0),

    async setWeights(stable, canary, canaryWeight) {
      if (!stable && !canary) throw new Error('setWeights needs a stable or a canary release');
      if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
        throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
      const text = renderUpstream(environment, stable, canary, canaryWeight);
      const previous = await readFile(upstreamFile).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      await writeFileAtomic(upstreamFile, text);
      let problem: UserError | undefined;
      try {
        const refused = await runCommand(actionsExec, test);
        const failed = refused === undefined ? await runCommand(actionsExec, reload) : undefined;
        if (refused !== undefined)
          problem = new UserError(
            `nginx refused the new upstream file ${upstreamFile}: ${refused}`,
            { input: 'nginx-upstream-file' },
            'The previous file was put back and nginx was not reloaded.',
          );
        // nginx still runs the old configuration: the file goes back to match it.
        else if (failed !== undefined)
          problem = new UserError(`nginx did not reload: ${failed}`, { input: reload.input });
      } catch (err) {
        await restore(previous);
        throw err;
      }
      if (problem) {
        await restore(previous);
        throw problem;
      }
      for (const release of [stable, canary])
        if (release) for (const addr of await loggedAddresses(release)) releaseAt.set(addr, release.id);
      current = [stable?.id, canary?.id].filter((id): id is string => id !== undefined);
      blamed = canary && canaryWeight > 0 ? canary.id : (stable?.id ?? canary?.id);
      await systemClock.sleep(RELOAD_SETTLE_MS);
    },

    async readTraffic() {
      const samples = new Map<string, TrafficSample>(current.map((id) => [id, emptySample()]));
      countRequests(await tail.read(), (addr) => releaseAt.get(addr), blamed, samples);
      return samples;
    },

    async close() {
      await tail.close();
    },
  };
  return router;
};
