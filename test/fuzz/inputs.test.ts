// Issue 16: every input of every action, given values drawn by fast-check (empty, huge, control
// characters, Unicode, wrong types, bad numbers and durations, hostile URLs, globs and paths, and
// near misses of a valid value), run through the action's own run() with real INPUT_* variables.
// Each ends as a success or a user's error that names the input, never an internal error, a
// hang, a stack trace, a planted secret in the log, outputs or summary, or a write outside the
// workspace. Inputs are read from action.yml, so a new one is fuzzed without a change here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { valuesFor } from './arbitraries.js';
import { ACTIONS, declaredInputs, validValue } from './actions.js';
import { FUZZ_RUNS, fuzzOptions, propertyTimeout } from './config.js';
import { KNOWN_BUGS, knownBug } from './known-bugs.js';
import { removeRepositories, runInProcess, type Outcome, type Run } from './run-case.js';
import { startServer, type FuzzServer } from './server.js';
import { problems, relatedInputs, type BaselineEnd } from './verdict.js';

let server: FuzzServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  removeRepositories();
});

const runs = new Map<string, Run>();
/** An action's run(), imported once. */
async function runOf(action: string): Promise<Run> {
  const known = runs.get(action);
  if (known) return known;
  const { run } = (await import(`../../actions/${action}/src/main.js`)) as { run: Run };
  runs.set(action, run);
  return run;
}

for (const action of ACTIONS) {
  describe(`${action.name}: every input fuzzed in process`, () => {
    const inputs = declaredInputs(action.name);
    const [first, firstSpec] = Object.entries(inputs)[0]!;
    let baselineOutcome: Outcome;
    let baseline: BaselineEnd;
    beforeAll(async () => {
      // The baseline as it is (its first input given its own valid value): how a value the action accepts ends.
      baselineOutcome = await runInProcess(
        action,
        await runOf(action.name),
        first,
        validValue(action, first, firstSpec),
        server.addresses,
      );
      baseline = { ended: baselineOutcome.ended, blames: baselineOutcome.blames };
    });

    it('has a baseline that ends as a success or a user error, cleanly', () => {
      expect(['ok', 'user-error']).toContain(baselineOutcome.ended);
      expect(problems(baselineOutcome, first, firstSpec, '', baseline, new Set())).toStrictEqual([]);
    });

    for (const [input, spec] of Object.entries(inputs)) {
      const valid = validValue(action, input, spec);
      const related = relatedInputs(input, inputs);
      it(
        `${input}: ends as a success or a user's error naming it, showing no secret`,
        async () => {
          const run = await runOf(action.name);
          await fc.assert(
            fc.asyncProperty(valuesFor(input, spec, valid), async (value) => {
              fc.pre(action.skip?.(input, value) === undefined);
              const outcome = await runInProcess(action, run, input, value, server.addresses);
              const found = problems(outcome, input, spec, value, baseline, related);
              expect(found.filter((p) => !knownBug(action.name, input, p))).toStrictEqual([]);
            }),
            fuzzOptions(FUZZ_RUNS),
          );
        },
        propertyTimeout(FUZZ_RUNS),
      );
    }
  });
}

/** A value as a test's name shows it: short ones whole, long ones by their start and length. */
const shown = (value: string): string =>
  value.length <= 40 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 8))}… (${value.length} characters)`;

// Each open bug's value, asserted to behave rightly: these fail until the bug is fixed (see known-bugs.ts).
describe('open bugs the fuzzer found', () => {
  for (const bug of KNOWN_BUGS) {
    const action = ACTIONS.find((a) => a.name === bug.action)!;
    it.failing(`${bug.action} ${bug.input} = ${shown(bug.value)}: ${bug.what}`, async () => {
      const inputs = declaredInputs(action.name);
      const run = await runOf(action.name);
      const [first, firstSpec] = Object.entries(inputs)[0]!;
      const base = await runInProcess(action, run, first, validValue(action, first, firstSpec), server.addresses);
      const outcome = await runInProcess(
        { ...action, baseline: { ...action.baseline, ...bug.others } },
        run,
        bug.input,
        bug.value,
        server.addresses,
      );
      const spec = inputs[bug.input]!;
      expect(problems(outcome, bug.input, spec, bug.value, base, relatedInputs(bug.input, inputs))).toStrictEqual([]);
    });
  }
});
