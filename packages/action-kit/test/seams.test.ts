import { describe, expect, it } from '@jest/globals';
import { ManualClock, actionsExec } from '../src/lite.js';

describe('actionsExec', () => {
  it('runs a real process and returns its output and exit code', async () => {
    const ok = await actionsExec(process.execPath, ['-e', 'process.stdout.write("out"); process.stderr.write("err")'], {
      silent: true,
    });
    expect(ok).toStrictEqual({ exitCode: 0, stdout: 'out', stderr: 'err' });
  });

  it('passes input, cwd and env', async () => {
    const r = await actionsExec(
      process.execPath,
      [
        '-e',
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(s+process.cwd()+process.env.X))',
      ],
      {
        silent: true,
        input: 'in:',
        cwd: '/tmp',
        env: { X: ':x', PATH: process.env.PATH ?? '' },
      },
    );
    expect(r.stdout).toBe('in:/tmp:x');
  });

  it('throws on a non-zero exit unless told not to', async () => {
    await expect(actionsExec(process.execPath, ['-e', 'process.exit(3)'], { silent: true })).rejects.toThrow(
      /exit code 3|failed with exit code 3/,
    );
    const r = await actionsExec(process.execPath, ['-e', 'process.exit(3)'], { silent: true, ignoreReturnCode: true });
    expect(r.exitCode).toBe(3);
  });
});

describe('ManualClock', () => {
  it('moves only when told, and sleeps instantly', async () => {
    const clock = new ManualClock(100);
    await clock.sleep(5000);
    clock.advance(1);
    expect(clock.now()).toBe(5101);
    expect(clock.monotonic()).toBe(5101);
  });
});

describe('writeFileAtomic', () => {
  it('creates missing folders, replaces the file whole, and leaves no temporary file', async () => {
    const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { writeFileAtomic } = await import('../src/lite.js');
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'a', 'b', 'out.json');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a', 'b'))).toStrictEqual(['out.json']);
    rmSync(dir, { recursive: true });
  });
});
