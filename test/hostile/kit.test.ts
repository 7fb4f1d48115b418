// Hostile input against the shared kit every action uses: workflow-command injection, regexes
// that backtrack, special files, output paths through links, credentials in URLs, processes that
// hang or flood, and the CLI's exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  actionsExec,
  commandSafe,
  outputPath,
  readUserFile,
  redactCredentials,
  shellQuote,
  withoutRunnerCredentials,
  writeFileAtomic,
} from '@slipway/action-kit/lite';
import { compileUserPattern } from '@slipway/action-kit/pattern';
import { main } from '../../packages/cli/src/cli.js';
import { REPO, makeTree, removeTree } from '../harness.js';
import { userError } from '../matchers.js';

const trees: string[] = [];
const tree = (files: Record<string, string> = {}): string => {
  const t = makeTree(files, 'slipway-hostile-');
  trees.push(t);
  return t;
};
afterAll(() => trees.forEach(removeTree));

/** The lines the runner would act on as workflow commands, honouring ::stop-commands::. */
function commandsSeen(log: string): string[] {
  const seen: string[] = [];
  let stopped: string | undefined;
  for (const line of log.split('\n')) {
    if (stopped) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopped = stop[1];
    else if (line.trimStart().startsWith('::')) seen.push(line.trim());
  }
  return seen;
}

describe('workflow-command injection', () => {
  it('wraps text holding :: so the runner ignores commands in it, and leaves plain text alone', () => {
    const hostile = 'folder x\n::warning title=INJECTED::pwned\n::add-mask::x';
    const safe = commandSafe(hostile);
    expect(commandsSeen(safe)).toStrictEqual([]);
    expect(commandsSeen(hostile)).toHaveLength(2); // the check itself can fail
    expect(safe).toContain(hostile);
    expect(commandSafe('plain text')).toBe('plain text');
  });

  it('uses a token the text cannot guess, so the text cannot end the wrapping itself', () => {
    const a = commandSafe('::x::');
    const b = commandSafe('::x::');
    expect(a.split('\n')[0]).not.toBe(b.split('\n')[0]);
  });
});

describe('user regular expressions', () => {
  it('runs a catastrophically backtracking pattern in linear time', () => {
    const p = compileUserPattern('(a+)+$', { subject: { input: 'expect-body' } });
    // A backtracking engine takes minutes on this; RE2 answers at once (the test's timeout bounds it).
    expect(p.test(`${'a'.repeat(5000)}b`)).toBe(false);
    expect(p.test('aaa')).toBe(true);
  });

  it('reports where a match is and its groups, and honours inline flags', () => {
    const p = compileUserPattern('(?i)token=([a-z0-9]+)', { subject: { file: 'gitleaks.toml' } });
    expect(p.exec('x TOKEN=abc1 y')).toStrictEqual({ index: 2, end: 12, groups: ['TOKEN=abc1', 'abc1'] });
    expect(p.exec('TOKEN=a TOKEN=b', 1)?.groups[1]).toBe('b');
  });

  it('refuses lookarounds, backreferences and broken syntax as the user’s mistake', () => {
    for (const bad of ['(?=a)', '(a)\\1', '(unclosed', '[z-a]'])
      expect(() => compileUserPattern(bad, { subject: { input: 'config' } })).toThrow(userError('config', /RE2/));
  });
});

describe('files the user names', () => {
  const opts = { maxBytes: 1024, subject: { input: 'baseline' }, what: 'the baseline' };

  it('reads a regular file, through a link too', () => {
    const dir = tree({ 'b.json': '{}' });
    symlinkSync(join(dir, 'b.json'), join(dir, 'link.json'));
    expect(readUserFile(join(dir, 'link.json'), opts).toString()).toBe('{}');
  });

  it('refuses /dev/zero behind a link, a FIFO, a folder, a missing file and an oversized one, without hanging', () => {
    const dir = tree({ 'big.json': 'x'.repeat(2048) });
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    spawnSync('mkfifo', [join(dir, 'fifo.json')]);
    mkdirSync(join(dir, 'folder.json'));
    const cases: [string, RegExp][] = [
      ['zero.json', /is a device, not a regular file/],
      ['fifo.json', /is a named pipe, not a regular file/],
      ['folder.json', /is a folder, not a regular file/],
      ['missing.json', /does not exist/],
      ['big.json', /is 2048 bytes, more than the 1024/],
    ];
    for (const [name, message] of cases)
      expect(() => readUserFile(join(dir, name), opts)).toThrow(userError('baseline', message));
  });
});

describe('paths the action writes to', () => {
  it('refuses a relative path that leaves the workspace through a link a pull request could add', () => {
    const outside = tree();
    const ws = tree({ 'README.md': 'x' });
    symlinkSync(outside, join(ws, 'out'));
    expect(() => outputPath('sarif', 'out/x.sarif', ws)).toThrow(userError('sarif', /through a symbolic link/));
    expect(() => outputPath('sarif', 'out/deeper/x.sarif', ws)).toThrow(userError('sarif', /symbolic link/));
    expect(() => outputPath('sarif', '../x.sarif', ws)).toThrow(userError('sarif', /outside the workspace/));
  });

  it('takes an absolute path as given, and a plain relative one inside the workspace', () => {
    const ws = tree();
    const elsewhere = tree();
    expect(outputPath('sarif', join(elsewhere, 'x.sarif'), ws)).toBe(join(elsewhere, 'x.sarif'));
    expect(outputPath('sarif', 'reports/x.sarif', ws)).toBe(join(ws, 'reports', 'x.sarif'));
  });

  it('refuses a NUL character and names past Linux limits as the user’s mistake', () => {
    const ws = tree();
    expect(() => outputPath('sarif', 'a\0b', ws)).toThrow(userError('sarif', /NUL/));
    expect(() => outputPath('sarif', 'x'.repeat(256), ws)).toThrow(userError('sarif', /too long/));
    expect(() => outputPath('sarif', 'a/'.repeat(2100), ws)).toThrow(userError('sarif', /too long/));
  });

  it('refuses a folder where a file goes, and a path under a file', () => {
    const ws = tree({ 'file.txt': 'x' });
    mkdirSync(join(ws, 'dir'));
    expect(() => outputPath('sarif', 'dir', ws)).toThrow(userError('sarif', /is a folder/));
    expect(() => outputPath('sarif', 'file.txt/x.sarif', ws)).toThrow(userError('sarif', /which is a file/));
    expect(() => outputPath('output-dir', 'file.txt', ws, { kind: 'folder' })).toThrow(
      userError('output-dir', /is a file/),
    );
  });

  it('never leaves a half-written file: a failed write keeps the old one and no temporary file', async () => {
    const ws = tree({ 'r.json': 'old' });
    const target = join(ws, 'r.json');
    const huge = {
      toString: () => {
        throw new Error('disk full');
      },
    } as unknown as string;
    await expect(writeFileAtomic(target, huge)).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(spawnSync('ls', ['-A', ws], { encoding: 'utf8' }).stdout.trim()).toBe('r.json');
  });
});

describe('credentials', () => {
  it('shows a URL’s password, or a lone token in the user part, as ***', () => {
    expect(redactCredentials('GET https://user:p%40ss@host:8443/x failed')).toBe(
      'GET https://user:***@host:8443/x failed',
    );
    expect(redactCredentials('git://ghp_token@host/r and http://h/a@b')).toBe('git://***@host/r and http://h/a@b');
    // A URL joined onto a path loses a slash; the password is still hidden.
    expect(redactCredentials('/ws/https:/user:pw123@host')).toBe('/ws/https:/user:***@host');
  });

  it('gives untrusted commands no runner credentials', () => {
    const env = withoutRunnerCredentials({
      PATH: '/bin',
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
      ACTIONS_RESULTS_URL: 'u',
      ACTIONS_CACHE_URL: 'u',
      ACTIONS_RUNTIME_URL: 'u',
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      'INPUT_NOTIFY-WEBHOOK': 'https://hooks.example.com/secret',
    });
    expect(env).toStrictEqual({ PATH: '/bin' });
  });

  it('quotes paths placed in shell commands', () => {
    expect(shellQuote('My App.csproj')).toBe(`'My App.csproj'`);
    expect(shellQuote(`it's;rm -rf /`)).toBe(`'it'\\''s;rm -rf /'`);
    expect(shellQuote('src/app.csproj')).toBe('src/app.csproj');
    expect(spawnSync('sh', ['-c', `printf %s ${shellQuote(`a b'c$(x)`)}`], { encoding: 'utf8' }).stdout).toBe(
      `a b'c$(x)`,
    );
  });
});

describe('processes that hang or flood', () => {
  it('kills the whole process group when the timeout runs out, grandchildren included', async () => {
    const dir = tree();
    const pidFile = join(dir, 'grandchild.pid');
    const r = await actionsExec('sh', ['-c', `sleep 300 & echo $! > ${pidFile}; wait`], {
      timeoutMs: 300,
      silent: true,
      ignoreReturnCode: true,
    });
    expect(r.timedOut).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    // The group was sent SIGKILL after the shell ended; give the kernel a moment to reap.
    for (
      let i = 0;
      i < 50 && existsSync(`/proc/${pid}`) && !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
      i++
    )
      await new Promise((res) => setTimeout(res, 100));
    const alive = existsSync(`/proc/${pid}`) && !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
    expect(alive).toBe(false);
  });

  it('keeps only a bounded tail of a command that prints 100 MB', async () => {
    const r = await actionsExec('sh', ['-c', 'head -c 104857600 /dev/zero | tr "\\0" a; echo; echo last line'], {
      silent: true,
      maxOutputBytes: 64 * 1024,
    });
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(64 * 1024);
    expect(r.stdout.endsWith('last line\n')).toBe(true);
  });

  it('wraps untrusted output in stop-commands, and ends a last line that had no newline', () => {
    const script = `
      import { actionsExec } from '@slipway/action-kit/lite';
      await actionsExec('sh', ['-c', 'echo "::warning title=INJECTED::x"; printf "no newline"'], { untrustedOutput: true });
      process.stdout.write('::error::after\\n');
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: REPO,
    });
    expect(r.status).toBe(0);
    expect(commandsSeen(r.stdout)).toStrictEqual(['::error::after']);
    expect(r.stdout).toMatch(/no newline\n/);
  });
});

describe('the slipway command line', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {}, cwd: tree() } };
  };

  it('prints usage and exits 1 with no arguments, 0 with --help, 2 on a usage mistake', async () => {
    const none = io();
    expect(await main([], none.io)).toBe(1);
    expect(none.err.join('\n')).toMatch(/^slipway <action> \[flags\]/);
    const help = io();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/Actions: detect-stack/);
    for (const argv of [
      ['nope'],
      ['detect-stack', '--nope', 'x'],
      ['detect-stack', '--path'],
      ['detect-stack', 'stray'],
    ]) {
      const bad = io();
      expect(await main(argv, bad.io)).toBe(2);
      expect(bad.err.join('\n')).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('exits 1, not 2, when the command line is right but the input is not', async () => {
    const bad = io();
    expect(await main(['detect-stack', '--max-files', 'lots'], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toMatch(/input 'max-files'/);
  });
});
