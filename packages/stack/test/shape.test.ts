import { describe, expect, it } from '@jest/globals';
import * as v from 'valibot';
import { between, stripBlocks } from '../src/detectors/shared.js';
import { fieldLine as locate } from '@slipway/action-kit/lite';
import { checkShape, table } from '../src/manifests/shape.js';
import { requiredLiteral } from '../src/pattern-index.js';

describe('checkShape', () => {
  const schema = table({ name: v.optional(v.string()), tags: v.optional(v.array(v.string())) });

  it('leaves out a wrong-typed field and keeps the rest', () => {
    const { value, problems } = checkShape(schema, { name: 5, tags: ['a'] }, '{"name": 5, "tags": ["a"]}');
    expect(value).toStrictEqual({ tags: ['a'] });
    expect(problems).toStrictEqual([{ field: 'name', expected: 'a string', received: 'a number', line: 1 }]);
  });

  it('drops only the bad items of a list', () => {
    const { value, problems } = checkShape(schema, { tags: ['a', 1, 'b', null] }, '');
    expect(value).toStrictEqual({ tags: ['a', 'b'] });
    expect(problems.map((p) => [p.field, p.received])).toStrictEqual([
      ['tags[1]', 'a number'],
      ['tags[3]', 'null'],
    ]);
  });

  it('refuses a document that is not an object, arrays included', () => {
    for (const doc of [[], null, 'x', 3]) expect(checkShape(schema, doc, '').value).toBeUndefined();
  });
});

describe('fieldLine', () => {
  it('finds nested keys in JSON, TOML and YAML', () => {
    expect(locate('{\n "a": {\n  "b": 1\n }\n}', ['a', 'b'])).toBe(3);
    expect(locate('[x]\nb = 1\n\n[a]\nb = 2\n', ['a', 'b'])).toBe(5);
    expect(locate('a:\n  - x\nb:\n  c: 1\n', ['b', 'c'])).toBe(4);
  });

  it('gives the deepest key it found, or nothing', () => {
    expect(locate('{"a": {}}', ['a', 'zzz'])).toBe(1);
    expect(locate('{}', ['zzz'])).toBeUndefined();
  });
});

describe('requiredLiteral', () => {
  const cases: [string, string | undefined][] = [
    ['src/**/gen12?.ts', 'gen12'],
    ['*.min.js', '.min.js'],
    ['**/ccc', 'ccc'],
    ['*[abcdef]*', undefined],
    ['!abc', undefined],
    ['./abcd', undefined],
    ['a\\*bcd', undefined],
    ['{alpha,beta}/x', undefined],
  ];
  for (const [glob, literal] of cases) it(`${glob} → ${literal}`, () => expect(requiredLiteral(glob)).toBe(literal));
});

describe('stripBlocks and between', () => {
  it('removes closed and unclosed blocks in one pass', () => {
    expect(stripBlocks('a<!--x-->b<!--y', '<!--', '-->')).toBe('ab');
    // As a compiler reads them: `/*/` does not close, so every third character survives.
    expect(stripBlocks('/*/*/*x', '/*', '*/')).toBe('*x');
    expect(stripBlocks('/*'.repeat(200_000), '/*', '*/')).not.toContain('/*');
  });

  it('takes the text between the first pair', () => {
    expect(between('<p>a</p><p>b</p>', '<p>', '</p>')).toBe('a');
    expect(between('<p>a', '<p>', '</p>')).toBeUndefined();
  });
});
