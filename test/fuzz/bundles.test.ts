// Issue 16, through the committed bundles: a few fuzzed values per action run as
// `node dist/<action>/index.js`, as the runner runs it, so that what only the bundle does (the
// entry wrapper, @actions/core's output files and ::add-mask:: commands, the exit code) is fuzzed
// too. The same verdict as in process; the bulk of the cases run there (inputs.test.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { inputVar } from '../harness.js';
import { kindsOf, valuesFor } from './arbitraries.js';
import { ACTIONS, declaredInputs, validValue } from './actions.js';
import { BUNDLE_RUNS, fuzzOptions, propertyTimeout } from './config.js';
import { knownBug } from './known-bugs.js';
import { removeRepositories, runThroughBundle, type Outcome } from './run-case.js';
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

/** Linux caps one environment string at 128 KiB (with its NUL), and none can hold a NUL byte. */
const MAX_ENV_STRING = 128 * 1024 - 1;
/** What the placeholders may add once they become a case's paths. */
const PLACEHOLDER_ROOM = 1024;

/**
 * True when a runner could pass the value at all: it hands inputs over as environment variables,
 * so a NUL byte or a value past the kernel's cap never reaches the action (in process they are
 * still tried, as defence in depth: a JSON input can decode to a NUL).
 */
function deliverable(input: string, value: string): boolean {
  return !value.includes('\0') && Buffer.byteLength(`${inputVar(input)}=${value}`) <= MAX_ENV_STRING - PLACEHOLDER_ROOM;
}

for (const action of ACTIONS) {
  describe(`${action.name}: inputs fuzzed through dist/${action.name}/index.js`, () => {
    const inputs = declaredInputs(action.name);
    const [first, firstSpec] = Object.entries(inputs)[0]!;
    let baselineOutcome: Outcome;
    let baseline: BaselineEnd;
    beforeAll(async () => {
      baselineOutcome = await runThroughBundle(action, first, validValue(action, first, firstSpec), server.addresses);
      baseline = { ended: baselineOutcome.ended, blames: baselineOutcome.blames };
    }, propertyTimeout(1));

    it('has a baseline that ends as a success or a user error, cleanly', () => {
      expect(['ok', 'user-error']).toContain(baselineOutcome.ended);
      expect(problems(baselineOutcome, first, firstSpec, '', baseline, new Set())).toStrictEqual([]);
    });

    it(
      "ends as a success or a user's error naming the input, with no stack and no secret",
      async () => {
        // Secrets and URLs weigh more: masking through ::add-mask:: is what only a bundle run shows.
        const drawn = fc.oneof(
          ...Object.entries(inputs).map(([input, spec]) => {
            const kinds = kindsOf(input, spec);
            return {
              weight: kinds.has('secret') || kinds.has('url') || kinds.has('headers') ? 4 : 1,
              arbitrary: valuesFor(input, spec, validValue(action, input, spec)).map((value) => ({ input, value })),
            };
          }),
        );
        await fc.assert(
          fc.asyncProperty(drawn, async ({ input, value }) => {
            fc.pre(action.skip?.(input, value) === undefined && deliverable(input, value));
            const spec = inputs[input]!;
            const outcome = await runThroughBundle(action, input, value, server.addresses);
            const found = problems(outcome, input, spec, value, baseline, relatedInputs(input, inputs));
            expect(found.filter((p) => !knownBug(action.name, input, p))).toStrictEqual([]);
          }),
          fuzzOptions(BUNDLE_RUNS),
        );
      },
      propertyTimeout(BUNDLE_RUNS),
    );
  });
}
