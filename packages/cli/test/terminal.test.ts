// The CLI at a terminal: a spinner, colours and a ✔/✖ line, drawn only when stderr is a terminal
// and nobody asked for plain lines (NO_COLOR, CI=true, TERM=dumb). Run under a real pseudo-terminal
// (util-linux `script`), from the committed bundle.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO, needsTool } from '../../../test/harness.js';
import { wantsTerminal } from '../src/terminal.js';

describe('wantsTerminal', () => {
  it.each([
    [{ isTTY: true, columns: 80 }, {}, true],
    [{ isTTY: false, columns: 80 }, {}, false],
    [{}, {}, false],
    [{ isTTY: true, columns: 0 }, {}, false],
    [{ isTTY: true, columns: 80 }, { NO_COLOR: '1' }, false],
    [{ isTTY: true, columns: 80 }, { NO_COLOR: '' }, true],
    [{ isTTY: true, columns: 80 }, { CI: 'true' }, false],
    [{ isTTY: true, columns: 80 }, { GITHUB_ACTIONS: 'true' }, false],
    [{ isTTY: true, columns: 80 }, { TERM: 'dumb' }, false],
  ])('%j with %j: %s', (stream, env, expected) => {
    expect(wantsTerminal(stream, env)).toBe(expected);
  });
});

/** Runs the CLI bundle under a pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: string, env: Record<string, string> = {}): { status: number | null; shown: string } {
  // The pseudo-terminal is given a size, as a real one has.
  const command = `stty cols 120 rows 40; ${process.execPath} ${join(REPO, 'dist', 'cli', 'index.js')} ${args}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', ...env },
    timeout: 60_000,
  });
  return { status: r.status, shown: r.stdout };
}

needsTool('script').describe('slipway on a terminal', () => {
  it('draws a spinner and ends with ✔, the action and its time; the short name works', () => {
    const run = onTerminal(`detect --path ${join(REPO, 'examples', 'hello-service')}`);
    expect(run.status).toBe(0);
    expect(run.shown).toContain('\u001b['); // colours and cursor movement
    expect(run.shown).toMatch(/✔.*slipway detect-stack.* done .*\(\d+\.\d s\)/);
  });

  it('ends with a red ✖ when the action fails, and the error line is red', () => {
    const run = onTerminal('verify --url http://127.0.0.1:1/ --wait 0s --timeout 1s');
    expect(run.status).toBe(1);
    expect(run.shown).toMatch(/✖.*slipway verify-health.*failed/);
    expect(run.shown).toContain('\u001b[31m');
  });

  it.each([[{ NO_COLOR: '1' }], [{ CI: 'true' }], [{ TERM: 'dumb' }]])('prints plain lines with %j', (env) => {
    const run = onTerminal(`detect --path ${join(REPO, 'examples', 'hello-service')}`, env);
    expect(run.status).toBe(0);
    expect(run.shown).not.toContain('\u001b[');
    expect(run.shown).not.toContain('✔');
    expect(run.shown).toContain('detect-stack');
  });
});

describe('short names', () => {
  it.each([
    ['detect', 'detect-stack'],
    ['build', 'build-artifact'],
    ['scan', 'security-scan'],
    ['deploy', 'deploy-canary'],
    ['verify', 'verify-health'],
  ])('%s is %s', async (short, long) => {
    const { main } = await import('../src/cli.js');
    const out: string[] = [];
    const code = await main([short, '--help'], { out: (t) => out.push(t), err: () => {}, env: {}, cwd: REPO });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(new RegExp(`^slipway ${long} \\[flags\\]`));
  });

  it('the usage lists them, and the exit codes', async () => {
    const { main } = await import('../src/cli.js');
    const out: string[] = [];
    await main(['--help'], { out: (t) => out.push(t), err: () => {}, env: {}, cwd: REPO });
    expect(out.join('\n')).toContain(
      'Short names: detect (detect-stack), build (build-artifact), scan (security-scan), deploy (deploy-canary), verify (verify-health)',
    );
    expect(out.join('\n')).toMatch(/Exit codes: 0 done; 1 the operation failed .*; 2 the command line is wrong\./);
  });
});
