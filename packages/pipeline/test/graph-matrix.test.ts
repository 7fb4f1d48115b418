import { describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { jobLevels } from '../src/graph.js';
import { expandMatrix } from '../src/matrix.js';

describe('jobLevels', () => {
  it('orders jobs after the jobs they need, independent ones together', () => {
    expect(
      jobLevels({ detect: {}, test: { needs: 'detect' }, scan: {}, build: { needs: ['detect', 'test', 'scan'] } }),
    ).toStrictEqual([['detect', 'scan'], ['test'], ['build']]);
  });

  it('refuses an unknown need and a cycle, naming the jobs', () => {
    expect(() => jobLevels({ a: { needs: 'b' } }, 'ci.yml')).toThrow(
      userError(undefined as never, /job a needs b, which is not a job/),
    );
    expect(() => jobLevels({ a: { needs: 'b' }, b: { needs: 'a' }, c: {} }, 'ci.yml')).toThrow(
      userError(undefined as never, /in a cycle: a, b/),
    );
  });
});

describe('expandMatrix', () => {
  it('is the product of its lists, less the exclusions', () => {
    expect(expandMatrix({ os: ['linux', 'mac'], node: [20, 22], exclude: [{ os: 'mac', node: 20 }] })).toStrictEqual([
      { os: 'linux', node: 20 },
      { os: 'linux', node: 22 },
      { os: 'mac', node: 22 },
    ]);
  });

  it('adds include entries as GitHub documents: extending what they fit, else a new combination', () => {
    // The example of GitHub's documentation (jobs.<job_id>.strategy.matrix.include).
    expect(
      expandMatrix({
        fruit: ['apple', 'pear'],
        animal: ['cat', 'dog'],
        include: [
          { color: 'green' },
          { color: 'pink', animal: 'cat' },
          { fruit: 'apple', shape: 'circle' },
          { fruit: 'banana' },
          { fruit: 'banana', animal: 'cat' },
        ],
      }),
    ).toStrictEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  it("takes detect-stack's include-only matrix as one combination per project", () => {
    const m = {
      include: [
        { name: 'web', path: 'apps/web' },
        { name: 'api', path: 'apps/api' },
      ],
    };
    expect(expandMatrix(m)).toStrictEqual(m.include);
  });

  it('is one empty combination without a matrix, and refuses a matrix that is not a mapping', () => {
    expect(expandMatrix(undefined)).toStrictEqual([{}]);
    expect(() => expandMatrix('web', 'ci.yml')).toThrow(userError(undefined as never, /not a mapping/));
  });
});
