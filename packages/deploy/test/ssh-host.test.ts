// The `host` input and the key check of the ssh transport: pure parsing, no ssh needed.
import { describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { parseHost, targetLabel } from '../src/remote/index.js';
import { normalizePrivateKey } from '../src/remote/ssh-files.js';

describe('parseHost', () => {
  it.each([
    ['deploy@example.com', { user: 'deploy', host: 'example.com', port: 22 }],
    ['deploy@203.0.113.10:2222', { user: 'deploy', host: '203.0.113.10', port: 2222 }],
    ['ci_user.x-1@web-1.internal:22', { user: 'ci_user.x-1', host: 'web-1.internal', port: 22 }],
    ['root@[2001:db8::1]:2200', { user: 'root', host: '2001:db8::1', port: 2200 }],
    ['root@[::1]', { user: 'root', host: '::1', port: 22 }],
  ])('reads %s', (text, target) => {
    expect(parseHost(text)).toEqual(target);
  });

  it.each([
    ['', /is empty/],
    ['example.com', /names no user/],
    ['@example.com', /user name/],
    ['deploy@', /host name/],
    ['deploy@example.com:0', /port "0"/],
    ['deploy@example.com:65536', /port "65536"/],
    ['deploy@example.com:22x', /port "22x"/],
    ['deploy@example.com:', /port ""/],
    ['deploy@example.com:-22', /port/],
    ['deploy@exa mple.com', /contains spaces/],
    ['deploy@example.com\n', /contains spaces/],
    ['-oProxyCommand=sh@example.com', /starts with -/],
    ['deploy@-oProxyCommand=touch', /host name/],
    ['-deploy@example.com', /starts with -/],
    ['de;ploy@example.com', /user name/],
    ['deploy@exa$(id)mple.com', /host name/],
    ['deploy@example.com%h', /host name/],
    ['deploy@[not-ipv6]', /host name/],
    ['deploy@[::1', /not user@host/],
    ['deploy@.example.com', /host name/],
  ])('refuses %j', (text, message) => {
    expect(() => parseHost(text)).toThrow(userError('host', message));
    expect(() => parseHost(text)).toThrow(userError('host', /user@host:port/));
  });

  it('never repeats a long or multi-line value (a key pasted into the wrong input)', () => {
    const pasted = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n';
    expect(() => parseHost(pasted)).toThrow(userError('host', /^input 'host': the value contains spaces/));
  });

  it('labels a target for messages, IPv6 in brackets', () => {
    expect(targetLabel(parseHost('a@[::1]:2'))).toBe('a@[::1]:2');
    expect(targetLabel(parseHost('a@h'))).toBe('a@h:22');
  });
});

describe('normalizePrivateKey', () => {
  const body = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACD';
  const key = `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`;

  it.each([
    ['as it is', `${key}\n`],
    ['without its final newline', key],
    ['with CRLF line ends', `${key.replace(/\n/g, '\r\n')}\r\n`],
    ['with escaped newlines', key.replace(/\n/g, '\\n')],
    ['surrounded by blank lines', `\n\n${key}\n\n`],
  ])('takes a key %s', (_, text) => {
    expect(normalizePrivateKey(text)).toBe(`${key}\n`);
  });

  it.each([
    ['not a key', 'hunter2-NOT-A-KEY-SECRET', /is not a private key/],
    ['a public key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHUNTER2SECRET me@host', /is a public key/],
    ['a PEM key encrypted', key.replace(/OPENSSH/g, 'ENCRYPTED'), /passphrase/],
    ['a certificate', '-----BEGIN CERTIFICATE-----\nMIIBSECRETSECRET\n-----END CERTIFICATE-----', /not a private key/],
    ['mismatched armour', key.replace('END OPENSSH', 'END RSA'), /not a private key/],
  ])('refuses %s without repeating it', (_, text, message) => {
    expect(() => normalizePrivateKey(text)).toThrow(userError('ssh-key', message));
    try {
      normalizePrivateKey(text);
    } catch (e) {
      expect(String((e as Error).message)).not.toMatch(/SECRET|hunter2/);
      expect(String((e as { describe(): string }).describe())).not.toMatch(/SECRET|hunter2/);
    }
  });
});
