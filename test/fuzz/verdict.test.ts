// The fuzz suite's own checks, shown to fail: stand-in actions that break each rule in turn (an
// internal error, a hang, a stack, a secret in the log or outputs, a write outside the workspace,
// an error that blames another input) must each be caught, and a clean run must not be. Without
// these a property that passes could be one that cannot fail.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { UserError } from '@slipway/action-kit/lite';
import { PASSWORD, SECRET } from './arbitraries.js';
import type { FuzzAction } from './actions.js';
import { bundleOutcome, resolve, runInProcess, type Run } from './run-case.js';
import { problems, relatedInputs } from './verdict.js';

const ACTION: FuzzAction = { name: 'detect-stack', baseline: {}, files: {} };
const ADDRESSES = { open: '127.0.0.1:1', closed: '127.0.0.1:1' };
const PLAIN = { description: 'Folder to analyse.' };
const SECRET_SPEC = { description: 'A token. Masked.' };
const OK_BASELINE = { ended: 'ok', blames: undefined } as const;

/** The problems a stand-in run shows for a value of `input`. */
async function check(run: Run, input = 'path', spec = PLAIN, value = 'x', timeoutMs?: number): Promise<string[]> {
  const outcome = await runInProcess(ACTION, run, input, value, ADDRESSES, timeoutMs);
  return problems(outcome, input, spec, value, OK_BASELINE, new Set(['exclude']));
}

const say = (text: string): void => void process.stdout.write(`${text}\n`);

describe('in process, each rule catches what breaks it', () => {
  const cases: [string, Run, RegExp, string?, typeof PLAIN?][] = [
    ['an internal error', async () => Promise.reject(new TypeError('x is undefined')), /^internal error: TypeError/],
    [
      "a user's error about an unrelated input",
      async () => Promise.reject(new UserError('bad.', { input: 'max-files' })),
      /does not name input 'path' \(it names 'max-files'\)/,
    ],
    [
      "a user's error that names no input and reports nothing",
      async () => Promise.reject(new UserError('it failed.')),
      /does not name input 'path' \(it names no input\)/,
    ],
    ['a stack trace in the log', async () => say('Error: x\n    at run (file:///a.js:1:2)'), /stack trace in the log/],
    [
      'a credential URL password in the log',
      async () => say(`GET https://u:${PASSWORD}@h/`),
      /planted secret is in the log/,
    ],
    [
      'a secret input in the outputs',
      async ({ setOutput }) => setOutput('token', `x${SECRET}`),
      /planted secret is in the outputs/,
      'token',
      SECRET_SPEC,
    ],
    [
      'a write outside the workspace for a relative value',
      async ({ env }) => writeFileSync(join(env.GITHUB_WORKSPACE!, '..', 'escaped'), ''),
      /wrote outside the workspace.*escaped/,
    ],
  ];
  for (const [label, run, problem, input, spec] of cases)
    it(`catches ${label}`, async () => {
      const found = await check(run, input, spec);
      expect(found).toContainEqual(expect.stringMatching(problem));
    });

  it('catches a hang', async () => {
    expect(await check(() => new Promise<void>(() => {}), 'path', PLAIN, 'x', 50)).toStrictEqual([
      'hung: no end within the case timeout',
    ]);
  });

  it('passes a clean run, a masked secret, an error naming the input or a related one', async () => {
    expect(await check(async () => say('fine'))).toStrictEqual([]);
    expect(
      await check(async ({ mask }) => {
        mask(PASSWORD);
        say(`GET https://u:${PASSWORD}@h/`);
      }),
    ).toStrictEqual([]);
    expect(await check(async () => Promise.reject(new UserError('bad.', { input: 'path' })))).toStrictEqual([]);
    expect(await check(async () => Promise.reject(new UserError('bad.', { input: 'exclude' })))).toStrictEqual([]);
    // A check that ran and failed (an unhealthy verdict) reports in the job summary before it fails the step.
    expect(
      await check(async ({ env }) => {
        writeFileSync(env.GITHUB_STEP_SUMMARY!, '## unhealthy\n');
        throw new UserError('unhealthy: 1 of 1 probes failed.');
      }),
    ).toStrictEqual([]);
  });
});

describe('through a bundle, the runner is read rightly', () => {
  const run = (stdout: string, status: number | null = 1, stderr = '') =>
    problems(
      { ...bundleOutcome({ status, stdout, stderr, outputs: {}, summary: '' }), outside: [] },
      'path',
      PLAIN,
      'x',
      OK_BASELINE,
      new Set(),
    );

  it('takes ::add-mask:: values out of the log as the runner does', () => {
    expect(run(`::add-mask::${PASSWORD}\nusing ${PASSWORD}\n`, 0)).toStrictEqual([]);
    expect(run(`using ${PASSWORD}\n`, 0)).toContainEqual(expect.stringMatching(/planted secret is in the log/));
  });

  it('tells a user error naming the input from an internal error, a silent failure and a kill', () => {
    expect(run("::error title=detect-stack::input 'path': bad.\n")).toStrictEqual([]);
    expect(
      run('::error title=detect-stack: internal error::detect-stack failed with an internal error: x\n'),
    ).toContainEqual(expect.stringMatching(/^internal error/));
    expect(run('nothing said\n')).toContainEqual(expect.stringMatching(/^internal error/));
    expect(run('', null)).toContainEqual(expect.stringMatching(/^hung/));
  });

  it('finds a stack trace on stderr', () => {
    expect(run('', 0, 'TypeError: x\n    at main (/dist/index.js:3:9)\n')).toContainEqual(
      expect.stringMatching(/stack trace in the stderr/),
    );
  });
});

describe('placeholders', () => {
  it("become the case's paths and addresses; other absolute paths move into the jail, devices stay", () => {
    const tree = { jail: '/tmp/j' };
    const addresses = { open: '127.0.0.1:80', closed: '127.0.0.1:9' };
    expect(resolve('http://@OPEN@/ @CLOSED@', tree, addresses)).toBe('http://127.0.0.1:80/ 127.0.0.1:9');
    expect(resolve('@JAIL@/x', tree, addresses)).toBe('/tmp/j/x');
    expect(resolve(' /etc/x', tree, addresses)).toBe(' /tmp/j/etc/x');
    expect(resolve('//', tree, addresses)).toBe('/tmp/j//');
    expect(resolve('/dev/null', tree, addresses)).toBe('/dev/null');
    expect(resolve('../x', tree, addresses)).toBe('../x');
  });
});

describe('related inputs', () => {
  it('are those whose description mentions the input, or that its own description mentions', () => {
    const inputs = {
      host: { description: 'Run there.' },
      'known-hosts': { description: 'Required when host is set.' },
      'ssh-key': { description: 'With host: the key.' },
      'host-name': { description: 'Unrelated.' },
      path: { description: 'Unrelated too.' },
    };
    expect([...relatedInputs('host', inputs)].sort()).toStrictEqual(['known-hosts', 'ssh-key']);
  });
});
