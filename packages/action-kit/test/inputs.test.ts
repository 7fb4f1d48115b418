import { describe, expect, it } from '@jest/globals';
import { instanceOf, internalError } from '../../../test/matchers.js';
import { InputReader, UserError, parseDuration, formatDuration, type ActionMetadata } from '../src/index.js';

const metadata: ActionMetadata = {
  name: 'demo',
  description: 'demo',
  inputs: {
    flag: { description: 'a flag', default: 'false' },
    count: { description: 'a count', default: '10' },
    wait: { description: 'a wait', default: '30s' },
    mode: { description: 'a mode', default: 'fast' },
    items: { description: 'a list' },
    data: { description: 'json' },
    name: { description: 'a name', required: true },
    'max-files': { description: 'hyphenated' },
    'with space': { description: 'spaced' },
  },
  outputs: {},
};

function reader(env: Record<string, string>): InputReader {
  return new InputReader(metadata, env);
}

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    return instanceOf(err, UserError);
  }
  throw new Error('expected an error');
}

describe('InputReader', () => {
  it('reads the runner variable with its name mangling, else the action.yml default', () => {
    const r = reader({ 'INPUT_MAX-FILES': ' 5 ', INPUT_WITH_SPACE: 'x' });
    expect(r.raw('max-files')).toBe('5');
    expect(r.raw('with space')).toBe('x');
    expect(r.raw('count')).toBe('10');
    expect(r.raw('items')).toBe('');
  });

  it('treats an undeclared input as a bug, not a user error', () => {
    expect(() => reader({}).raw('nope')).toThrow(internalError(/not declared/));
  });

  it('requires a required input', () => {
    const err = userError(() => reader({}).required('name'));
    expect(err.subject.input).toBe('name');
    expect(err.describe()).toMatch(/^input 'name': is required/);
    expect(reader({ INPUT_NAME: 'x' }).required('name')).toBe('x');
  });

  for (const [value, expected] of [
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ] as const) {
    it(`reads the YAML 1.2 core boolean ${value}`, () =>
      expect(reader({ INPUT_FLAG: value }).boolean('flag')).toBe(expected));
  }
  for (const bad of ['yes', 'no', 'on', '1', '0', 'tRuE', 'y', '']) {
    it(`refuses ${JSON.stringify(bad)} as a boolean, naming the input`, () => {
      const err = userError(() => reader({ INPUT_FLAG: bad }).boolean('flag'));
      expect(err.subject.input).toBe('flag');
      expect(err.describe()).toMatch(/Use true or false/);
    });
  }

  for (const [value, expected] of [
    ['0', 0],
    ['42', 42],
    ['+7', 7],
    ['-3', -3],
  ] as const) {
    it(`reads the integer ${value}`, () => expect(reader({ INPUT_COUNT: value }).integer('count')).toBe(expected));
  }
  for (const bad of ['1.5', 'abc', '1e3', '0x10', '', ' ', '12abc', '99999999999999999999']) {
    it(`refuses ${JSON.stringify(bad)} as an integer`, () => {
      const err = userError(() => reader({ INPUT_COUNT: bad }).integer('count', { min: 1 }));
      expect(err.subject.input).toBe('count');
    });
  }
  it('enforces integer bounds and says what they are', () => {
    expect(userError(() => reader({ INPUT_COUNT: '0' }).integer('count', { min: 1, max: 5 })).describe()).toMatch(
      /from 1 to 5/,
    );
    expect(userError(() => reader({ INPUT_COUNT: '6' }).integer('count', { min: 1, max: 5 })).describe()).toMatch(
      /out of range/,
    );
    expect(reader({ INPUT_COUNT: '5' }).integer('count', { min: 1, max: 5 })).toBe(5);
  });

  it('reads durations and refuses what is not one', () => {
    expect(reader({ INPUT_WAIT: '1h30m' }).duration('wait')).toBe(5_400_000);
    expect(reader({}).duration('wait')).toBe(30_000);
    for (const bad of ['30', '5 m', 'm5', '1x', '-5s', '', 'soon']) {
      expect(userError(() => reader({ INPUT_WAIT: bad }).duration('wait')).describe()).toMatch(/not a duration.*30s/);
    }
    expect(userError(() => reader({ INPUT_WAIT: '2h' }).duration('wait', { max: 3_600_000 })).describe()).toMatch(
      /out of range/,
    );
  });

  it('reads one of a set and lists the allowed values otherwise', () => {
    expect(reader({ INPUT_MODE: 'slow' }).oneOf('mode', ['fast', 'slow'])).toBe('slow');
    const err = userError(() => reader({ INPUT_MODE: 'Fast' }).oneOf('mode', ['fast', 'slow']));
    expect(err.describe()).toMatch(/Use one of: fast, slow/);
  });

  it('splits lists on commas and newlines', () => {
    expect(reader({ INPUT_ITEMS: 'a, b\n c,,\n\nd ' }).list('items')).toStrictEqual(['a', 'b', 'c', 'd']);
    expect(reader({}).list('items')).toStrictEqual([]);
  });

  it('parses JSON and points at the line and column of an error', () => {
    expect(reader({ INPUT_DATA: '{"a":[1,2]}' }).json('data')).toStrictEqual({ a: [1, 2] });
    expect(reader({}).json('data')).toBeUndefined();
    const err = userError(() => reader({ INPUT_DATA: '{\n  "a": 1,\n  "b": }' }).json('data'));
    expect(err.describe()).toMatch(/input 'data': is not valid JSON: .* at line 3, column 8/);
  });
});

describe('durations', () => {
  const cases: [string, number | undefined][] = [
    ['0', 0],
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['2d', 172_800_000],
    ['', undefined],
    ['30', undefined],
    ['s', undefined],
    ['1h 30m', undefined],
    ['1hh', undefined],
  ];
  for (const [text, ms] of cases) it(`parses ${JSON.stringify(text)}`, () => expect(parseDuration(text)).toBe(ms));
  it('formats what it parses', () => {
    for (const ms of [0, 999, 1000, 61_000, 5_400_000])
      expect(parseDuration(formatDuration(ms))).toBe(ms === 0 ? 0 : ms);
  });
});
