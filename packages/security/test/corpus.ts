// A planted-secret corpus built at run time from pieces, so no literal credential sits in the
// repository (and push protection or our own scan never trips on the test source).

/** A deterministic pseudo-random string over an alphabet. */
export function rand(
  seed: number,
  length: number,
  alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

const HEX = '0123456789abcdef';
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One planted secret: the rule that must find it and the line it sits on. */
export interface Plant {
  rule: string;
  line: string;
}

/** Secrets that must be found, one per rule, in realistic surroundings. */
export function plants(): Plant[] {
  const p = (...parts: string[]): string => parts.join('');
  return [
    { rule: 'aws-access-key-id', line: `aws_access_key_id = ${p('AK', 'IA')}${rand(1, 16, UPPER32)}` },
    { rule: 'aws-secret-access-key', line: `aws_secret_access_key = "${rand(2, 40, B64)}"` },
    { rule: 'github-token', line: `GITHUB_TOKEN=${p('gh', 'p_')}${rand(3, 36)}` },
    {
      rule: 'github-fine-grained-token',
      line: `token: ${p('github', '_pat_')}${rand(4, 82, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_')}`,
    },
    { rule: 'gitlab-token', line: `CI_TOKEN: ${p('gl', 'pat-')}${rand(5, 20)}` },
    { rule: 'slack-token', line: `SLACK_BOT_TOKEN=${p('xo', 'xb-')}${rand(6, 12, '0123456789')}-${rand(7, 24)}` },
    {
      rule: 'slack-webhook',
      line: `url: ${p('https://hooks.', 'slack.com/services/')}T${rand(8, 8, UPPER32)}/B${rand(9, 8, UPPER32)}/${rand(10, 24)}`,
    },
    { rule: 'stripe-key', line: `Stripe.apiKey = "${p('sk', '_live_')}${rand(11, 24)}";` },
    { rule: 'google-api-key', line: `const key = "${p('AI', 'za')}${rand(12, 35)}";` },
    { rule: 'gcp-service-account', line: `  "private_key_id": "${rand(13, 40, HEX)}",` },
    {
      rule: 'azure-storage-key',
      line: `DefaultEndpointsProtocol=https;AccountName=shop;${p('Account', 'Key=')}${rand(14, 86, B64)}==;EndpointSuffix=core.windows.net`,
    },
    { rule: 'private-key', line: p('-----BEGIN ', 'RSA PRIVATE KEY-----') },
    {
      rule: 'jwt',
      line: `Authorization: Bearer ${p('ey', 'J')}${rand(15, 20)}.${p('ey', 'J')}${rand(16, 40)}.${rand(17, 43)}`,
    },
    { rule: 'npm-token', line: `//registry.npmjs.org/:_authToken=${p('np', 'm_')}${rand(18, 36)}` },
    { rule: 'pypi-token', line: `password = ${p('pypi-AgEI', 'cHlwaS5vcmc')}${rand(19, 60)}` },
    { rule: 'rubygems-key', line: `:rubygems_api_key: ${p('rubygems', '_')}${rand(20, 48, HEX)}` },
    { rule: 'nuget-key', line: `nuget push -k ${p('oy', '2')}${rand(21, 43, 'abcdefghijklmnopqrstuvwxyz0123456789')}` },
    { rule: 'twilio-api-key', line: `TWILIO_API_KEY=${p('S', 'K')}${rand(22, 32, HEX)}` },
    { rule: 'sendgrid-key', line: `SENDGRID_API_KEY=${p('S', 'G.')}${rand(23, 22)}.${rand(24, 43)}` },
    { rule: 'mailgun-key', line: `MAILGUN_KEY=${p('ke', 'y-')}${rand(25, 32, HEX)}` },
    { rule: 'shopify-token', line: `SHOPIFY=${p('shp', 'at_')}${rand(26, 32, HEX)}` },
    { rule: 'digitalocean-token', line: `DO_TOKEN=${p('dop', '_v1_')}${rand(27, 64, HEX)}` },
    {
      rule: 'heroku-key',
      line: `HEROKU_API_KEY=${rand(28, 8, HEX)}-${rand(29, 4, HEX)}-${rand(30, 4, HEX)}-${rand(31, 4, HEX)}-${rand(32, 12, HEX)}`,
    },
    { rule: 'databricks-token', line: `DATABRICKS_TOKEN=${p('da', 'pi')}${rand(33, 32, HEX)}` },
    {
      rule: 'openai-key',
      line: `OPENAI_API_KEY=${p('sk-', 'proj-')}${rand(34, 40)}${p('T3Blbk', 'FJ')}${rand(35, 40)}`,
    },
    { rule: 'anthropic-key', line: `ANTHROPIC_API_KEY=${p('sk-', 'ant-', 'api03-')}${rand(36, 93)}AA` },
    { rule: 'database-url-password', line: `DATABASE_URL=postgres://app:${rand(37, 18)}@db.internal:5432/shop` },
    { rule: 'generic-secret', line: `client_secret: "${rand(38, 32)}"` },
  ];
}

/** Lines that look like secrets but are not, and must stay quiet. */
export function decoys(): string[] {
  return [
    `sha256: "${rand(40, 64, HEX)}"`,
    `commit = "${rand(41, 40, HEX)}"`,
    `request_id: "${rand(42, 8, HEX)}-${rand(43, 4, HEX)}-4${rand(44, 3, HEX)}-a${rand(45, 3, HEX)}-${rand(46, 12, HEX)}"`,
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
    'DATABASE_URL=postgres://user:password@localhost:5432/db',
    'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/shop',
    'api_key: "your-api-key-here-please-change"',
    'password = "xxxxxxxxxxxxxxxxxxxx"',
    'token: "<YOUR_TOKEN_GOES_HERE_12345>"',
    `secret_ok = "${rand(47, 32)}" # slipway:allow`,
    'const tokenizer = "whitespace_tokenizer_v2_default";',
    `integrity sha512-${rand(48, 86, B64)}==`,
  ];
}
