import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RULES, SecretEngine } from '../src/index.js';
import { checksummed, examples, rand, SAMPLES } from './corpus.js';

const engine = new SecretEngine(DEFAULT_RULES);
const found = (line: string): string[] =>
  engine.scan(`# settings\n${line}\n`, 'config/app.env', 1).map((f) => `${f.rule.id}:${f.line}`);

describe('built-in secret rules', () => {
  it('cover at least 150 credential types, each id once', () => {
    const ids = DEFAULT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(150);
  });

  it('have a sample for every rule, and no sample without a rule', () => {
    expect(Object.keys(SAMPLES).sort()).toStrictEqual(DEFAULT_RULES.map((r) => r.id).sort());
  });

  it('keep every keyword lower-case, at least 3 characters, and present in the sample', () => {
    for (const rule of DEFAULT_RULES) {
      for (const k of rule.keywords) {
        expect(`${rule.id}:${k}`).toBe(`${rule.id}:${k.toLowerCase()}`);
        expect(k.length).toBeGreaterThanOrEqual(3);
      }
      const { positive } = examples(rule.id, SAMPLES[rule.id]!);
      expect([rule.id, rule.keywords.some((k) => positive.toLowerCase().includes(k))]).toStrictEqual([rule.id, true]);
    }
  });

  for (const rule of DEFAULT_RULES) {
    const sample = SAMPLES[rule.id];
    if (!sample) continue;
    const { positive, negative } = examples(rule.id, sample);
    it(`${rule.id}: finds its positive example`, () => expect(found(positive)).toContain(`secret/${rule.id}:2`));
    it(`${rule.id}: stays quiet on its negative example`, () => {
      expect(negative).not.toBe(positive);
      expect(found(negative)).not.toContain(`secret/${rule.id}:2`);
    });
  }
});

describe('documented checksums', () => {
  const body = rand(901, 30);

  it.each([
    ['github-token', ['gh', 'p_'].join('')],
    ['github-token', ['gh', 's_'].join('')],
    ['npm-token', ['np', 'm_'].join('')],
  ])('%s: reports a token whose CRC-32 holds, not one whose last character is off', (rule, prefix) => {
    const good = checksummed(prefix, body);
    const last = good.at(-1) === 'A' ? 'B' : 'A';
    const bad = `${good.slice(0, -1)}${last}`;
    expect(found(`TOKEN=${good}`)).toContain(`secret/${rule}:2`);
    expect(found(`TOKEN=${bad}`)).not.toContain(`secret/${rule}:2`);
  });

  it('does not report a random look-alike of the right length', () => {
    expect(found(`TOKEN=${['gh', 'p_'].join('')}${rand(902, 36)}`)).not.toContain('secret/github-token:2');
  });

  it('reports a base64 value only when it decodes to a JSON Web Token', () => {
    const jwt = `${['ey', 'J'].join('')}${rand(903, 20)}.${['ey', 'J'].join('')}${rand(904, 40)}.${rand(905, 43)}`;
    const wrapped = Buffer.from(jwt).toString('base64');
    // Same prefix (ZXlK), but the rest decodes to bytes that are no token.
    const lookAlike = `${wrapped.slice(0, 8)}${rand(906, wrapped.length - 8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ+/')}`;
    expect(found(`token: ${wrapped}`)).toContain('secret/jwt-base64:2');
    expect(found(`token: ${lookAlike}`)).not.toContain('secret/jwt-base64:2');
  });
});

describe('rules for values named by their provider (keyed)', () => {
  const value = rand(950, 20).toLowerCase();
  // Each layout as people write it, with the provider's name in the key.
  const layouts: [string, string, string][] = [
    ['XML element', 'settings.xml', `  <lookerClientId>${value}</lookerClientId>`],
    ['XML attribute', 'web.config', `    <add key="LOOKER_CLIENT_ID" value="${value}" />`],
    ['Go typed var', 'config.go', `var lookerClientId string = \`${value}\``],
    ['PHP array', 'config.php', `$config['looker_client_id'] = '${value}';`],
    ['Makefile ?=', 'Makefile', `LOOKER_CLIENT_ID ?= ${value}`],
    ['setProperty', 'Config.java', `    System.setProperty("looker.client.id", "${value}");`],
    ['put', 'Settings.java', `    props.put("looker.client.id", "${value}");`],
    ['.env', '.env', `LOOKER_CLIENT_ID=${value}`],
  ];
  it.each(layouts)('finds the value in the %s layout', (_, file, line) => {
    const hits = engine.scan(`# settings\n${line}\n`, file, 1).filter((f) => f.rule.id === 'secret/looker-client-id');
    expect(hits.map((f) => [f.line, f.column])).toStrictEqual([[2, line.indexOf(value) + 1]]);
  });

  it('does not read a value two names away', () => {
    expect(found(`LOOKER_CLIENT_ID = other_name = ${value}`)).not.toContain('secret/looker-client-id:2');
  });

  it("reports Mailgun's public validation key even under a name saying public", () => {
    const key = `${['pub', 'key-'].join('')}${rand(951, 32, '0123456789abcdef')}`;
    expect(found(`MAILGUN_PUBLIC_KEY=${key}`)).toContain('secret/mailgun-public-key:2');
    // A Stripe publishable key named as such is public by design: quiet.
    const pk = `${['pk', '_live_'].join('')}${rand(952, 32)}`;
    expect(found(`STRIPE_PUBLISHABLE_KEY=${pk}`)).toStrictEqual([]);
    expect(found(`STRIPE_KEY=${pk}`)).toContain('secret/stripe-publishable-key:2');
  });
});
