// A real OpenSSH server for the SSH transport's tests: `sshd -D -e` in the foreground as this
// test's child, as the current user, on a free loopback port, with a host key and one authorised
// user key generated for it. Everything it needs stays in a folder of its own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { closedPort, hasCommand, makeTree, removeTree } from '../../../test/harness.js';

/**
 * sshd's absolute path (sshd refuses to start from a relative one). Debian puts it in /usr/sbin,
 * which an ordinary user's PATH often lacks, so look there too; `sshd` itself when it is nowhere,
 * so that needsTool reports it missing.
 */
export const SSHD =
  [...(hasCommand('sshd') ? [commandPath('sshd')] : []), '/usr/sbin/sshd', '/usr/local/sbin/sshd'].find(
    (p) => p && existsSync(p),
  ) ?? 'sshd';

function commandPath(name: string): string {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
}

/** A running sshd. */
export interface TestSshd {
  port: number;
  /** The server's host key as a known_hosts line for `[127.0.0.1]:port`. */
  hostKeyLine: string;
  /** The private key (OpenSSH format) that authorized_keys lists. */
  userKey: string;
  /** Everything sshd has logged so far (`-e`: to stderr), at VERBOSE. */
  log(): string;
  stop(): Promise<void>;
}

/** Generates an ed25519 key pair without a passphrase; returns the private and public key texts. */
export function generateKey(dir: string, name: string): { privateKey: string; publicKey: string } {
  const file = join(dir, name);
  const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', file], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`ssh-keygen failed: ${made.stderr}`);
  return { privateKey: readFileSync(file, 'utf8'), publicKey: readFileSync(`${file}.pub`, 'utf8').trim() };
}

/** A known_hosts line for `[127.0.0.1]:port` from an `ssh-ed25519 AAAA… comment` public key. */
export function knownHostsLine(port: number, publicKey: string): string {
  const [type, key] = publicKey.split(' ');
  return `[127.0.0.1]:${port} ${type} ${key}`;
}

/** Starts sshd; resolves once it accepts connections. */
export async function startSshd(): Promise<TestSshd> {
  const dir = makeTree({}, 'slipway-sshd-');
  const port = await closedPort();
  const host = generateKey(dir, 'host_ed25519');
  const user = generateKey(dir, 'user_ed25519');
  writeFileSync(join(dir, 'authorized_keys'), `${user.publicKey}\n`, { mode: 0o600 });
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_ed25519')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'UsePAM no',
      // The folder is the test's temporary one, not a home directory sshd would vouch for.
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      // VERBOSE logs one "Accepted publickey" line per connection, which the reuse test counts.
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  // sshd's privilege separation wants this empty folder; a container's /run starts without it.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let attempt = 0; !(await accepts(port)); attempt++) {
    if (child.exitCode !== null) throw new Error(`sshd exited with code ${child.exitCode}:\n${output}`);
    if (attempt === 300) throw new Error(`sshd did not listen on ${port}:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    hostKeyLine: knownHostsLine(port, host.publicKey),
    userKey: user.privateKey,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      removeTree(dir);
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((r) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      r(true);
    });
    socket.once('error', () => r(false));
  });
}
