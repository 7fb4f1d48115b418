// With `host` set, deploy-canary and rollback do not act where the job runs: they copy themselves
// (and the artifact) to that host over SSH and run there, relaying the log, the outputs and the
// summary. Shared by both actions; the work is @slipway/deploy's runOnHost.
import { mkdtempSync, realpathSync, existsSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import {
  InputReader,
  OutputWriter,
  actionsExec,
  errorMessage,
  inputEnvName,
  isUserError,
  maskCredential,
  userPath,
  type ActionMetadata,
  type ActionSeams,
} from '@slipway/action-kit/lite';
import { runOnHost } from '@slipway/deploy';

/** The state entry that tells the post step which folder holds the session's key. */
const SESSION_STATE = 'remote-session';
const SESSION_PREFIX = 'slipway-remote-';
/** The socket ssh makes two folders down must fit in a unix socket path (see ssh-files.ts). */
const MAX_BASE_LENGTH = 100 - '/slipway-remote-XXXXXX/slipway-ssh-XXXXXX/control'.length;

/** True when the `host` input is set: the action runs on that host. */
export function hostGiven(env: NodeJS.ProcessEnv): boolean {
  return (env[inputEnvName('host')] ?? '').trim() !== '';
}

/**
 * Runs the action on the host named by `host`, with `ssh-key` and `known-hosts`. The key is masked
 * before anything else. Outputs and summary come back from the host; a run that failed there
 * fails the step with the host's exit code and its own error line. Failures before the host ran
 * anything set result `failed` and reason, as a local run does.
 */
export async function runRemotely(
  metadata: ActionMetadata,
  seams: ActionSeams,
  exit: (code: number) => void = (code) => void (process.exitCode = code),
): Promise<void> {
  const { env, logger, mask, saveState } = seams;
  const inputs = new InputReader(metadata, env);
  const sshKey = inputs.raw('ssh-key');
  maskKey(sshKey, mask);
  for (const name of ['github-token', 'notify-webhook']) {
    const value = inputs.raw(name);
    // Outside a runner the default `${{ github.token }}` arrives unexpanded: not a secret.
    if (!/^\$\{\{[^}]*\}\}$/.test(value)) maskCredential(value, mask);
  }
  let relayed = false;
  const tempDir = sessionFolder(env);
  saveState?.(SESSION_STATE, tempDir);
  // The runner cancels a job with SIGINT, then SIGTERM: the run on the host is sent SIGTERM.
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.warning(`received ${signal}: stopping the run on the host (a canary in flight is rolled back there)`);
    cancel.abort();
  };
  process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
  try {
    const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
    const outcome = await runOnHost(
      {
        action: metadata.name,
        host: inputs.raw('host'),
        sshKey,
        knownHosts: inputs.raw('known-hosts'),
        bundleDir: ownBundle,
        // The kubernetes provider's release is an image: no artifact to copy.
        ...(inputs.declares('artifact') && inputs.raw('provider') !== 'kubernetes'
          ? { artifact: userPath('artifact', inputs.required('artifact'), workspace, env.HOME) }
          : {}),
        outputs: Object.keys(metadata.outputs),
        tempDir,
      },
      {
        env,
        exec: actionsExec,
        logger,
        stdout: (line) => process.stdout.write(`${line}\n`),
        stderr: (line) => process.stderr.write(`${line}\n`),
        setOutput: (name, value) => {
          relayed = true;
          seams.setOutput(name, value);
        },
        appendSummary: async (markdown) => {
          if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, markdown, 'utf8');
        },
        signal: cancel.signal,
      },
    );
    if (outcome.exitCode === 0) return;
    if (!outcome.errorReported)
      throw new Error(`${metadata.name} ended on the host with exit code ${outcome.exitCode} and no error line`);
    // The host's own ::error:: line, relayed above, says why: a second one here would only repeat it.
    exit(outcome.exitCode);
  } catch (err) {
    if (!relayed) {
      const out = new OutputWriter(metadata, seams.setOutput);
      out.set('result', 'failed');
      out.set('reason', isUserError(err) ? err.describe() : `internal error: ${errorMessage(err)}`);
    }
    throw err;
  } finally {
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** The post step's part: removes the session folder (with the key) that a killed main left. */
export function removeRemoteSession({ env }: Pick<ActionSeams, 'env'>): void {
  const dir = env[`STATE_${SESSION_STATE}`];
  if (dir && basename(dir).startsWith(SESSION_PREFIX)) rmSync(dir, { recursive: true, force: true });
}

/** Masks the key whole and line by line: the runner masks line by line, so a multi-line secret needs both. */
function maskKey(key: string, mask: (value: string) => void): void {
  if (key === '') return;
  mask(key);
  for (const line of key.split(/\r?\n|\\n/)) if (line.trim().length >= 8 && !line.includes('-----')) mask(line.trim());
}

/** A folder of this run's own under the runner's temp folder, for the key; the post step removes it if main cannot. */
function sessionFolder(env: NodeJS.ProcessEnv): string {
  const runnerTemp = env.RUNNER_TEMP;
  const base = runnerTemp && runnerTemp.length <= MAX_BASE_LENGTH ? runnerTemp : tmpdir();
  return mkdtempSync(join(base, SESSION_PREFIX));
}

/** The folder of the running bundle (dist/<action>), which is what the host runs. */
function ownBundle(): string {
  const entry = process.argv[1] ? realpathSync(process.argv[1]) : '';
  const dir = dirname(entry);
  if (!entry.endsWith('index.js') || !existsSync(join(dir, 'package.json')))
    throw new Error(`cannot find the action's own bundle to copy to the host (started as ${entry || 'no script'})`);
  return dir;
}
