// One ssh connection to a remote host, opened once and reused: the first command starts a
// ControlMaster in the background and every later command (and copy) rides on its socket, so a
// deploy of many steps pays for one handshake. Host keys are always checked against known-hosts.
import { existsSync, rmSync } from 'node:fs';
import {
  actionsExec,
  formatDuration,
  nullLogger,
  redactCredentials,
  shellQuote,
  UserError,
  withoutRunnerCredentials,
  type Exec,
  type ExecResult,
  type Logger,
} from '@slipway/action-kit/lite';
import { copyDir } from './copy-dir.js';
import { parseHost, targetLabel, type SshTarget } from './host.js';
import { sshInternalError, sshUserError } from './ssh-errors.js';
import {
  checkKeyReadable,
  checkKnownHosts,
  normalizePrivateKey,
  writeSessionFiles,
  type SessionFiles,
} from './ssh-files.js';
import type { RemoteResult, RemoteRunOptions, SshOptions, SshSession } from './types.js';

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
/** ssh exits 255 for its own failures; anything else is the remote command's status. */
const SSH_FAILED = 255;
/** How long past a command's timeout the master is ended, should the remote timeout(1) not have acted. */
const BACKSTOP_MS = 15_000;

/**
 * Checks the key and known-hosts, then connects once (starting the shared master connection).
 * Every failure the user can fix is a UserError on `host`, `ssh-key` or `known-hosts`; on any
 * failure the session's folder, key included, is gone before this rejects.
 */
export async function openSsh(options: SshOptions): Promise<SshSession> {
  const target = parseHost(options.host);
  const key = normalizePrivateKey(options.sshKey);
  if (options.knownHosts.trim() === '')
    throw new UserError(
      'is required when host is set: ssh checks the host key against it.',
      { input: 'known-hosts' },
      `Add the lines 'ssh-keyscan -p ${target.port} ${target.host}' prints, after checking their fingerprints.`,
    );
  const files = writeSessionFiles(options.tempDir, key, options.knownHosts);
  const session = new OpenSshSession(target, files, options);
  try {
    await session.connect();
    return session;
  } catch (e) {
    await session.close();
    throw e;
  }
}

class OpenSshSession implements SshSession {
  private readonly exec: Exec;
  private readonly logger: Logger;
  private readonly env: Record<string, string>;
  private readonly connectTimeoutMs: number;
  private closed = false;

  constructor(
    readonly target: SshTarget,
    private readonly files: SessionFiles,
    options: SshOptions,
  ) {
    this.exec = options.exec ?? actionsExec;
    this.logger = options.logger ?? nullLogger;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.env = withoutRunnerCredentials(process.env);
    // IdentitiesOnly already ignores an agent's keys; without the socket ssh does not ask it at all.
    delete this.env.SSH_AUTH_SOCK;
  }

  /** The ssh arguments every invocation shares, up to (not including) `--` and the host. */
  private options(): string[] {
    const o = (setting: string): string[] => ['-o', setting];
    return [
      // The runner user's ~/.ssh/config must not change where or how this connects.
      ...['-F', '/dev/null'],
      ...o('BatchMode=yes'),
      ...o('StrictHostKeyChecking=yes'),
      ...o(`UserKnownHostsFile=${this.files.knownHostsFile}`),
      ...o('GlobalKnownHostsFile=/dev/null'),
      ...o('UpdateHostKeys=no'),
      ...o('IdentitiesOnly=yes'),
      ...['-i', this.files.keyFile],
      ...o(`ConnectTimeout=${Math.max(1, Math.ceil(this.connectTimeoutMs / 1000))}`),
      // A dead network is noticed within a minute rather than when TCP gives up.
      ...o('ServerAliveInterval=15'),
      ...o('ServerAliveCountMax=4'),
      ...o('ControlMaster=auto'),
      ...o(`ControlPath=${this.files.controlPath}`),
      // Bounds a master that close() never reached (a killed job): it ends after a minute idle.
      ...o('ControlPersist=60'),
      // Errors only: warnings (such as newer clients' key-exchange notices) would land in every command's stderr.
      ...o('LogLevel=ERROR'),
      ...['-p', String(this.target.port), '-l', this.target.user],
    ];
  }

  /** The full ssh command line for a remote command: options, `--` so the host can never be read as one, host, command. */
  sshArgs(command: string): string[] {
    return [...this.options(), '--', this.target.host, command];
  }

  /** Checks the key and known-hosts, then logs in once, which leaves the master connection running. */
  async connect(): Promise<void> {
    await checkKeyReadable(this.exec, this.files, this.env);
    await checkKnownHosts(this.exec, this.files, this.target, this.env);
    // ssh's own ConnectTimeout covers the TCP connect only; this bounds the handshake and login too.
    const r = await this.ssh(this.sshArgs('true'), { timeoutMs: this.connectTimeoutMs + 10_000 });
    if (r.timedOut)
      throw new UserError(
        `cannot connect to ${targetLabel(this.target)}: no answer within ${formatDuration(this.connectTimeoutMs)}.`,
        { input: 'host' },
        'Check the host and port, and that a firewall lets the runner in.',
      );
    if (r.exitCode === 0) return;
    if (r.exitCode === SSH_FAILED)
      throw sshUserError(r.stderr, this.target) ?? sshInternalError('connecting', r.stderr, this.target);
    throw new UserError(
      `logged in to ${targetLabel(this.target)}, but its shell could not run 'true' (exit code ${r.exitCode}).`,
      { input: 'host' },
      `Give ${this.target.user} a login shell such as /bin/sh on the host.`,
    );
  }

  async run(command: string, options: RemoteRunOptions = {}): Promise<RemoteResult> {
    this.logger.info(`ssh ${targetLabel(this.target)}: ${redactCredentials(command)}`);
    return this.runQuietly(command, options);
  }

  /** run() without the log line, for this module's own plumbing. */
  async runQuietly(command: string, options: RemoteRunOptions = {}): Promise<RemoteResult> {
    if (this.closed) throw new Error(`the ssh session to ${targetLabel(this.target)} is closed`);
    const { timeoutMs } = options;
    if (timeoutMs === undefined) return this.finish(await this.ssh(this.sshArgs(command), options));
    // Killing the local client would not be enough: it has handed its stdout and stderr to the
    // master, which holds them (and so this process's wait) until the remote command ends, and
    // without a tty the remote command would not notice. So the remote side enforces the limit
    // with timeout(1), in the user's own shell; should that fail, ending the master frees us.
    const started = performance.now();
    const limited = `timeout -k 5 ${Math.max(1, Math.ceil(timeoutMs / 1000))} "\${SHELL:-/bin/sh}" -c ${shellQuote(command)}`;
    let backstop = false;
    const timer = setTimeout(() => {
      backstop = true;
      void this.ssh(this.exitMaster(), { timeoutMs: 10_000 });
    }, timeoutMs + BACKSTOP_MS);
    const r = await this.ssh(this.sshArgs(limited), { ...options, timeoutMs: undefined }).finally(() =>
      clearTimeout(timer),
    );
    // timeout(1) exits 124 when it sent its signal, or 128+9 when the command needed the KILL.
    if (backstop || (performance.now() - started >= timeoutMs && [124, 137].includes(r.exitCode)))
      throw new Error(`a command on ${targetLabel(this.target)} did not finish within ${formatDuration(timeoutMs)}`);
    if (r.exitCode === 127 && /timeout: (?:command )?not found|timeout: No such file/.test(r.stderr))
      throw new UserError(
        `has no timeout command, which slipway needs to bound a command's time.`,
        { input: 'host' },
        'Install coreutils (or busybox) on the host.',
      );
    return this.finish(r);
  }

  private finish(r: ExecResult): RemoteResult {
    // A remote command may exit 255 itself; only ssh's own messages make it an ssh failure.
    const failure = r.exitCode === SSH_FAILED ? sshUserError(r.stderr, this.target) : undefined;
    if (failure) throw failure;
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  }

  /** Arguments for `ssh -O exit`, which ends the master connection and every command on it. */
  private exitMaster(): string[] {
    return [...this.options(), '-O', 'exit', '--', this.target.host];
  }

  async copyDir(localDir: string, remoteDir: string): Promise<void> {
    if (this.closed) throw new Error(`the ssh session to ${targetLabel(this.target)} is closed`);
    this.logger.info(`copying ${localDir} to ${targetLabel(this.target)}:${remoteDir}`);
    await copyDir(
      {
        exec: this.exec,
        env: this.env,
        target: this.target,
        sshArgs: (command) => this.sshArgs(command),
        run: (command) => this.runQuietly(command),
      },
      localDir,
      remoteDir,
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (existsSync(this.files.controlPath)) await this.ssh(this.exitMaster(), { timeoutMs: 10_000 });
    } finally {
      rmSync(this.files.dir, { recursive: true, force: true });
    }
  }

  private ssh(args: string[], options: RemoteRunOptions) {
    return this.exec('ssh', args, {
      env: this.env,
      silent: true,
      ignoreReturnCode: true,
      ...(options.input !== undefined ? { input: options.input } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  }
}
