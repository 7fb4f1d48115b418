// Hostile values for action inputs, chosen from what action.yml says of each input (its name, its
// default, its description), so that an input added tomorrow is fuzzed with the right shapes
// without touching this file. Every value is a plain string, as the runner passes it; a few
// placeholders (below) stand for paths and addresses that exist only once a case runs, so that a
// failing value prints and replays as it was drawn.
//
// Two rules keep the fuzzer from doing harm on a machine where the tests run as root: a network
// address is always on the loopback interface (a port of the test's own server, or one nothing
// listens on), and an absolute path is a device that cannot be damaged, or a place inside the
// case's own temporary jail. Relative paths climb at most three folders, which stays inside the
// jail too (see run-case.ts).
import fc from 'fast-check';

/** Stands for the case's jail, an absolute folder that exists (see run-case.ts). */
export const JAIL = '@JAIL@';
/** Stands for host:port of the suite's own HTTP server, which answers {"status":"ok"}. */
export const OPEN = '@OPEN@';
/** Stands for host:port on the loopback where nothing listens. */
export const CLOSED = '@CLOSED@';

/** Planted in the user information of URLs: it must never be shown. */
export const PASSWORD = 'hunter2-Pa55word';
/** Planted in every value of a secret input and in credential headers: it must never be shown. */
export const SECRET = 'fuzz-Secret-9f2c61';

/** What action.yml declares about one input. */
export interface InputSpec {
  description?: string;
  default?: unknown;
}

/** The kinds of value an input takes, read from action.yml; an input may be several. */
export type InputKind =
  | 'secret'
  | 'url'
  | 'duration'
  | 'rate'
  | 'integer'
  | 'boolean'
  | 'list'
  | 'glob'
  | 'path'
  | 'command'
  | 'json'
  | 'headers'
  | 'host'
  | 'steps';

/** Reads the kinds of an input from its name, default and description. */
export function kindsOf(name: string, spec: InputSpec): Set<InputKind> {
  const def = spec.default === undefined ? '' : String(spec.default);
  const text = spec.description ?? '';
  const kinds = new Set<InputKind>();
  if (/\bMasked\b/.test(text)) kinds.add('secret');
  if (name === 'url' || /-(url|webhook)$/.test(name)) kinds.add('url');
  if (/^\d+(\.\d+)?(ms|s|m|h|d)/.test(def) || /such as \d+(ms|s|m|h)\b/.test(text)) kinds.add('duration');
  if (/%$/.test(def) || /as a percentage/.test(text)) kinds.add('rate');
  if (/^\d+$/.test(def) || /\b\d+ to \d+\b|seconds since the epoch/i.test(text)) kinds.add('integer');
  if (/^(true|false)$/.test(def)) kinds.add('boolean');
  if (/separated by commas|one per line|per line/i.test(text)) kinds.add('list');
  if (/\bglobs?\b/i.test(text)) kinds.add('glob');
  if (/relative to|absolute|~\/…|\bfolder\b|socket path/i.test(text) || /(path|dir|file)$/.test(name))
    kinds.add('path');
  if (/command$/.test(name) || /\/bin\/sh|program\b/.test(text)) kinds.add('command');
  if (/\bJSON\b/.test(text) || name === 'stack') kinds.add('json');
  if (name === 'headers') kinds.add('headers');
  if (name === 'host' || /host:port/.test(text)) kinds.add('host');
  if (/percentages, rising/.test(text)) kinds.add('steps');
  return kinds;
}

const pick = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** Characters a runner never expects in an input: C0 and C1 controls, DEL, lone surrogates, BOM, RTL marks. */
const controlChar = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  pick('\x7f', '\u0085', '\u009b', '\ud800', '\udfff', '\ufeff', '\u202e', '\u2028', '\u2029', '\u200b'),
);

/** Text of the kinds people and tools paste: Unicode of every plane, emoji, combining marks, mixed scripts. */
const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  pick('名前: 値', 'Ünïcödé', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '👩‍👩‍👧‍👦', 'e\u0301\u0301\u0301', 'ﬀ', 'İı', '١٢٣', '１２３', 'ℌ'),
);

/** Values that break code which trusts a runner's input: emptiness, size, controls, commands. */
const generic: fc.Arbitrary<string> = fc.oneof(
  pick('', ' ', '   \t ', '\n', '\r\n', '\0', 'a\0b', 'a\nb', 'a\rb', '-p', '--help', '-', '--', '*', '.', '..'),
  fc.nat({ max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.nat({ max: 20_000 }), pick('a,', '\n', '../', '%', '{', '\\', 'é')).map(([n, s]) => s.repeat(n)),
  fc.array(fc.oneof(controlChar, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join('')),
  unicodeText,
  pick(
    'x\n::warning title=INJECTED::y',
    '::add-mask::x',
    '::stop-commands::x',
    'a%0Ab%0D',
    '${{ github.token }}',
    '$(id)',
    '`id`',
    'null',
    'undefined',
    'true',
    'NaN',
    '[object Object]',
    '<script>alert(1)</script>',
    '| table | cell |\n|---|---|',
  ),
);

/** Wrong types: JSON of every shape, and numbers a string input does not expect. */
const wrongType: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.integer().map(String),
  pick('{}', '[]', '[1,2]', '{"a":', '"quoted"', '-0', '1e309', '-1e309', '9999999999999999999', '0x1F', '1_000'),
);

/** Paths inside the jail, devices that no write can damage, and text shaped like a path. */
const pathValue: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), pick('', 'etc', 'x/y', 'index.html', 'nope.tar.gz', 'a b'))
    .map(([n, rest]) => `${'../'.repeat(n)}${rest}`),
  pick('a/../../b', './../x', 'x/./../../..', '.', './', './/', 'index.html', 'index.html/x', 'missing/folder'),
  pick('/dev/null', '/dev/zero', '/dev/full', '/dev/null/x', '/dev/zero/x'),
  pick(`${JAIL}`, `${JAIL}/`, `${JAIL}/new/folder`, `${JAIL}/a/b/ws/index.html`, `${JAIL}/a/b/ws/../../x`),
  pick('~', '~/', '~/x', '~/../x', '~root', '~/../../..', '~user/x'),
  fc.nat({ max: 6000 }).map((n) => `${'a/'.repeat(n)}x`),
  fc.nat({ max: 5000 }).map((n) => 'n'.repeat(n)),
  pick('x.tar.gz', 'x.tgz', '.tar.gz', 'C:\\Windows', 'file:///etc/passwd', 'x\0.sarif', 'x\ny'),
);

/** The user information that must never reach the log. */
const creds = pick(`user:${PASSWORD}`, `:${PASSWORD}`, `${PASSWORD}`, `u:${encodeURIComponent(PASSWORD)}%40x`);

/** URLs on the loopback: malformed, with credentials, of odd schemes, or nearly right. */
const urlValue: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      pick('http', 'https', 'HTTP', 'ftp', 'ws', 'file', 'gopher'),
      creds,
      pick(OPEN, CLOSED),
      pick('/', '/healthz', ''),
    )
    .map(([scheme, c, host, path]) => `${scheme}://${c}@${host}${path}`),
  pick(
    `http://${OPEN}/healthz`,
    `http://${CLOSED}/`,
    `http:/${OPEN}/`,
    `http//${OPEN}`,
    `${OPEN}/healthz`,
    'http://',
    'https://:80',
    'http://127.0.0.1:99999/',
    'http://127.0.0.1:0/',
    'http://127.0.0.1:-1/',
    'http://[::1/',
    'http://[::1]:1/',
    'http://127.0.0.1:1/#frag',
    `http://${OPEN}/?q=1#x`,
    'http://localhost:1/a b',
    'http://%zz@127.0.0.1:1/',
    `http://user:${PASSWORD}@`,
    `http://user:${PASSWORD}@[::1`,
    `http:/user:${PASSWORD}@127.0.0.1:1/`,
    `http://user:${PASSWORD}@127.0.0.1:1/ http://127.0.0.1:1/`,
    `http://a@b:${PASSWORD}@127.0.0.1:1/`,
    'javascript:alert(1)',
    'data:text/plain,hi',
    'mailto:a@b',
    'file:///etc/passwd',
    'unix:/var/run/x.sock',
    'http://127.0.0.1:1/\u0000',
    'http://ex\u0430mple@127.0.0.1:1/',
  ),
  fc.nat({ max: 12_000 }).map((n) => `http://${OPEN}/${'p'.repeat(n)}`),
  fc
    .array(pick(`http://${OPEN}/`, `https://${CLOSED}/`, '', ' ', 'x'), { minLength: 2, maxLength: 6 })
    .map((a) => a.join(',')),
  fc.integer({ min: 99, max: 120 }).map((n) => Array.from({ length: n }, () => `http://${CLOSED}/`).join('\n')),
);

/** Durations people mistype, and ones past every bound. */
const durationValue: fc.Arbitrary<string> = fc.oneof(
  pick('5 minutes', '1e309s', '-3s', 's', '1h30', '30S', '30 s', '1.5.5s', '0x10s', 'Infinitys', 'NaNs', '1m-1s'),
  pick('9999999999999999999h', '99999999d', '0s', '0ms', '0', '00', '1ms', '100ms', '0.0001ms', '.5s', '5.s', 'ms'),
  pick('1h1h1h1h', '25h', '7d', '601s', '3601s', '1d', '10', '1', 's30', '30ss', '30m\n', ' 30s ', '３０s'),
  fc.tuple(fc.double({ noNaN: false }), pick('ms', 's', 'm', 'h', 'd', '', 'y', 'µs')).map(([n, u]) => `${n}${u}`),
  fc.tuple(fc.integer({ min: -5, max: 2000 }), pick('ms', 's')).map(([n, u]) => `${n}${u}`),
);

/** Rates: percentages and fractions out of range or badly written. */
const rateValue: fc.Arbitrary<string> = fc.oneof(
  pick('101%', '-1%', '1e2%', '0.5%%', '%', 'NaN%', '1 %', '.5', '1.5', '100%', '0%', '0', '1', '2', '0.01', '1,5%'),
  pick('5 percent', '½', '1e-400', '1e309%', '0x1%', '+1%', '1.%', '١%'),
  fc.double().map((d) => `${d}%`),
  fc.double().map(String),
);

/** Whole numbers out of range, and numbers that are not whole. */
const integerValue: fc.Arbitrary<string> = fc.oneof(
  pick('-1', '0', '1', '1e3', '0x10', '0o7', '1.5', ' 7 ', '+5', '٣', '７', 'Infinity', '-0', '1,000', '1_000'),
  pick('9007199254740993', '9999999999999999999', '90', '91', '8589934591', '8589934592', '10000001'),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.integer().map(String),
);

/** Booleans as YAML 1.1, other languages and typos write them. */
const booleanValue: fc.Arbitrary<string> = fc.oneof(
  pick('yes', 'no', 'y', 'n', 'on', 'off', '1', '0', 'tRuE', 'FaLsE', 'ture', 'flase', 'true\n', ' false '),
  pick('True', 'FALSE', '"true"', "'false'", 'true,false', 'null', '~', 'true\0'),
  fc.mixedCase(pick('true', 'false')),
);

/** Lists: separators only, empty items, duplicates, thousands of items. */
const listValue = (items: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    pick(',', ',,,', '\n\n', ', ,\n ,', 'a,,b', 'a\r\nb', 'a;b', 'a b'),
    fc.array(items, { maxLength: 8 }).chain((a) => pick(a.join(','), a.join('\n'), a.join(' , '))),
    fc.integer({ min: 990, max: 1500 }).map((n) => Array.from({ length: n }, (_, i) => `g${i}`).join(',')),
  );

/** Globs that are malformed, climb out, or make a matcher work hard. */
const globValue: fc.Arbitrary<string> = fc.oneof(
  pick('**', '[', ']', '{a,b', '{a,b}}', '!(x)', '+(a|b)', '../**', '/etc/**', '\\', '***/', '**/*.{js,ts}'),
  pick('a/**/**/**/**/**/**/**/b', '[z-a]', '[[:alpha:]]', '{1..1000000}', '!', '!!x', '#x', 'x/', '/'),
  fc.nat({ max: 40 }).map((n) => `${'{a,'.repeat(n)}b${'}'.repeat(n)}`),
  fc.nat({ max: 5000 }).map((n) => '*'.repeat(n)),
);

/** A shell command line that does nothing to the machine: only its text is under test. */
const commandValue: fc.Arbitrary<string> = fc.oneof(
  pick('true', 'false', 'exit 3', 'sleep 0', 'a\rb', 'true\0', 'true\ntrue', 'echo ::error::x', ':'),
  fc.nat({ max: 20_000 }).map((n) => `true ${'#'.repeat(n)}`),
  // Generic strings, without what could redirect or chain commands on a root machine.
  generic.filter((v) => !/[<>|;&`$]/.test(v)),
);

/** A relative path for inside a JSON document: placeholders do not reach there, so nothing absolute. */
const relativeInJson = fc.oneof(fc.string(), pick('.', '../..', './/', 'a/../..')).filter((p) => !/^\s*[/~]/.test(p));

/** JSON documents of every shape, and nearly valid ones. */
const jsonValue: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  pick('{"schemaVersion":1}', '{"schemaVersion":1,"projects":{}}', '{"schemaVersion":"1","projects":[]}'),
  pick('{"schemaVersion":1,"projects":[null]}', '{"schemaVersion":1,"projects":[{"path":1}]}', '{', '[', '{"a":1}x'),
  fc
    .record({ path: relativeInJson, name: fc.string() })
    .map((p) => JSON.stringify({ schemaVersion: 1, projects: [{ ...p, runtime: { name: p.name }, commands: {} }] })),
  fc.nat({ max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  pick('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}'),
);

/** detect-stack's output for a one-page static site, as the stack input takes it. */
const STACK_DOC = {
  schemaVersion: 1,
  primary: '.',
  languages: [{ name: 'HTML', bytes: 11, share: 1 }],
  projects: [
    {
      path: '.',
      name: 'ws',
      runtime: { name: 'static', version: '' },
      commands: { build: '', test: '', start: '' },
      output: '.',
    },
  ],
};

/** Every place in a document, as a list of keys. */
function placesIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => placesIn((value as Record<string | number, unknown>)[k], [...at, k]))];
}

/** The document with the value at `place` replaced, or removed when `value` is undefined. */
function changed(doc: unknown, place: (string | number)[], value: unknown): unknown {
  if (place.length === 0) return value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of place.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = place[place.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

/**
 * detect-stack's document with one field gone or of the wrong type: what a hand-edited or
 * out-of-date `stack` input looks like. The commands it names are never run (the baseline builds
 * with command none), and no path in it is absolute.
 */
const stackDoc: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...placesIn(STACK_DOC).slice(1)),
    fc.oneof(
      fc.constant<unknown>(undefined),
      pick<unknown>(null, 0, -1, 1.5, true, '', '\0', 'x'.repeat(300), [], {}, [null], '../..', 'a\nb', '${{ x }}'),
      relativeInJson,
    ),
  )
  .map(([place, value]) => JSON.stringify(changed(STACK_DOC, place, value)));

/** A secret's value: the planted secret wrapped in every shape above. */
const secretValue: fc.Arbitrary<string> = fc.oneof(
  pick(SECRET, ` ${SECRET} `, `${SECRET}\n`, `Bearer ${SECRET}`, `token ${SECRET}`, `${SECRET} ${SECRET}`),
  pick(`-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----`, `${SECRET}\0`),
  pick(
    `http://${OPEN}/hooks/${SECRET}`,
    `https://${CLOSED}/${SECRET}`,
    `http://x:${SECRET}@${CLOSED}/`,
    `ftp://${SECRET}`,
  ),
  fc.tuple(generic, generic).map(([a, b]) => `${a.slice(0, 50)}${SECRET}${b.slice(0, 50)}`),
);

/** Header blocks whose credential values must be masked, and lines that are not headers. */
const headersValue: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(pick('Authorization', 'cookie', 'X-Api-Key', 'Proxy-Authorization', 'X-Auth-Token'), pick(': ', ':', ' : '))
    .map(([name, sep]) => `${name}${sep}Bearer ${SECRET}`),
  pick(`Authorization Bearer ${SECRET}`, `Authorization: ${SECRET}\nbad line`, `Cookie: a=${SECRET}\r\nX: é`),
  pick('X-Unicode: 名前', 'X-Ctl: a\u0001b', 'Bad Name: x', ': no name', 'X-Empty:', 'Host: 127.0.0.1'),
  fc.nat({ max: 20_000 }).map((n) => `X-Long: ${'v'.repeat(n)}`),
);

/** SSH destinations and host:port forms, all on the loopback, nearly right or option-shaped. */
const hostValue: fc.Arbitrary<string> = pick(
  'deploy@127.0.0.1:1',
  'deploy@[::1]:1',
  '@',
  'user@',
  '@127.0.0.1',
  '-oProxyCommand=true',
  'user@-oProxyCommand=true',
  'user@127.0.0.1:99999',
  'user@127.0.0.1:0',
  'user@[::1',
  'us er@127.0.0.1',
  '127.0.0.1:',
  ':1',
  `${CLOSED}`,
);

/** Canary steps: not rising, past 100, pauses malformed. */
const stepsValue: fc.Arbitrary<string> = fc.oneof(
  pick('0', '100', '101', '10,5', '10,10', '-10,100', '10,25,50,100,', '25:2m,100', '100:1e309s', '50:-1s,100'),
  pick('10:,100', ':5m', '10::5m,100', '1.5,100', '10%,100', '1e1,100', '10 25 50', '10\n25\n100', '١٠,١٠٠'),
  fc.array(fc.integer({ min: -200, max: 300 }), { maxLength: 300 }).map((a) => a.join(',')),
);

/**
 * Near misses of the valid value: case, padding, doubled, cut short, or with a character of
 * another script. Padding a valid word keeps it valid (inputs are trimmed), which is tried too.
 */
function nearMiss(valid: string): fc.Arbitrary<string> {
  if (valid === '') return pick('x', ' ');
  return fc.oneof(
    fc.mixedCase(fc.constant(valid)),
    pick(` ${valid} `, `${valid}\n`, `${valid}${valid}`, valid.slice(0, -1), `${valid}x`, `"${valid}"`, `${valid},`),
    pick(valid.replace(/[a-z]/, 'ạ'), valid.replace(/o/g, '0'), `${valid}\0`, `-${valid}`, `${valid} ${valid}`),
  );
}

/**
 * Every hostile value for one input: the generic ones, wrong types, and those aimed at what the
 * input is (a URL, a duration …); `valid` is a value the action accepts for it, whose near misses
 * are tried too.
 */
export function valuesFor(name: string, spec: InputSpec, valid: string): fc.Arbitrary<string> {
  const kinds = kindsOf(name, spec);
  const aimed: fc.Arbitrary<string>[] = [nearMiss(valid)];
  if (kinds.has('url')) aimed.push(urlValue);
  if (kinds.has('duration')) aimed.push(durationValue);
  if (kinds.has('rate')) aimed.push(rateValue);
  if (kinds.has('integer')) aimed.push(integerValue);
  if (kinds.has('boolean')) aimed.push(booleanValue);
  if (kinds.has('glob')) aimed.push(globValue, listValue(globValue));
  if (kinds.has('list') && !kinds.has('glob')) aimed.push(listValue(fc.oneof(nearMiss(valid), generic)));
  if (kinds.has('path')) aimed.push(pathValue);
  if (kinds.has('command')) aimed.push(commandValue);
  if (kinds.has('json')) aimed.push(jsonValue);
  if (name === 'stack') aimed.push(stackDoc);
  if (kinds.has('headers')) aimed.push(headersValue);
  if (kinds.has('host')) aimed.push(hostValue);
  if (kinds.has('steps')) aimed.push(stepsValue);
  // A secret input gets nothing but secrets: every value it is given must stay hidden.
  if (kinds.has('secret')) return secretValue;
  const base = fc.oneof(...aimed.map((arbitrary) => ({ arbitrary, weight: 3 })), generic, wrongType);
  // A command input runs its value through /bin/sh: nothing from the generic pool may chain or redirect.
  return kinds.has('command') ? base.filter((v) => !/[<>|;&`$]/.test(v)) : base;
}
