// Copies a folder to a remote host as one tar stream over the shared ssh connection, then proves
// the copy: a sha256 listing of every file, made on both sides, must be identical. tar can exit
// 0 on a stream cut short by a dropped connection; the listing cannot be fooled that way.
import { statSync } from 'node:fs';
import { shellQuote, type Exec } from '@slipway/action-kit/lite';
import { targetLabel, type SshTarget } from './host.js';
import { sshInternalError, sshUserError } from './ssh-errors.js';
import type { RemoteResult } from './types.js';

/** What copyDir borrows from the session. */
export interface CopyContext {
  exec: Exec;
  env: Record<string, string>;
  target: SshTarget;
  /** The full ssh command line for a remote command. */
  sshArgs(command: string): string[];
  /** Runs a remote command on the shared connection. */
  run(command: string): Promise<RemoteResult>;
}

/**
 * bash for PIPESTATUS: a plain sh reports only the last command of a pipeline, and a tar that
 * failed locally must not pass for a remote failure. Exit 100 says the local tar failed.
 */
const PIPE =
  'dir=$1; shift; tar -C "$dir" -cf - . | "$@"; s=("${PIPESTATUS[@]}"); [ "${s[0]}" = 0 ] || exit 100; exit "${s[1]}"';
const TAR_FAILED = 100;
/** Byte order, not the locale's, so both sides sort alike; `-r` so an empty folder lists nothing. */
const LISTING = 'find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum';

/** Copies localDir's contents into remoteDir; an Error when the remote files differ afterwards (remoteDir should start empty). */
export async function copyDir(ctx: CopyContext, localDir: string, remoteDir: string): Promise<void> {
  if (!statSync(localDir).isDirectory()) throw new Error(`${localDir} is not a folder`);
  if (remoteDir === '') throw new Error('copyDir needs a remote folder');
  const where = `${targetLabel(ctx.target)}:${remoteDir}`;
  const dest = shellQuote(remoteDir);
  // -o: files belong to the remote user, not to the runner's uid; -p: modes as they are here.
  const unpack = `mkdir -p -- ${dest} && tar -C ${dest} -xpof -`;
  const sent = await ctx.exec('bash', ['-c', PIPE, 'bash', localDir, 'ssh', ...ctx.sshArgs(unpack)], {
    env: ctx.env,
    silent: true,
    ignoreReturnCode: true,
  });
  if (sent.exitCode === TAR_FAILED) throw new Error(`archiving ${localDir} failed: ${lastLine(sent.stderr)}`);
  if (sent.exitCode === 255)
    throw sshUserError(sent.stderr, ctx.target) ?? sshInternalError(`copying to ${remoteDir}`, sent.stderr, ctx.target);
  if (sent.exitCode !== 0)
    throw new Error(`unpacking into ${where} failed (exit code ${sent.exitCode}): ${lastLine(sent.stderr)}`);

  const local = await ctx.exec('sh', ['-c', `cd "$1" && ${LISTING}`, 'sh', localDir], {
    env: ctx.env,
    silent: true,
    ignoreReturnCode: true,
  });
  if (local.exitCode !== 0) throw new Error(`listing ${localDir} failed: ${lastLine(local.stderr)}`);
  const remote = await ctx.run(`cd -- ${dest} && ${LISTING}`);
  if (remote.exitCode !== 0) throw new Error(`listing ${where} failed: ${lastLine(remote.stderr)}`);
  const differences = compare(parse(local.stdout), parse(remote.stdout));
  if (differences.length > 0)
    throw new Error(`the copy at ${where} does not match ${localDir}: ${differences.slice(0, 5).join('; ')}`);
}

/** sha256sum's `<hash>  <path>` lines as path → hash. */
function parse(listing: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const line of listing.split('\n')) {
    const m = /^\\?([0-9a-f]{64}) [ *](.*)$/.exec(line);
    if (m) files.set(m[2]!, m[1]!);
  }
  return files;
}

function compare(local: Map<string, string>, remote: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, hash] of local) {
    const there = remote.get(path);
    if (there === undefined) out.push(`${path} is missing there`);
    else if (there !== hash) out.push(`${path} differs`);
  }
  for (const path of remote.keys()) if (!local.has(path)) out.push(`${path} is there but not here`);
  return out;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() || 'no message';
}
