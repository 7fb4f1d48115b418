import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    assert.ok(err instanceof UserError, `expected a UserError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected an error');
}

describe('InputReader', () => {
  it('reads the runner variable with its name mangling, else the action.yml default', () => {
    const r = reader({ 'INPUT_MAX-FILES': ' 5 ', INPUT_WITH_SPACE: 'x' });
    assert.equal(r.raw('max-files'), '5');
    assert.equal(r.raw('with space'), 'x');
    assert.equal(r.raw('count'), '10');
    assert.equal(r.raw('items'), '');
  });

  it('treats an undeclared input as a bug, not a user error', () => {
    assert.throws(
      () => reader({}).raw('nope'),
      (err: Error) => !(err instanceof UserError) && /not declared/.test(err.message),
    );
  });

  it('requires a required input', () => {
    const err = userError(() => reader({}).required('name'));
    assert.equal(err.subject.input, 'name');
    assert.match(err.describe(), /^input 'name': is required/);
    assert.equal(reader({ INPUT_NAME: 'x' }).required('name'), 'x');
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
      assert.equal(reader({ INPUT_FLAG: value }).boolean('flag'), expected));
  }
  for (const bad of ['yes', 'no', 'on', '1', '0', 'tRuE', 'y', '']) {
    it(`refuses ${JSON.stringify(bad)} as a boolean, naming the input`, () => {
      const err = userError(() => reader({ INPUT_FLAG: bad }).boolean('flag'));
      assert.equal(err.subject.input, 'flag');
      assert.match(err.describe(), /Use true or false/);
    });
  }

  for (const [value, expected] of [
    ['0', 0],
    ['42', 42],
    ['+7', 7],
    ['-3', -3],
  ] as const) {
    it(`reads the integer ${value}`, () => assert.equal(reader({ INPUT_COUNT: value }).integer('count'), expected));
  }
  for (const bad of ['1.5', 'abc', '1e3', '0x10', '', ' ', '12abc', '99999999999999999999']) {
    it(`refuses ${JSON.stringify(bad)} as an integer`, () => {
      const err = userError(() => reader({ INPUT_COUNT: bad }).integer('count', { min: 1 }));
      assert.equal(err.subject.input, 'count');
    });
  }
  it('enforces integer bounds and says what they are', () => {
    assert.match(
      userError(() => reader({ INPUT_COUNT: '0' }).integer('count', { min: 1, max: 5 })).describe(),
      /from 1 to 5/,
    );
    assert.match(
      userError(() => reader({ INPUT_COUNT: '6' }).integer('count', { min: 1, max: 5 })).describe(),
      /out of range/,
    );
    assert.equal(reader({ INPUT_COUNT: '5' }).integer('count', { min: 1, max: 5 }), 5);
  });

  it('reads durations and refuses what is not one', () => {
    assert.equal(reader({ INPUT_WAIT: '1h30m' }).duration('wait'), 5_400_000);
    assert.equal(reader({}).duration('wait'), 30_000);
    for (const bad of ['30', '5 m', 'm5', '1x', '-5s', '', 'soon']) {
      assert.match(
        userError(() => reader({ INPUT_WAIT: bad }).duration('wait')).describe(),
        /not a duration.*30s/,
        bad,
      );
    }
    assert.match(
      userError(() => reader({ INPUT_WAIT: '2h' }).duration('wait', { max: 3_600_000 })).describe(),
      /out of range/,
    );
  });

  it('reads one of a set and lists the allowed values otherwise', () => {
    assert.equal(reader({ INPUT_MODE: 'slow' }).oneOf('mode', ['fast', 'slow']), 'slow');
    const err = userError(() => reader({ INPUT_MODE: 'Fast' }).oneOf('mode', ['fast', 'slow']));
    assert.match(err.describe(), /Use one of: fast, slow/);
  });

  it('splits lists on commas and newlines', () => {
    assert.deepEqual(reader({ INPUT_ITEMS: 'a, b\n c,,\n\nd ' }).list('items'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(reader({}).list('items'), []);
  });

  it('parses JSON and points at the line and column of an error', () => {
    assert.deepEqual(reader({ INPUT_DATA: '{"a":[1,2]}' }).json('data'), { a: [1, 2] });
    assert.equal(reader({}).json('data'), undefined);
    const err = userError(() => reader({ INPUT_DATA: '{\n  "a": 1,\n  "b": }' }).json('data'));
    assert.match(err.describe(), /input 'data': is not valid JSON: .* at line 3, column 8/);
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
  for (const [text, ms] of cases) it(`parses ${JSON.stringify(text)}`, () => assert.equal(parseDuration(text), ms));
  it('formats what it parses', () => {
    for (const ms of [0, 999, 1000, 61_000, 5_400_000])
      assert.equal(parseDuration(formatDuration(ms)), ms === 0 ? 0 : ms);
  });
});
