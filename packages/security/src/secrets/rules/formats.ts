// Formats that are not one provider's: key files, JSON Web Tokens, URLs with passwords, and
// the generic assignment rule (which yields to any specific rule on the same value).
import type { SecretRule } from '../rules.js';
import { GENERIC_KEYWORDS } from '../generic.js';
import { decodesToJwt } from './checksum.js';
import { token } from './define.js';

const JWT_FIX = 'If the token is still valid, revoke it (or rotate its signing key) and take it out of the repository.';

/** Key files, tokens in standard formats, and the generic rule. */
export const FORMAT_RULES: SecretRule<RegExp>[] = [
  token(
    'private-key',
    'Private key',
    ['private key'],
    /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)/g,
    {
      severity: 'critical',
      description: 'A PEM, OpenSSH or PGP private key.',
      fix: 'Treat the key as compromised: revoke it, generate a new key pair, and keep the private key out of the repository.',
    },
  ),
  token(
    'jwt',
    'JSON Web Token',
    ['eyj'],
    /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])/g,
    {
      severity: 'medium',
      description: 'A signed JSON Web Token.',
      fix: JWT_FIX,
    },
  ),
  token(
    'jwt-base64',
    'Base64-encoded JSON Web Token',
    ['zxlk'],
    /\b(ZXlK[A-Za-z0-9+/]{60,}={0,2})(?![A-Za-z0-9+/=])/g,
    {
      severity: 'medium',
      description: 'A JSON Web Token encoded once more in base64 (as in Kubernetes secrets).',
      fix: JWT_FIX,
      verify: decodesToJwt,
    },
  ),
  token(
    'database-url-password',
    'Database URL with a password',
    ['://'],
    /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver):\/\/[^:\s/@'"]+:([^@\s/'"]{3,})@/gi,
    {
      description: 'A database or broker URL that carries a password.',
      fix: 'Change the database password, and pass the URL through an environment variable or secret store.',
      allow: [/^\$|^\{|^<|^\*+$|^(password|pass|passwd|secret|changeme|postgres|root|example|test|user)$/i],
    },
  ),
  token(
    'generic-secret',
    'Generic secret assignment',
    GENERIC_KEYWORDS,
    // Not run: the engine reads every assignment form with findGenericSecrets (generic.ts) for this id.
    /(?:key|secret|token|passw(?:or)?d|pwd|auth|credential)[\w.-]{0,20}["']?\s*[:=]{1,2}>?\s*["']([A-Za-z0-9_+/=.~-]{16,})["']/gi,
    {
      severity: 'medium',
      description:
        'A random-looking value assigned to a name holding key, secret, token, password, auth or credential, in any common file format.',
      fix: 'If this is a real credential, rotate it and load it from a secret store; if it is not, add `slipway:allow` to the line.',
    },
  ),
];
