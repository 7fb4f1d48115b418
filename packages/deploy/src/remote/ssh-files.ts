// The files an ssh session needs (the key, known_hosts, the control socket) in a folder only this
// user can open, and the checks on the key and known_hosts that run before any connection: a bad
// key or a host known_hosts does not list is the user's to fix, and ssh would only say "failed".
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, type Exec } from '@slipway/action-kit/lite';
import { knownHostsName, type SshTarget } from './host.js';

/** Where a session keeps its files. */
export interface SessionFiles {
  dir: string;
  keyFile: string;
  knownHostsFile: string;
  controlPath: string;
}

const KEY_HINT =
  "Put the whole private key file (the one without .pub, from 'ssh-keygen -t ed25519 -N ''') in the secret.";
const PEM =
  /^-----BEGIN ((?:OPENSSH|RSA|EC|DSA) )?PRIVATE KEY-----\n[A-Za-z0-9+/=:,\-\s]+\n-----END \1?PRIVATE KEY-----$/;
/** A unix socket's path must fit in sun_path: 108 bytes on Linux, 104 on macOS. */
const MAX_SOCKET_PATH = 100;

/**
 * The key as ssh wants to read it, or a UserError on `ssh-key` that never repeats any of it.
 * Secrets pasted through a browser often gain CRLF line ends or lose the final newline, and ssh
 * refuses a key with either, so both are mended rather than reported.
 */
export function normalizePrivateKey(text: string): string {
  let key = text.replace(/\r\n?/g, '\n').trim();
  // Stored with its newlines escaped, as some secret stores and YAML strings do.
  if (!key.includes('\n') && key.includes('\\n')) key = key.replace(/\\n/g, '\n').trim();
  if (/^-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type: 4,ENCRYPTED/m.test(key)) throw passphraseError();
  if (PEM.test(key)) return `${key}\n`;
  const publicKey = /^(?:ssh-|ecdsa-|sk-)\S+ AAAA/.test(key) || key.startsWith('---- BEGIN SSH2 PUBLIC KEY');
  throw new UserError(
    publicKey ? 'is a public key, not a private key.' : 'is not a private key (an OpenSSH or PEM private key).',
    { input: 'ssh-key' },
    KEY_HINT,
  );
}

function passphraseError(): UserError {
  return new UserError(
    'is protected by a passphrase, which a workflow cannot type.',
    { input: 'ssh-key' },
    "Use a key without one: 'ssh-keygen -t ed25519 -N ''', or remove it with 'ssh-keygen -p -N '' -f <key>'.",
  );
}

/** Writes the key (0600) and known_hosts into a fresh 0700 folder under tempDir. */
export function writeSessionFiles(tempDir: string, key: string, knownHosts: string): SessionFiles {
  let dir = mkdtempSync(join(tempDir, 'slipway-ssh-'));
  // A deep runner temp folder can leave no room for the socket's name; the system one is short.
  if (join(dir, 'control').length > MAX_SOCKET_PATH) dir = mkdtempSync(join(tmpdir(), 'slipway-ssh-'));
  chmodSync(dir, 0o700);
  const files: SessionFiles = {
    dir,
    keyFile: join(dir, 'key'),
    knownHostsFile: join(dir, 'known_hosts'),
    controlPath: join(dir, 'control'),
  };
  writeFileSync(files.keyFile, key, { mode: 0o600, flag: 'wx' });
  writeFileSync(files.knownHostsFile, `${knownHosts.replace(/\r\n?/g, '\n').trim()}\n`, { mode: 0o600, flag: 'wx' });
  return files;
}

/** Has ssh-keygen read the key, so that a damaged key is reported as one and not as a refused login. */
export async function checkKeyReadable(exec: Exec, files: SessionFiles, env: Record<string, string>): Promise<void> {
  // `-P ''` answers the passphrase prompt, so a protected key fails here instead of waiting for a tty.
  const r = await exec('ssh-keygen', ['-y', '-P', '', '-f', files.keyFile], {
    env,
    silent: true,
    ignoreReturnCode: true,
    timeoutMs: 30_000,
  });
  if (r.exitCode === 0) return;
  if (/passphrase/i.test(r.stderr)) throw passphraseError();
  throw new UserError(
    'is not a private key ssh can read (it is damaged or cut short).',
    { input: 'ssh-key' },
    KEY_HINT,
  );
}

/** A UserError on `known-hosts` unless it lists the host under the name ssh will look it up by. */
export async function checkKnownHosts(
  exec: Exec,
  files: SessionFiles,
  target: SshTarget,
  env: Record<string, string>,
): Promise<void> {
  const name = knownHostsName(target);
  const r = await exec('ssh-keygen', ['-F', name, '-f', files.knownHostsFile], {
    env,
    silent: true,
    ignoreReturnCode: true,
    timeoutMs: 30_000,
  });
  if (r.exitCode === 0 && r.stdout.trim() !== '') return;
  throw new UserError(
    `does not list ${name}${target.port === 22 ? '' : ` (on a port other than 22, ssh looks hosts up as [host]:port)`}.`,
    { input: 'known-hosts' },
    `Add the lines 'ssh-keyscan -p ${target.port} ${target.host}' prints, after checking their fingerprints against the server's.`,
  );
}
