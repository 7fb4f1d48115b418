// The rule files use the generic rule's keywords and the generic rule uses the entropy measure:
// importing either first must work (a cycle between them once broke the bench, which imports the
// generic rule before the rule list).
import { expect, it } from '@jest/globals';

it('loads the generic rule before the rule list', async () => {
  const generic = await import('../src/secrets/generic.js');
  const rules = await import('../src/secrets/rules.js');
  const entry = rules.DEFAULT_RULES.find((r) => r.id === 'generic-secret');
  expect(entry?.keywords).toStrictEqual(generic.GENERIC_KEYWORDS);
  expect(rules.DEFAULT_RULES.length).toBeGreaterThanOrEqual(150);
});
