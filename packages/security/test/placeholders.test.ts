import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RULES, SecretEngine } from '../src/index.js';
import { isPlaceholder } from '../src/secrets/placeholders.js';
import { rand } from './corpus.js';

const engine = new SecretEngine(DEFAULT_RULES);
const scan = (text: string, file = 'config/app.env') => engine.scan(text, file, 1);
const ids = (text: string, file?: string) => scan(text, file).map((f) => f.rule.id);

// Prefixes are assembled at run time, so no credential-shaped literal sits in the repository.
const p = (...parts: string[]): string => parts.join('');
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const AKIA = p('AK', 'IA');
const BEGIN = p('-----BEGIN ', 'PRIVATE KEY-----');
const END = p('-----END ', 'PRIVATE KEY-----');

describe('placeholders behind a real prefix', () => {
  const QUIET: [string, string][] = [
    ['a GitHub prefix and x', `GITHUB_TOKEN=${p('gh', 'p_')}${'x'.repeat(36)}`],
    ['an AWS prefix and X', `aws_access_key_id = ${AKIA}${'X'.repeat(16)}`],
    ['a Slack prefix and sequential characters', `SLACK_BOT_TOKEN=${p('xo', 'xb-')}12345-abcd234`],
    [
      'an Anthropic prefix and a repeated sequence',
      `ANTHROPIC_API_KEY=${p('sk-', 'ant-', 'api03-')}${'abc123xyz'.repeat(10)}AA`,
    ],
    ['stars', `client_secret: "${'*'.repeat(24)}"`],
    ['hashes', `SERVICE_TOKEN=${'#'.repeat(24)}`],
    ['dots after a few characters', `api_key = "${rand(900, 6)}......................"`],
    [
      'an alphabet constant',
      `const ALPHABET_KEY = "${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'}";`,
    ],
    ['a digits-then-letters constant', `secret_key = "0123456789abcdefghijklmnopqrstuv"`],
    ['a public key by name', `public_key = "${rand(901, 44, B64)}"`],
    ['a value named NEXT_PUBLIC_*', `NEXT_PUBLIC_SERVICE_TOKEN=${rand(902, 32)}`],
    ['a camel-case public name', `publicApiKey: "${rand(903, 32)}"`],
    ['an SSH public key', `deploy_key: ssh-ed25519 ${p('AAAAC3NzaC1l', 'ZDI1NTE5')}AAAAI${rand(904, 38)}`],
  ];
  for (const [what, line] of QUIET) {
    it(`stays quiet on ${what}`, () => expect(ids(`${line}\n`)).toStrictEqual([]));
  }

  // Controls: the same lines with real-shaped generated values are found, so the quiet ones above
  // are quiet because of the placeholder filter, not because the rule never matched.
  const FOUND: [string, string, string][] = [
    ['an AWS key ID', `aws_access_key_id = ${AKIA}${rand(910, 16, UPPER32)}`, 'secret/aws-access-key-id'],
    [
      'a Slack token',
      `SLACK_BOT_TOKEN=${p('xo', 'xb-')}${rand(911, 12, '0123456789')}-${rand(912, 24)}`,
      'secret/slack-token',
    ],
    ['an Anthropic key', `ANTHROPIC_API_KEY=${p('sk-', 'ant-', 'api03-')}${rand(913, 93)}AA`, 'secret/anthropic-key'],
    ['a generic secret', `client_secret: "${rand(914, 32)}"`, 'secret/generic-secret'],
    ['a private name', `private_key = "${rand(915, 44, B64)}"`, 'secret/generic-secret'],
  ];
  for (const [what, line, rule] of FOUND) {
    it(`still finds ${what}`, () => expect(ids(`${line}\n`)).toContain(rule));
  }
});

describe('private-key headers', () => {
  const material = () => Array.from({ length: 3 }, (_, i) => rand(920 + i, 64, B64)).join('\n');

  it('stays quiet on a header around no key material', () => {
    expect(ids(`${BEGIN}\n${END}\n`, 'key.pem')).toStrictEqual([]);
    expect(ids(`${BEGIN}\n...\n${END}\n`, 'README.md')).toStrictEqual([]);
    expect(ids(`${BEGIN}\n<your key here>\n${END}\n`, 'README.md')).toStrictEqual([]);
    expect(ids(`const header = "${BEGIN}";\n`, 'pem.ts')).toStrictEqual([]);
  });

  it('finds a key with material on the next lines, after PEM headers', () => {
    expect(ids(`${BEGIN}\n${material()}\n${END}\n`, 'key.pem')).toContain('secret/private-key');
    const rsa = p('-----BEGIN RSA ', 'PRIVATE KEY-----');
    const headers = 'Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123\n\n';
    expect(ids(`${rsa}\n${headers}${material()}\n`, 'key.pem')).toContain('secret/private-key');
  });

  it('finds a key inside a JSON string with escaped newlines', () => {
    const json = `{"private_key": "${BEGIN}\\n${rand(930, 64, B64)}\\n${END}\\n"}`;
    expect(ids(`${json}\n`, 'sa.json')).toContain('secret/private-key');
  });
});

describe('OIDs', () => {
  it('treats a dotted number as an OID, not a secret', () => {
    const ctx = { text: 'x', at: 0, lineStart: 0, lineEnd: 1 };
    expect(isPlaceholder('1.2.840.113549.1.1.11', ctx)).toBe(true);
    expect(isPlaceholder(rand(940, 32), ctx)).toBe(false);
  });
});

describe('Google API keys published by design', () => {
  const key = () => `${p('AI', 'za')}${rand(950, 35)}`;

  it('reports a key in a Firebase web config at low severity, with a note', () => {
    const text = [
      'const firebaseConfig = {',
      `  apiKey: "${key()}",`,
      '  authDomain: "shop.firebaseapp.com",',
      '  projectId: "shop",',
      '};',
      '',
    ].join('\n');
    const findings = scan(text, 'web/src/firebase.ts').filter((f) => f.rule.id === 'secret/google-api-key');
    expect(findings.map((f) => [f.line, f.severity])).toStrictEqual([[2, 'low']]);
    expect(findings[0]!.message).toMatch(/Firebase web config/);
  });

  it('reports a key in a Maps JavaScript URL at low severity', () => {
    const line = `<script src="https://maps.googleapis.com/maps/api/js?key=${key()}&callback=initMap"></script>`;
    const findings = scan(`${line}\n`, 'index.html').filter((f) => f.rule.id === 'secret/google-api-key');
    expect(findings.map((f) => f.severity)).toStrictEqual(['low']);
    expect(findings[0]!.message).toMatch(/Maps JavaScript API key/);
  });

  it('keeps the rule severity for a key anywhere else', () => {
    const findings = scan(`GOOGLE_KEY=${key()}\n`, 'server/.env').filter((f) => f.rule.id === 'secret/google-api-key');
    expect(findings.map((f) => f.severity)).toStrictEqual([
      DEFAULT_RULES.find((r) => r.id === 'google-api-key')!.severity,
    ]);
    expect(findings[0]!.message).not.toMatch(/by design/);
  });
});
