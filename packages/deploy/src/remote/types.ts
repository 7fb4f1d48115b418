// The shapes of the ssh transport: what opening a session takes and what a session can do.
import type { Exec, Logger } from '@slipway/action-kit/lite';
import type { SshTarget } from './host.js';

/** What openSsh needs; `host`, `sshKey` and `knownHosts` are the action inputs of those names. */
export interface SshOptions {
  /** `user@host[:port]`. */
  host: string;
  /** The private key's text; written only to a 0600 file that close() removes. */
  sshKey: string;
  /** known_hosts lines that must list the host. */
  knownHosts: string;
  /** Where the session's private folder is made (the runner's temp folder). */
  tempDir: string;
  /** How long connecting may take; default 30 s. */
  connectTimeoutMs?: number;
  /** Runs ssh and ssh-keygen; actionsExec by default. */
  exec?: Exec;
  /** Gets one line per remote command and copy; nothing by default. */
  logger?: Logger;
}

/** How a remote command ended. */
export interface RemoteResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Options for one remote command. */
export interface RemoteRunOptions {
  /** Sent to the command's standard input. */
  input?: string;
  /**
   * Rejects with an Error once the command has run this many ms. The remote side enforces it
   * (timeout(1) around the command, in the user's shell), so the command does not live on there.
   */
  timeoutMs?: number;
}

/** An open connection to a remote host. */
export interface SshSession {
  readonly target: SshTarget;
  /** Runs a command through the remote user's shell; quote its words with shellQuote. Any exit code resolves. */
  run(command: string, options?: RemoteRunOptions): Promise<RemoteResult>;
  /** Copies a local folder's files into remoteDir (made if missing) and checks every file's sha256 on both sides. */
  copyDir(localDir: string, remoteDir: string): Promise<void>;
  /** Ends the shared connection and removes the session's folder with the key; safe to call twice. */
  close(): Promise<void>;
}
