import type { UserPattern } from '@slipway/action-kit/pattern';
import type { Severity } from '../types.js';

/**
 * A pattern a rule runs: the built-in rules are native regexes (written here, known to be
 * linear); every pattern from a user's configuration is compiled for RE2 instead.
 */
export type SecretPattern = RegExp | UserPattern;

/** A secret rule: keywords gate it (cheap substring test), the regex finds it, group `secretGroup` is the secret. */
export interface SecretRule<P extends SecretPattern = SecretPattern> {
  id: string;
  name: string;
  description: string;
  severity: Severity;
  /** Lower-case substrings; the regex only runs on lines holding one of them. */
  keywords: string[];
  regex: P;
  secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  /** Only for files whose path matches. */
  path?: P;
  /** What to do about it. */
  fix: string;
  /** Extra allow patterns applied to the secret. */
  allow?: P[];
}

const ROTATE =
  'Revoke the credential at its provider now (it is in the history even after the line is removed), issue a new one, and load it from a secret store (for example GitHub Actions secrets) instead of the repository.';

/** Built-in rules, written for slipway: the credentials people actually leak. */
export const DEFAULT_RULES: SecretRule<RegExp>[] = [
  {
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    description: 'An AWS access key ID.',
    severity: 'high',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    regex: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
    fix: ROTATE,
  },
  {
    id: 'aws-secret-access-key',
    name: 'AWS secret access key',
    description: 'An AWS secret access key next to an AWS keyword.',
    severity: 'critical',
    keywords: ['aws'],
    regex: /aws.{0,25}?(?:secret|private|key).{0,20}?['"\s:=]([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    entropy: 4.0,
    fix: ROTATE,
  },
  {
    id: 'github-token',
    name: 'GitHub token',
    description: 'A GitHub personal access, OAuth, user-to-server, server-to-server or refresh token.',
    severity: 'critical',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    regex: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36})\b/g,
    fix: ROTATE,
  },
  {
    id: 'github-fine-grained-token',
    name: 'GitHub fine-grained token',
    description: 'A GitHub fine-grained personal access token.',
    severity: 'critical',
    keywords: ['github_pat_'],
    regex: /\b(github_pat_[A-Za-z0-9_]{82})\b/g,
    fix: ROTATE,
  },
  {
    id: 'gitlab-token',
    name: 'GitLab token',
    description: 'A GitLab personal, deploy or runner token.',
    severity: 'critical',
    keywords: ['glpat-', 'gldt-', 'glrt-', 'glptt-'],
    regex: /\b((?:glpat|gldt|glrt|glptt)-[A-Za-z0-9_-]{20,})\b/g,
    fix: ROTATE,
  },
  {
    id: 'slack-token',
    name: 'Slack token',
    description: 'A Slack bot, user, app or configuration token.',
    severity: 'high',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
    regex: /\b((?:xox[abprs]|xoxe(?:\.xox[bp])?|xapp)-[0-9A-Za-z-]{10,})\b/g,
    fix: ROTATE,
  },
  {
    id: 'slack-webhook',
    name: 'Slack webhook',
    description: 'A Slack incoming-webhook URL.',
    severity: 'high',
    keywords: ['hooks.slack.com'],
    regex:
      /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]{16,})/g,
    fix: 'Delete the webhook in Slack and create a new one; keep its URL in a secret store.',
  },
  {
    id: 'stripe-key',
    name: 'Stripe secret key',
    description: 'A Stripe secret or restricted key.',
    severity: 'critical',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    regex: /\b((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,99})\b/g,
    fix: ROTATE,
  },
  {
    id: 'google-api-key',
    name: 'Google API key',
    description: 'A Google Cloud or Firebase API key.',
    severity: 'high',
    keywords: ['aiza'],
    regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    fix: ROTATE,
  },
  {
    id: 'gcp-service-account',
    name: 'Google service-account key',
    description: 'A Google Cloud service-account key file (its private key ID).',
    severity: 'critical',
    keywords: ['private_key_id'],
    regex: /"private_key_id"\s*:\s*"([a-f0-9]{40})"/g,
    fix: ROTATE,
  },
  {
    id: 'azure-storage-key',
    name: 'Azure storage account key',
    description: 'An Azure storage account key or connection string.',
    severity: 'critical',
    keywords: ['accountkey'],
    regex: /AccountKey=([A-Za-z0-9+/]{86}==)/g,
    fix: ROTATE,
  },
  {
    id: 'private-key',
    name: 'Private key',
    description: 'A PEM, OpenSSH or PGP private key.',
    severity: 'critical',
    keywords: ['private key'],
    regex: /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)/g,
    fix: 'Treat the key as compromised: revoke it, generate a new key pair, and keep the private key out of the repository.',
  },
  {
    id: 'jwt',
    name: 'JSON Web Token',
    description: 'A signed JSON Web Token.',
    severity: 'medium',
    keywords: ['eyj'],
    regex: /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])/g,
    fix: 'If the token is still valid, revoke it (or rotate its signing key) and take it out of the repository.',
  },
  {
    id: 'npm-token',
    name: 'npm access token',
    description: 'An npm access token.',
    severity: 'critical',
    keywords: ['npm_'],
    regex: /\b(npm_[A-Za-z0-9]{36})\b/g,
    fix: ROTATE,
  },
  {
    id: 'pypi-token',
    name: 'PyPI upload token',
    description: 'A PyPI API token.',
    severity: 'critical',
    keywords: ['pypi-ageichlwas5vcmc'],
    regex: /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})/g,
    fix: ROTATE,
  },
  {
    id: 'rubygems-key',
    name: 'RubyGems API key',
    description: 'A RubyGems API key.',
    severity: 'critical',
    keywords: ['rubygems_'],
    regex: /\b(rubygems_[a-f0-9]{48})\b/g,
    fix: ROTATE,
  },
  {
    id: 'nuget-key',
    name: 'NuGet API key',
    description: 'A NuGet API key.',
    severity: 'high',
    keywords: ['oy2'],
    regex: /\b(oy2[a-z0-9]{43})\b/g,
    fix: ROTATE,
  },
  {
    id: 'twilio-api-key',
    name: 'Twilio API key',
    description: 'A Twilio API key SID next to its secret or a Twilio keyword.',
    severity: 'high',
    keywords: ['twilio'],
    regex: /twilio.{0,40}?\b(SK[0-9a-fA-F]{32})\b/gi,
    fix: ROTATE,
  },
  {
    id: 'sendgrid-key',
    name: 'SendGrid API key',
    description: 'A SendGrid API key.',
    severity: 'high',
    keywords: ['sg.'],
    regex: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})\b/g,
    fix: ROTATE,
  },
  {
    id: 'mailgun-key',
    name: 'Mailgun API key',
    description: 'A Mailgun private API key.',
    severity: 'high',
    keywords: ['mailgun', 'key-'],
    regex: /\b(key-[0-9a-f]{32})\b/g,
    fix: ROTATE,
  },
  {
    id: 'shopify-token',
    name: 'Shopify token',
    description: 'A Shopify access, custom-app, private-app or shared secret.',
    severity: 'high',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    regex: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/g,
    fix: ROTATE,
  },
  {
    id: 'digitalocean-token',
    name: 'DigitalOcean token',
    description: 'A DigitalOcean personal access, OAuth or refresh token.',
    severity: 'high',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    regex: /\b(do[opr]_v1_[a-f0-9]{64})\b/g,
    fix: ROTATE,
  },
  {
    id: 'heroku-key',
    name: 'Heroku API key',
    description: 'A Heroku API key.',
    severity: 'high',
    keywords: ['heroku', 'hrku-'],
    regex:
      /(?:heroku.{0,25}?['"\s:=]([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|\b(HRKU-[A-Za-z0-9_-]{60}))/gi,
    fix: ROTATE,
  },
  {
    id: 'databricks-token',
    name: 'Databricks token',
    description: 'A Databricks personal access token.',
    severity: 'high',
    keywords: ['dapi'],
    regex: /\b(dapi[a-f0-9]{32}(?:-\d)?)\b/g,
    fix: ROTATE,
  },
  {
    id: 'openai-key',
    name: 'OpenAI API key',
    description: 'An OpenAI API key.',
    severity: 'critical',
    keywords: ['t3blbkfj'],
    regex: /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})/g,
    fix: ROTATE,
  },
  {
    id: 'anthropic-key',
    name: 'Anthropic API key',
    description: 'An Anthropic API key.',
    severity: 'critical',
    keywords: ['sk-ant-'],
    regex: /\b(sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,}AA)(?![A-Za-z0-9_-])/g,
    fix: ROTATE,
  },
  {
    id: 'database-url-password',
    name: 'Database URL with a password',
    description: 'A database or broker URL that carries a password.',
    severity: 'high',
    keywords: ['://'],
    regex:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver):\/\/[^:\s/@'"]+:([^@\s/'"]{3,})@/gi,
    fix: 'Change the database password, and pass the URL through an environment variable or secret store.',
    allow: [/^\$|^\{|^<|^\*+$|^(password|pass|passwd|secret|changeme|postgres|root|example|test|user)$/i],
  },
  {
    id: 'generic-secret',
    name: 'Generic secret assignment',
    description: 'A high-entropy value assigned to a key, secret, token or password.',
    severity: 'medium',
    keywords: ['key', 'secret', 'token', 'passw', 'pwd', 'auth', 'credential'],
    regex:
      /(?:key|secret|token|passw(?:or)?d|pwd|auth|credential)[\w.-]{0,20}["']?\s*[:=]{1,2}>?\s*["']([A-Za-z0-9_+/=.~-]{16,})["']/gi,
    entropy: 4.2,
    fix: 'If this is a real credential, rotate it and load it from a secret store; if it is not, add `slipway:allow` to the line.',
  },
];

/** Secrets that are documentation examples, placeholders or published emulator keys, never reported. */
export const GLOBAL_ALLOW: RegExp[] = [
  // The Azure Storage emulator's (Azurite's) well-known development key, printed in Microsoft's docs and SDKs.
  /^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==$/,
  /example/i,
  /^x{6,}$/i,
  /dummy|sample|placeholder|your[_-]?(?:api[_-]?)?(?:key|token|secret)/i,
  /^(.)\1{7,}$/,
  /^<.*>$/,
  /\$\{/,
];

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (!text) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}
