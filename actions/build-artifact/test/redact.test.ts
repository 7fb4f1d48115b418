import { describe, expect, it } from '@jest/globals';
import { redactSecrets } from '../src/redact.js';

const GH = `ghp_${'Zq8Wm3Rt5Y'.repeat(3)}1TqP9y`; // a GitHub token, 40 characters, its CRC32 checksum right
const AWS = 'AKIAQWERTYUIOPASDFGH';

describe('redactSecrets', () => {
  const cases: [string, string, string][] = [
    ['a GitHub token', `token: ${GH}`, 'token: ghp_…(40 chars)'],
    ['two secrets on one line', `${AWS} and ${GH}`, 'AKIA…(20 chars) and ghp_…(40 chars)'],
    [
      'secrets on several lines',
      `line 1\nuse ${GH}\nline 3 ${AWS}\n`,
      'line 1\nuse ghp_…(40 chars)\nline 3 AKIA…(20 chars)\n',
    ],
    [
      'a password in a URL',
      'fetching https://bot:hunter2-Pa55@example.com/x',
      'fetching https://bot:***@example.com/x',
    ],
    // security-scan does not report it (its CRC32 is off), but a log masks it all the same.
    ['a GitHub token with a wrong checksum', `token: ${GH.slice(0, -1)}z`, 'token: ghp_…(40 chars)'],
    ['text with nothing secret', 'npm ERR! missing script: build', 'npm ERR! missing script: build'],
  ];
  for (const [name, text, want] of cases) it(`masks ${name}`, () => expect(redactSecrets(text)).toBe(want));
});
