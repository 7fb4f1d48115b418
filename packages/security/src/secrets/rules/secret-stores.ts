// Secret managers and key files: HashiCorp Vault, Doppler, 1Password, age, PuTTY.
import type { SecretRule } from '../rules.js';
import { keyed, token } from './define.js';

const critical = { severity: 'critical' } as const;

/** A Doppler token kind: `dp.<kind>.` then 40 to 44 characters. */
const doppler = (kind: string, name: string): SecretRule<RegExp> =>
  token(
    `doppler-${name.toLowerCase().replace(/ /g, '-')}-token`,
    `Doppler ${name} token`,
    [`dp.${kind}.`],
    new RegExp(`\\b(dp\\.${kind}\\.[A-Za-z0-9]{40,44})\\b`, 'g'),
    critical,
  );

/** Secret-manager tokens and key files. */
export const SECRET_STORE_RULES: SecretRule<RegExp>[] = [
  token(
    'vault-service-token',
    'HashiCorp Vault service token',
    ['hvs.'],
    /\b(hvs\.[A-Za-z0-9_-]{90,120})(?![\w-])/g,
    critical,
  ),
  token(
    'vault-batch-token',
    'HashiCorp Vault batch token',
    ['hvb.'],
    /\b(hvb\.[A-Za-z0-9_-]{138,300})(?![\w-])/g,
    critical,
  ),
  keyed('vault-legacy-token', 'HashiCorp Vault token (legacy format)', ['vault'], 's\\.[a-z0-9]{24}', critical),
  doppler('pt', 'personal'),
  doppler('st', 'service'),
  doppler('ct', 'CLI'),
  doppler('sa', 'service account'),
  doppler('scim', 'SCIM'),
  doppler('audit', 'audit'),
  token(
    '1password-secret-key',
    '1Password account secret key',
    ['a3-'],
    /\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b/g,
    critical,
  ),
  token(
    '1password-service-account-token',
    '1Password service account token',
    ['ops_eyj'],
    /\b(ops_eyJ[A-Za-z0-9+/]{250,}={0,3})(?![A-Za-z0-9+/=])/g,
    critical,
  ),
  token(
    'age-secret-key',
    'age secret key',
    ['age-secret-key-1'],
    /\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b/g,
    critical,
  ),
  token(
    'putty-private-key',
    'PuTTY private key',
    ['putty-user-key-file-'],
    /(PuTTY-User-Key-File-[23]: (?:ssh-rsa|ssh-dss|ssh-ed25519|ssh-ed448|ecdsa-sha2-nistp\d{3}))/g,
    {
      ...critical,
      fix: 'Treat the key as compromised: revoke it, generate a new key pair, and keep the private key out of the repository.',
    },
  ),
];
