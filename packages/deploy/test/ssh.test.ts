// The ssh transport against a real OpenSSH server started here on loopback: commands, the shared
// master connection, copies, cleanup of the key, and every failure mapped to the input that fixes
// it. Nothing the tests see (errors, log lines, process output) may contain the private key.
import { afterAll, beforeAll, expect } from '@jest/globals';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { RecordingLogger, shellQuote } from '@slipway/action-kit/lite';
import { closedPort, hasCommand, makeTree, needsTool, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { openSsh, type SshOptions, type SshSession } from '../src/remote/index.js';
import { generateKey, knownHostsLine, SSHD, startSshd, type TestSshd } from './sshd-harness.js';

// sshd may live in /usr/sbin, off an ordinary user's PATH: SSHD is its absolute path when it exists.
const { describe, it } = needsTool(hasCommand('ssh') ? SSHD : 'ssh');

describe('ssh transport', () => {
  let sshd: TestSshd;
  let scratch: string;
  let other: { privateKey: string; publicKey: string };
  const logger = new RecordingLogger();
  const seen: string[] = [];
  const sessions: SshSession[] = [];
  const written: string[] = [];
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };

  /** A fresh temp folder for one session, so a test can look at exactly what the session left there. */
  const tempDir = (): string => {
    const dir = join(scratch, `t${readdirSync(scratch).length}`);
    mkdirSync(dir);
    return dir;
  };
  const options = (more: Partial<SshOptions> = {}): SshOptions => ({
    host: `${userInfo().username}@127.0.0.1:${sshd.port}`,
    sshKey: sshd.userKey,
    knownHosts: sshd.hostKeyLine,
    tempDir: tempDir(),
    connectTimeoutMs: 10_000,
    logger,
    ...more,
  });
  const open = async (more: Partial<SshOptions> = {}): Promise<SshSession> => {
    const session = await openSsh(options(more));
    sessions.push(session);
    return session;
  };
  /** The error openSsh rejected with, its texts kept for the final scan. */
  const failure = async (more: Partial<SshOptions>): Promise<unknown> => {
    const o = options(more);
    const error = await openSsh(o).then(
      (s) => {
        sessions.push(s);
        throw new Error('openSsh connected');
      },
      (e: unknown) => e,
    );
    const e = error as Error & { describe?: () => string };
    seen.push(e.message, e.stack ?? '', e.describe?.() ?? '');
    // Whatever failed, the session's folder (and the key in it) is gone.
    expect(readdirSync(o.tempDir)).toEqual([]);
    return error;
  };
  const count = (pattern: RegExp): number =>
    sshd
      .log()
      .split('\n')
      .filter((l) => pattern.test(l)).length;
  const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    // Everything this process prints is kept for the scan for the key at the end.
    for (const stream of ['stdout', 'stderr'] as const) {
      const original = writes[stream];
      process[stream].write = ((chunk: unknown, ...rest: never[]) => {
        written.push(String(chunk));
        return original.call(process[stream], chunk as string, ...rest);
      }) as typeof process.stdout.write;
    }
    scratch = makeTree({}, 'slipway-ssh-');
    other = generateKey(scratch, 'other_key');
    sshd = await startSshd();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await sshd?.stop();
    removeTree(scratch);
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  });

  it('runs commands through the remote shell, with exit codes, stderr and input', async () => {
    const ssh = await open();
    expect(await ssh.run('echo hi')).toEqual({ exitCode: 0, stdout: 'hi\n', stderr: '' });
    expect(await ssh.run('echo oops >&2; exit 3')).toEqual({ exitCode: 3, stdout: '', stderr: 'oops\n' });
    expect((await ssh.run('exit 255')).exitCode).toBe(255);
    expect((await ssh.run('cat', { input: 'from stdin' })).stdout).toBe('from stdin');
    const word = `it's a "word" with $HOME and spaces`;
    expect((await ssh.run(`printf %s ${shellQuote(word)}`)).stdout).toBe(word);
    expect(logger.messages('info')).toContain(`ssh ${ssh.target.user}@127.0.0.1:${sshd.port}: echo hi`);
  });

  it('ends a command that outlives its timeout', async () => {
    const ssh = await open();
    const pidFile = join(scratch, 'timed.pid');
    const run = ssh.run(`echo $$ > ${shellQuote(pidFile)}; sleep 30`, { timeoutMs: 500 });
    await expect(run).rejects.toThrow(/did not finish within 500ms/);
    // The remote side (this machine) ended it too: nothing is left sleeping there.
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    expect((await ssh.run('echo still here')).stdout).toBe('still here\n');
  });

  it('logs in once and runs later commands over the master connection', async () => {
    const before = count(/Accepted publickey/);
    const ssh = await open();
    for (let i = 0; i < 50 && count(/Accepted publickey/) === before; i++) await settle(50);
    expect(count(/Accepted publickey/)).toBe(before + 1);
    await ssh.run('true');
    await ssh.run('echo again');
    await settle();
    expect(count(/Accepted publickey/)).toBe(before + 1);
  });

  it('keeps the key 0600 in a 0700 folder while open, and removes both on close', async () => {
    const temp = tempDir();
    const ssh = await open({ tempDir: temp });
    const [folder] = readdirSync(temp);
    const dir = join(temp, folder!);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'control')).isSocket()).toBe(true);
    await ssh.close();
    expect(readdirSync(temp)).toEqual([]);
    await ssh.close();
    await expect(ssh.run('true')).rejects.toThrow(/closed/);
  });

  it('copies a tree with nested files and modes, and the remote side holds the same files', async () => {
    const files = {
      'a.txt': 'alpha\n',
      'nested/deep/b.txt': 'beta\n',
      'bin/start.sh': '#!/bin/sh\necho start\n',
      "odd names/it's here.txt": 'quoted\n',
      'empty.txt': '',
    };
    const local = makeTree(files, 'slipway-ssh-local-');
    chmodSync(join(local, 'bin/start.sh'), 0o750);
    const remote = join(scratch, 'remote', 'release 1');
    try {
      const ssh = await open();
      await ssh.copyDir(local, remote);
      for (const [path, content] of Object.entries(files))
        expect(readFileSync(join(remote, path), 'utf8')).toBe(content);
      expect(statSync(join(remote, 'bin/start.sh')).mode & 0o777).toBe(0o750);
      expect((await ssh.run(`${shellQuote(join(remote, 'bin/start.sh'))}`)).stdout).toBe('start\n');
    } finally {
      removeTree(local);
    }
  });

  it('fails a copy whose remote files do not match the local ones', async () => {
    const local = makeTree({ 'a.txt': 'alpha\n' }, 'slipway-ssh-local-');
    const remote = join(scratch, 'remote-dirty');
    mkdirSync(remote);
    writeFileSync(join(remote, 'stale.txt'), 'left from before\n');
    try {
      const ssh = await open();
      await expect(ssh.copyDir(local, remote)).rejects.toThrow(/does not match .*\.\/stale\.txt is there but not here/);
    } finally {
      removeTree(local);
    }
  });

  it('reports a closed port as a UserError on host', async () => {
    const port = await closedPort();
    const e = await failure({
      host: `root@127.0.0.1:${port}`,
      knownHosts: sshd.hostKeyLine.replace(/\]:\d+ /, `]:${port} `),
    });
    expect(e).toEqual(userError('host', new RegExp(`cannot connect to root@127.0.0.1:${port}: connection refused`)));
  });

  it('refuses a host whose key is not the one known-hosts holds, and runs nothing', async () => {
    const before = count(/Accepted publickey/);
    const e = await failure({ knownHosts: knownHostsLine(sshd.port, other.publicKey) });
    expect(e).toEqual(userError('known-hosts', /does not match the host key .* presented; nothing was run/));
    await settle();
    expect(count(/Accepted publickey/)).toBe(before);
  });

  it('refuses a known-hosts that does not list the host, before connecting', async () => {
    const before = count(/Connection from/);
    // sshd logs one such line per connection at VERBOSE; earlier tests have connected.
    expect(before).toBeGreaterThan(0);
    const e = await failure({ knownHosts: `127.0.0.1 ${other.publicKey}\nexample.com ${other.publicKey}` });
    expect(e).toEqual(userError('known-hosts', new RegExp(`does not list \\[127.0.0.1\\]:${sshd.port}`)));
    await expect(failure({ knownHosts: ' \n' })).resolves.toEqual(userError('known-hosts', /is required/));
    await settle();
    expect(count(/Connection from/)).toBe(before);
  });

  it.each([
    ['text that is no key', 'no-key-SECRET-TEXT-4711', /is not a private key/],
    ['a public key', other_public_placeholder(), /is a public key/],
    [
      'a damaged key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nU0VDUkVULVRFWFQtNDcxMQ==\n-----END OPENSSH PRIVATE KEY-----\n',
      /not a private key ssh can read/,
    ],
  ])('refuses %s as ssh-key without repeating it', async (_, sshKey, message) => {
    const e = await failure({ sshKey });
    expect(e).toEqual(userError('ssh-key', message));
    for (const text of seen) expect(text).not.toMatch(/SECRET-TEXT|U0VDUkVULVRFWFQtNDcxMQ|AAAAC3Nza/);
  });

  it('reports a key the server does not accept as a UserError on ssh-key', async () => {
    const e = await failure({ sshKey: other.privateKey });
    expect(e).toEqual(userError('ssh-key', /was refused by .*127\.0\.0\.1/));
  });

  it('refuses a malformed host before doing anything', async () => {
    const e = await failure({ host: '-oProxyCommand=touch@x' });
    expect(e).toEqual(userError('host', /starts with -/));
  });

  it('never shows a private key in an error, a log line or any output', () => {
    const secrets = [sshd.userKey, other.privateKey].flatMap((key) =>
      key
        .split('\n')
        .filter((line) => line.length >= 16 && !line.startsWith('-----'))
        .map((line) => line.trim()),
    );
    expect(secrets.length).toBeGreaterThan(4);
    const texts = [...seen, ...logger.records.map((r) => r.message), ...written];
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) for (const secret of secrets) expect(text.includes(secret)).toBe(false);
  });
});

/** A public key in the form users paste by mistake (made up: the test only checks its shape is refused). */
function other_public_placeholder(): string {
  return 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPLACEHOLDERPLACEHOLDERPLACEHOLDERPLACEHOL me@laptop';
}
