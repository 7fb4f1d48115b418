import { describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { condition, evaluateExpression, interpolate, truthy } from '../src/expressions.js';

const contexts = {
  inputs: { environment: 'production', steps: '10,50', attest: true },
  needs: {
    deploy: { result: 'failure', outputs: { result: 'promoted', healthy: 'false', 'release-id': '2.0.0-abc' } },
  },
  matrix: { name: 'web', 'runtime-version': '20' },
  github: { sha: 'a'.repeat(40), repository: 'acme/shop' },
  steps: { stack: { outputs: { matrix: '{"include":[{"name":"web"},{"name":"api"}]}' } } },
};
const ok = { failed: false, cancelled: false };
const failed = { failed: true, cancelled: false };

describe("GitHub's expressions", () => {
  it('reads contexts, with the property names GitHub allows (dashes, index access)', () => {
    expect(evaluateExpression(' inputs.environment ', contexts)).toBe('production');
    expect(evaluateExpression("needs.deploy.outputs['release-id']", contexts)).toBe('2.0.0-abc');
    expect(evaluateExpression('needs.deploy.outputs.release-id', contexts)).toBe('2.0.0-abc');
    expect(evaluateExpression('inputs.missing', contexts)).toBeNull();
  });

  it("keeps a whole expression's type, and strings everything else", () => {
    expect(interpolate('${{ fromJSON(steps.stack.outputs.matrix) }}', contexts)).toStrictEqual({
      include: [{ name: 'web' }, { name: 'api' }],
    });
    expect(interpolate('${{ inputs.attest }}', contexts)).toBe(true);
    expect(interpolate('Deploy to ${{ inputs.environment }} (${{ matrix.name }})', contexts)).toBe(
      'Deploy to production (web)',
    );
    expect(interpolate("${{ needs.deploy.outputs.previous || 'previous' }}", contexts)).toBe('previous');
    expect(interpolate(42, contexts)).toBe(42);
  });

  it('runs a job or step on success by default, and as its status functions say', () => {
    expect(condition(undefined, contexts, ok)).toBe(true);
    expect(condition(undefined, contexts, failed)).toBe(false);
    expect(condition("inputs.environment == 'production'", contexts, ok)).toBe(true);
    // Without a status function the condition is success() && (…): it does not run after a failure.
    expect(condition("inputs.environment == 'production'", contexts, failed)).toBe(false);
    expect(condition('${{ failure() }}', contexts, failed)).toBe(true);
    expect(
      condition(
        "always() && needs.deploy.outputs.result == 'promoted' && needs.deploy.outputs.healthy == 'false'",
        contexts,
        failed,
      ),
    ).toBe(true);
    expect(condition('always()', contexts, { failed: false, cancelled: true })).toBe(true);
    expect(condition('success()', contexts, { failed: false, cancelled: true })).toBe(false);
  });

  it("is GitHub's truthiness", () => {
    expect([false, 0, '', null].map(truthy)).toStrictEqual([false, false, false, false]);
    expect(['false', 1, 'x', {}].map(truthy)).toStrictEqual([true, true, true, true]);
  });

  it('refuses an expression GitHub would refuse, naming the file', () => {
    expect(() => interpolate('${{ inputs.environment == }}', contexts, 'deploy.yml')).toThrow(
      userError(undefined as never, /expression GitHub would refuse/),
    );
  });
});
