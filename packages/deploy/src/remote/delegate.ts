// deploy-canary and rollback on a remote host: the action does not deploy where it runs; it copies
// its own bundle (and the artifact) to the host over SSH, each copy verified by sha256 on both
// sides, and runs itself there with node. Every provider then acts on the host exactly as on a
// self-hosted runner, and the log, the outputs and the summary come back to the runner.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import {
  actionsExec,
  inputEnvName,
  nullLogger,
  shellQuote,
  UserError,
  type Exec,
  type Logger,
  type OutputSink,
} from '@slipway/action-kit/lite';
import { parseHost, targetLabel } from './host.js';
import { HEARTBEAT_LIMIT_MS, RelayExec } from './relay.js';
import { openSsh } from './session.js';
import type { SshSession } from './types.js';

/** What runOnHost needs; `host`, `sshKey` and `knownHosts` are the action inputs of those names. */
export interface HostRunOptions {
  /** The action's name (deploy-canary, rollback), for messages and the bundle's folder name. */
  action: string;
  host: string;
  sshKey: string;
  knownHosts: string;
  /**
   * Finds the folder of the running bundle (index.js and its chunks), which is copied to the host
   * and run there; called once connected, so that the inputs are checked first.
   */
  bundleDir: () => string;
  /** The artifact on the runner, absolute (deploy-canary): copied to the host for the run. */
  artifact?: string;
  /** The outputs the action declares: only these come back from the host. */
  outputs: readonly string[];
  /** A private folder on the runner for the ssh session's key and the artifact's staging. */
  tempDir: string;
  /** The workspace on the host (relative inputs such as state-dir resolve there); default `~/slipway`. */
  workspace?: string;
  /** Where the host keeps the action's bundles, one folder per version; default `~/.slipway-actions`. */
  bundleRoot?: string;
  connectTimeoutMs?: number;
}

/** What runOnHost talks through. */
export interface HostRunSeams {
  /** The runner's environment: INPUT_* and the GITHUB_* context are passed on to the host. */
  env: NodeJS.ProcessEnv;
  /** Runs ssh and its helpers; actionsExec by default. */
  exec?: Exec;
  logger?: Logger;
  /** Gets each line the action writes to stdout on the host (workflow commands included), as it comes. */
  stdout(line: string): void;
  /** Gets each line of the host's stderr, as it comes. */
  stderr(line: string): void;
  /** Receives the outputs the run on the host set. */
  setOutput: OutputSink;
  /** Receives the step summary the run on the host wrote. */
  appendSummary(markdown: string): Promise<void>;
  /** Aborted when the runner cancels: the run on the host is sent SIGTERM (a canary rolls back). */
  signal?: AbortSignal;
}

/** How the run on the host ended. */
export interface HostRunOutcome {
  exitCode: number;
  /** Whether the host printed an `::error::` line (the reason a non-zero exit fails the step). */
  errorReported: boolean;
}

const HOST_HINT = "Write it as 'user@host' or 'user@host:port', for example 'deploy@203.0.113.10:2222'.";
const NODE_HINT =
  'Install Node.js 20 or later where a non-interactive ssh login finds it (such as /usr/bin or /usr/local/bin; a version manager that changes PATH only in interactive shells is not enough).';
/** The inputs that are the runner's business: the host's run gets them empty, so it runs where it is. */
const SSH_INPUTS = ['host', 'ssh-key', 'known-hosts'];
/** Runner files and credentials that mean nothing on the host (the host gets its own files). */
const RUNNER_ONLY = new Set(
  ['WORKSPACE', 'OUTPUT', 'STEP_SUMMARY', 'STATE', 'ENV', 'PATH', 'EVENT_PATH', 'ACTION_PATH', 'TOKEN'].map(
    (n) => `GITHUB_${n}`,
  ),
);
/** Besides INPUT_* and GITHUB_*: debug logging, and the test run's marker (so a test sees every process it left). */
const PASSED = new Set(['CI', 'RUNNER_DEBUG', 'SLIPWAY_TEST_RUN']);

/**
 * Runs on the host: reads the job (one JSON line) from stdin, runs the bundle with its variables,
 * passes its output through, and sends it SIGTERM when stdin ends or stays silent for a minute
 * (the runner cancelled, or the connection is gone). Then one line, the job's token and a JSON
 * result (exit code, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), and the run folder is removed.
 */
const RUNNER_SCRIPT = `
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
let head = '', job, child, timer, finished = false, lineEnded = true;
for (const s of [process.stdout, process.stderr, process.stdin]) s.on('error', () => stop());
function stop() { if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); if (!child) process.exit(1); }
function arm() { clearTimeout(timer); timer = setTimeout(stop, ${HEARTBEAT_LIMIT_MS}); }
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, stop);
process.stdin.setEncoding('utf8');
process.stdin.on('end', stop);
process.stdin.on('data', (text) => {
  arm();
  if (job) return;
  head += text;
  if (head.includes('\\n')) start(JSON.parse(head.slice(0, head.indexOf('\\n'))));
});
function start(j) {
  job = j;
  for (const f of [j.env.GITHUB_OUTPUT, j.env.GITHUB_STEP_SUMMARY, j.env.GITHUB_STATE]) fs.writeFileSync(f, '');
  child = spawn(process.execPath, [j.entry], { cwd: j.cwd, env: { ...process.env, ...j.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => { lineEnded = d[d.length - 1] === 10; process.stdout.write(d); });
  child.stderr.on('data', (d) => process.stderr.write(d));
  child.on('error', (e) => { process.stderr.write(String(e) + '\\n'); finish(1); });
  child.on('close', (code, signal) => finish(code ?? 128 + (os.constants.signals[signal] || 0)));
}
function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  const read = (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return ''; } };
  const result = { exitCode: code, output: read(job.env.GITHUB_OUTPUT), summary: read(job.env.GITHUB_STEP_SUMMARY) };
  fs.rmSync(job.dir, { recursive: true, force: true });
  setTimeout(() => process.exit(code), 5000).unref();
  process.stdout.write((lineEnded ? '' : '\\n') + job.token + ' ' + JSON.stringify(result) + '\\n', () => process.exit(code));
}
`;
/** Renames the verified copy into place; a folder already there (another run's, verified too) wins. */
const PLACE_SCRIPT = `const fs = require('fs'); const [, from, to] = process.argv;
try { fs.renameSync(from, to); } catch (e) { fs.rmSync(from, { recursive: true, force: true }); if (!fs.existsSync(to + '/index.js')) throw e; }`;
const PROBE_SCRIPT = `process.stdout.write(JSON.stringify({ node: process.versions.node, home: require('os').homedir() }))`;

/**
 * Runs the action on the host `host` names, over SSH, and relays what it prints, its outputs and
 * summary. Before anything changes on the host, the connection is open and the host key checked:
 * a refused connection, a wrong host key, a bad key or a host without Node.js 20 is a UserError on
 * the input that fixes it. The session (and the key file with it) is closed on every path.
 */
export async function runOnHost(o: HostRunOptions, seams: HostRunSeams): Promise<HostRunOutcome> {
  // A URL in `host` may carry a password: refuse it without repeating any of it.
  if (/:\/\//.test(o.host)) throw new UserError('is a URL, not user@host[:port].', { input: 'host' }, HOST_HINT);
  const target = parseHost(o.host);
  const artifact = o.artifact === undefined ? undefined : checkArtifact(o.artifact);
  const relay = new RelayExec(seams.exec ?? actionsExec);
  const logger = seams.logger ?? nullLogger;
  const session = await openSsh({
    host: o.host,
    sshKey: o.sshKey,
    knownHosts: o.knownHosts,
    tempDir: o.tempDir,
    exec: relay.exec,
    ...(o.connectTimeoutMs !== undefined ? { connectTimeoutMs: o.connectTimeoutMs } : {}),
  });
  const label = targetLabel(target);
  let runDir: string | undefined;
  let started = false;
  try {
    const home = await probeNode(session, o.action);
    const bundle = await placeBundle(session, o, home);
    runDir = (await must(session, 'mktemp -d "${TMPDIR:-/tmp}/slipway-run.XXXXXXXX"', 'making a run folder')).trim();
    const remoteArtifact = artifact && (await copyArtifact(session, artifact, runDir, o.tempDir));
    const workspace = hostPath(o.workspace ?? '~/slipway', home);
    await must(session, `mkdir -p -- ${shellQuote(workspace)}`, 'making the workspace');
    logger.info(`${o.action} runs on ${label}, in ${workspace}`);
    if (seams.signal?.aborted) throw new UserError(`cancelled: ${o.action} did not start on ${label}.`);
    started = true;
    const job = {
      entry: posix.join(bundle, 'index.js'),
      cwd: workspace,
      dir: runDir,
      token: `slipway-result-${randomBytes(16).toString('hex')}`,
      env: hostEnv(seams.env, runDir, workspace, remoteArtifact),
    };
    return await runJob(session, relay, job, o, seams, label);
  } finally {
    // Once started, the run folder is the host's to remove: it may still be rolling back.
    if (runDir && !started) await session.run(`rm -rf -- ${shellQuote(runDir)}`).catch(() => undefined);
    await session.close();
  }
}

interface Job {
  entry: string;
  cwd: string;
  dir: string;
  token: string;
  env: Record<string, string>;
}

async function runJob(
  session: SshSession,
  relay: RelayExec,
  job: Job,
  o: HostRunOptions,
  seams: HostRunSeams,
  label: string,
): Promise<HostRunOutcome> {
  const seen: { result?: { exitCode: number; output: string; summary: string }; errorReported?: boolean } = {};
  const command = `exec node -e ${shellQuote(RUNNER_SCRIPT)} slipway-remote-run`;
  const stderr = relay.stream(command, {
    stdout: (line) => {
      if (line.startsWith(`${job.token} `))
        seen.result = JSON.parse(line.slice(job.token.length + 1)) as typeof seen.result;
      else {
        if (line.startsWith('::error')) seen.errorReported = true;
        seams.stdout(line);
      }
    },
    stderr: seams.stderr,
    ...(seams.signal ? { signal: seams.signal } : {}),
  });
  // The variables go through stdin: on the command line, `ps` on the host would show the secrets.
  const ended = await session.run(command, { input: `${JSON.stringify(job)}\n` });
  const { result } = seen;
  if (!result) {
    const last = stderr.text().trim().split('\n').pop()?.trim();
    if (ended.exitCode === 255)
      throw new UserError(
        `lost the connection to ${label} while ${o.action} ran there${last ? ` (${last})` : ''}.`,
        { input: 'host' },
        `The host stops that run within a minute (a canary in flight is rolled back there); 'slipway status' on the host shows where it stands.`,
      );
    throw new Error(`${o.action} on ${label} ended with exit code ${ended.exitCode} before it reported: ${last ?? ''}`);
  }
  for (const [name, value] of Object.entries(parseOutputFile(result.output)))
    if (o.outputs.includes(name)) seams.setOutput(name, value);
  if (result.summary) await seams.appendSummary(result.summary);
  return { exitCode: result.exitCode, errorReported: seen.errorReported ?? false };
}

/** Checks node on the host; returns the remote user's home folder. */
async function probeNode(session: SshSession, action: string): Promise<string> {
  const label = targetLabel(session.target);
  const r = await session.run(`command -v node >/dev/null 2>&1 || exit 127; exec node -e ${shellQuote(PROBE_SCRIPT)}`);
  if (r.exitCode === 127)
    throw new UserError(
      `${label} has no node on the PATH an ssh login gets: ${action} runs there, and the host needs Node.js 20 or later.`,
      { input: 'host' },
      NODE_HINT,
    );
  if (r.exitCode !== 0) throw new Error(`checking node on ${label} failed: ${r.stderr.trim().split('\n').pop()}`);
  const found = JSON.parse(r.stdout) as { node: string; home: string };
  if (Number(found.node.split('.')[0]) < 20)
    throw new UserError(
      `${label} has Node.js ${found.node}; the host needs Node.js 20 or later.`,
      { input: 'host' },
      NODE_HINT,
    );
  return found.home;
}

/** Copies the bundle to `<bundleRoot>/<action>-<digest>` unless that version is there already. */
async function placeBundle(session: SshSession, o: HostRunOptions, home: string): Promise<string> {
  const root = hostPath(o.bundleRoot ?? '~/.slipway-actions', home);
  const bundleDir = o.bundleDir();
  const name = `${o.action}-${folderDigest(bundleDir)}`;
  const final = posix.join(root, name);
  if ((await session.run(`test -f ${shellQuote(posix.join(final, 'index.js'))}`)).exitCode === 0) return final;
  // Copied under a temporary name and renamed once verified: a folder with the final name is complete.
  const partial = posix.join(root, `.${name}.partial-${randomBytes(4).toString('hex')}`);
  try {
    await session.copyDir(bundleDir, partial);
    await must(
      session,
      `exec node -e ${shellQuote(PLACE_SCRIPT)} ${shellQuote(partial)} ${shellQuote(final)}`,
      'placing the bundle',
    );
  } catch (e) {
    await session.run(`rm -rf -- ${shellQuote(partial)}`).catch(() => undefined);
    throw e;
  }
  return final;
}

interface LocalArtifact {
  path: string;
  folder: boolean;
}

function checkArtifact(path: string): LocalArtifact {
  const st = existsSync(path) ? statSync(path) : undefined;
  if (!st?.isDirectory() && !st?.isFile())
    throw new UserError(
      `${path} ${st ? 'is neither a file nor a folder' : 'does not exist'} on the runner.`,
      { input: 'artifact' },
      'Build it earlier in the job: with host set, the artifact is copied from the runner to the host.',
    );
  return { path, folder: st.isDirectory() };
}

/**
 * Copies the artifact into `<runDir>/artifact/`, under its own name (a folder's name can be its
 * version); an archive goes with its manifest, staged in a folder of its own so that copyDir's
 * sha256 check covers both. Returns the artifact's path on the host.
 */
async function copyArtifact(session: SshSession, a: LocalArtifact, runDir: string, tempDir: string): Promise<string> {
  const name = basename(a.path) || 'artifact';
  const into = posix.join(runDir, 'artifact');
  if (a.folder) {
    await session.copyDir(a.path, posix.join(into, name));
    return posix.join(into, name);
  }
  const stage = mkdtempSync(join(tempDir, 'artifact-'));
  try {
    const manifests = [`${name.replace(/\.(tar\.gz|tgz)$/, '')}.manifest.json`, 'manifest.json'];
    for (const file of [name, ...manifests]) {
      const from = join(dirname(a.path), file);
      if (file !== name && !existsSync(from)) continue;
      try {
        linkSync(from, join(stage, file));
      } catch {
        copyFileSync(from, join(stage, file));
      }
    }
    await session.copyDir(stage, into);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return posix.join(into, name);
}

/** The environment of the run on the host: the step's inputs and GitHub context, with the host's own files. */
function hostEnv(
  env: NodeJS.ProcessEnv,
  runDir: string,
  workspace: string,
  artifact: string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (
      value !== undefined &&
      (name.startsWith('INPUT_') || (name.startsWith('GITHUB_') && !RUNNER_ONLY.has(name)) || PASSED.has(name))
    )
      out[name] = value;
  for (const name of SSH_INPUTS) out[inputEnvName(name)] = '';
  if (artifact !== undefined) out[inputEnvName('artifact')] = artifact;
  return {
    ...out,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: posix.join(runDir, 'output'),
    GITHUB_STEP_SUMMARY: posix.join(runDir, 'summary'),
    GITHUB_STATE: posix.join(runDir, 'state'),
    RUNNER_TEMP: runDir,
  };
}

/** `~` and `~/x` under the host user's home; anything else must be absolute. */
function hostPath(path: string, home: string): string {
  if (path === '~' || path.startsWith('~/')) return posix.join(home, path.slice(1));
  if (!path.startsWith('/')) throw new Error(`a folder on the host must be absolute or start with ~/, not ${path}`);
  return path;
}

/** Runs a command that must succeed; returns its stdout. */
async function must(session: SshSession, command: string, what: string): Promise<string> {
  const r = await session.run(command);
  if (r.exitCode !== 0)
    throw new Error(
      `${what} on ${targetLabel(session.target)} failed (exit code ${r.exitCode}): ${r.stderr.trim().split('\n').pop()}`,
    );
  return r.stdout;
}

/** A short sha256 of every file under a folder (names and contents), which names a bundle's version. */
function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = posix.join(rel, name);
      const st = statSync(join(dir, path));
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) hash.update(`${path}\0${st.size}\0`).update(readFileSync(join(dir, path)));
    }
  };
  walk('');
  return hash.digest('hex').slice(0, 16);
}

/** GITHUB_OUTPUT's `name<<delimiter` and `name=value` records. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      outputs[heredoc[1]!] = value.join('\n');
    } else if (lines[i]!.includes('='))
      outputs[lines[i]!.split('=', 1)[0]!] = lines[i]!.slice(lines[i]!.indexOf('=') + 1);
  }
  return outputs;
}
