import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_RULES, SecretEngine, shannonEntropy } from '../src/index.js';
import { findGenericSecrets, looksLikeSecret } from '../src/secrets/generic.js';
import { checksummed, rand } from './corpus.js';

const engine = new SecretEngine(DEFAULT_RULES);
const HEX = '0123456789abcdef';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SYMBOLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!%^-_+=~.';

/** One assignment layout: the file it sits in and the line, given the secret. */
interface Form {
  form: string;
  file: string;
  line: (secret: string) => string;
  /** The alphabet and length of the generated secret (alphanumeric, 32, by default). */
  alphabet?: string;
  length?: number;
  /** The value reported, when more than the generated part (`live_` and the secret). */
  value?: (secret: string) => string;
}

const BT = '`';
const groups = (s: string): string => `${s.slice(0, 32)}-${s.slice(32, 40)}-${s.slice(40)}`;
const FORMS: Form[] = [
  { form: '.env unquoted', file: '.env', line: (s) => `SERVICE_TOKEN=${s}` },
  { form: '.env double-quoted', file: '.env', line: (s) => `SERVICE_TOKEN="${s}"` },
  { form: 'INI', file: 'app.ini', line: (s) => `password = ${s}` },
  { form: 'properties with =', file: 'app.properties', line: (s) => `app.auth.secret=${s}` },
  { form: 'properties with :', file: 'app.properties', line: (s) => `spring.datasource.password: ${s}` },
  { form: 'YAML unquoted', file: 'config.yaml', line: (s) => `  client_secret: ${s}` },
  { form: 'YAML single-quoted', file: 'config.yml', line: (s) => `  api_key: '${s}'` },
  { form: 'XML element', file: 'settings.xml', line: (s) => `    <password>${s}</password>` },
  { form: 'XML attribute', file: 'web.xml', line: (s) => `<connection user="app" password="${s}" />` },
  { form: '.NET appSettings', file: 'Web.config', line: (s) => `<add key="ServiceApiSecret" value="${s}" />` },
  { form: 'Go backticks', file: 'main.go', line: (s) => `apiToken := ${BT}${s}${BT}` },
  { form: 'Go var with type', file: 'main.go', line: (s) => `var apiToken string = "${s}"` },
  { form: 'Kotlin typed val', file: 'App.kt', line: (s) => `val apiToken: String = "${s}"` },
  { form: 'PHP .=', file: 'config.php', line: (s) => `$password .= '${s}';` },
  { form: 'PHP array =>', file: 'config.php', line: (s) => `    'auth_token' => '${s}',` },
  { form: 'Makefile ?=', file: 'Makefile', line: (s) => `SERVICE_TOKEN ?= ${s}` },
  { form: 'Makefile :=', file: 'Makefile', line: (s) => `SERVICE_TOKEN := ${s}` },
  { form: 'Makefile ::=', file: 'Makefile', line: (s) => `SERVICE_TOKEN ::= ${s}` },
  { form: 'Makefile :::=', file: 'Makefile', line: (s) => `SERVICE_TOKEN :::= ${s}` },
  { form: 'shell export', file: 'deploy.sh', line: (s) => `export SERVICE_TOKEN=${s}` },
  { form: 'setProperty', file: 'Main.java', line: (s) => `System.setProperty("service.password", "${s}");` },
  { form: 'put', file: 'Main.java', line: (s) => `props.put("auth_token", "${s}");` },
  { form: 'JSON', file: 'config.json', line: (s) => `{"client_secret": "${s}", "region": "eu"}` },
  { form: 'TOML', file: 'config.toml', line: (s) => `secret_key = "${s}"` },
  { form: 'environ subscript', file: 'settings.py', line: (s) => `os.environ["SERVICE_TOKEN"] = "${s}"` },
  { form: 'Ruby hash rocket', file: 'config.rb', line: (s) => `  :api_key => "${s}",` },
  { form: 'Authorization header', file: 'req.http', line: (s) => `Authorization: Bearer ${s}` },
  { form: 'quoted Authorization header', file: 'req.js', line: (s) => `headers: { "Authorization": "Bearer ${s}" },` },
  { form: 'hex value', file: '.env', line: (s) => `CLIENT_SECRET=${s}`, alphabet: HEX },
  {
    form: 'long letters-only value',
    file: 'config.yaml',
    line: (s) => `password: ${s}`,
    alphabet: LETTERS,
    length: 28,
  },
  {
    form: 'hex groups',
    file: '.env',
    line: (s) => `SIGNING_KEY=${groups(s)}`,
    alphabet: HEX,
    length: 48,
    value: groups,
  },
  {
    form: 'prefixed body',
    file: '.env',
    line: (s) => `SERVICE_API_KEY=live_${s}`,
    alphabet: HEX,
    length: 35,
    value: (s) => `live_${s}`,
  },
  {
    form: 'dotted value',
    file: '.env',
    line: (s) => `SERVICE_TOKEN=dp.st.prd.${s}`,
    length: 43,
    value: (s) => `dp.st.prd.${s}`,
  },
  {
    form: 'password with symbols',
    file: 'app.ini',
    line: (s) => `db_password = "${s}"`,
    alphabet: SYMBOLS,
    length: 20,
  },
];

describe('generic rule: assignment forms', () => {
  FORMS.forEach(({ form, file, line, alphabet, length, value }, i) => {
    it(`finds a generated secret in the ${form} form`, () => {
      const generated = rand(500 + i, length ?? 32, alphabet);
      const secret = value ? value(generated) : generated;
      const text = line(generated);
      expect(findGenericSecrets(text).map((m) => m.secret)).toStrictEqual([secret]);
      const findings = engine.scan(`# settings\n${text}\n`, file, 1);
      const generic = findings.filter((f) => f.rule.id === 'secret/generic-secret');
      expect(generic.map((f) => [f.line, f.column])).toStrictEqual([[2, text.indexOf(secret) + 1]]);
    });
  });
});

describe('generic rule: not secrets', () => {
  const QUIET: [string, string][] = [
    ['a variable reference', 'password: ${DB_PASSWORD}'],
    ['a template', 'password: "{{ .Values.db.password }}"'],
    ['a call', 'token: getServiceToken(config)'],
    ['a property path', 'secret: process.env.SERVICE_SECRET_VALUE'],
    ['a URL named by a token', 'TOKEN_URL=https://auth.example.org/oauth/token'],
    ['a hash named as one', `password_hash = "${rand(601, 64, HEX)}"`],
    ['an id', `api_key_id: ${rand(602, 32)}`],
    ['an author', 'author = "Johnathan Smithsonian-Reynolds"'],
    ['an identifier', 'tokenizer: whitespace_tokenizer_v2_default'],
    ['a media type', 'auth: application/json'],
    ['a short letters-only word', 'password: CorrectHorseBattery'],
    ['a secret name, not a secret', 'secret_name: my-app-production-secret'],
    ['an XML element without its closing tag', `<password>${rand(603, 32)}`],
    ['a comparison', `if token == "${rand(604, 32)}"`],
    ["an environment variable's name", "  key: 'SERVICE_API_KEY',"],
    ['a short property path', 'sshKey: sshd.userKey,'],
    ['a negation', 'rejectUnauthorized: !spec.insecureTls,'],
    ['an optional chain', 'arrayResponse[key] = fullResponse.parsedBody?.[key];'],
    ['strings in an array, not a call', `['not a key', '${rand(605, 24)}'],`],
    ['a cache key', `AUTH_CACHE_KEY=${rand(606, 32, HEX)}`],
    [
      'a request id',
      `AUTH_REQUEST_ID=${rand(607, 8, HEX)}-${rand(608, 4, HEX)}-4${rand(609, 3, HEX)}-a${rand(610, 3, HEX)}-${rand(611, 12, HEX)}`,
    ],
    ['an integrity hash', `KEY_INTEGRITY=sha512-${rand(612, 86, B64)}==`],
  ];
  for (const [what, line] of QUIET) {
    it(`stays quiet on ${what}`, () => {
      expect(findGenericSecrets(line)).toStrictEqual([]);
      expect(
        engine.scan(`${line}\n`, 'config/app.yaml', 1).filter((f) => f.rule.id === 'secret/generic-secret'),
      ).toStrictEqual([]);
    });
  }
});

describe('generic rule: entropy per alphabet', () => {
  it('accepts random values over each alphabet, measured against that alphabet', () => {
    const alphabets = [HEX, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', undefined, SYMBOLS];
    for (const alphabet of alphabets) {
      const found = Array.from({ length: 50 }, (_, i) => rand(700 + i, 40, alphabet)).filter(looksLikeSecret);
      expect(found.length).toBeGreaterThanOrEqual(47);
    }
  });

  it('would have missed random hex under one threshold of 4.2 bits, and finds it now', () => {
    const hex = rand(800, 40, HEX);
    expect(shannonEntropy(hex)).toBeLessThan(4.2);
    expect(looksLikeSecret(hex)).toBe(true);
  });

  it('rejects low-entropy values within their alphabet', () => {
    expect(looksLikeSecret('aaaabbbbaaaabbbbaaaabbbb1')).toBe(false);
    expect(looksLikeSecret('0000000000000000000000000000001f')).toBe(false);
  });

  it('allows letters-only values only when long enough', () => {
    expect(looksLikeSecret(rand(801, 12, LETTERS))).toBe(false);
    expect(looksLikeSecret(rand(802, 28, LETTERS))).toBe(true);
  });
});

describe('generic rule beside specific rules', () => {
  const ghp = ['gh', 'p_'].join('');

  it('yields to a specific rule that finds the same value', () => {
    const line = `GITHUB_TOKEN=${checksummed(ghp, rand(1000, 30))}`;
    expect(engine.scan(`${line}\n`, '.env', 1).map((f) => f.rule.id)).toStrictEqual(['secret/github-token']);
  });

  it('does not report a look-alike that a specific rule refused (a wrong checksum)', () => {
    const valid = checksummed(ghp, rand(1001, 30));
    const broken = `${valid.slice(0, -6)}${valid.slice(-6).split('').reverse().join('')}`;
    expect(broken).not.toBe(valid);
    expect(engine.scan(`GITHUB_TOKEN=${broken}\n`, '.env', 1)).toStrictEqual([]);
  });
});

describe('generic rule: names', () => {
  const secret = rand(1100, 32);

  it('reads a name with up to 40 characters either side of its keyword, and no longer one', () => {
    const side = 'a'.repeat(40);
    expect(findGenericSecrets(`${side}token${side} = "${secret}"`).map((m) => m.name)).toStrictEqual([
      `${side}token${side}`,
    ]);
    expect(findGenericSecrets(`${side}atoken = "${secret}"`)).toStrictEqual([]);
    expect(findGenericSecrets(`token${side}a = "${secret}"`)).toStrictEqual([]);
    // Another keyword in the same name can be the one within reach.
    const name = `token${'a'.repeat(30)}secret${'b'.repeat(20)}`;
    expect(findGenericSecrets(`${name} = "${secret}"`).map((m) => m.name)).toStrictEqual([name]);
  });

  it('reads every name in a line, also one inside another value', () => {
    const other = rand(1101, 32);
    const found = findGenericSecrets(`api_key="${secret}" client_secret='${other}' OPTS="auth_token=${secret}"`);
    expect(found.map((m) => [m.name, m.secret])).toStrictEqual([
      ['api_key', secret],
      ['client_secret', other],
      ['auth_token', secret],
    ]);
  });

  it('finds the value wherever the name sits in the line', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', ';', '(', ',', 'x', '1'), maxLength: 30 }), (before) => {
        const line = `${before} password = "${secret}"`;
        const found = findGenericSecrets(line);
        expect(found.map((m) => [m.index, m.secret])).toContainEqual([line.lastIndexOf(secret), secret]);
      }),
      { numRuns: 300 },
    );
  });
});
