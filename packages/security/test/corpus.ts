// A planted-secret corpus built at run time from pieces, so no literal credential sits in the
// repository (and push protection or our own scan never trips on the test source).
import { crc32 } from 'node:zlib';

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
    { rule: 'github-token', line: `GITHUB_TOKEN=${checksummed(p('gh', 'p_'), rand(3, 30))}` },
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
    { rule: 'private-key', line: pem((n, a) => rand(49, n, a)) },
    {
      rule: 'jwt',
      line: `Authorization: Bearer ${p('ey', 'J')}${rand(15, 20)}.${p('ey', 'J')}${rand(16, 40)}.${rand(17, 43)}`,
    },
    { rule: 'npm-token', line: `//registry.npmjs.org/:_authToken=${checksummed(p('np', 'm_'), rand(18, 30))}` },
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

// ---- One real-format sample per built-in rule, generated at test time ----

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random characters: `r(36)` from base62, `r(32, HEX)` from another alphabet. */
type Gen = (length: number, alphabet?: string) => string;
/** A line holding one credential of a rule's format, built from the generator's random parts. */
type Sample = (r: Gen) => string;

/** A base62 number, left-padded to `width` (GitHub's and npm's checksum encoding). */
function base62(value: number, width: number): string {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62]! + out;
  return out.padStart(width, '0');
}

/** A GitHub- or npm-style token: 30 random characters and their base62 CRC-32 (zlib's, not ours). */
export function checksummed(prefix: string, body: string): string {
  return `${prefix}${body}${base62(crc32(body), 6)}`;
}

const p = (...parts: string[]): string => parts.join('');
const uuid = (r: Gen): string => `${r(8, HEX)}-${r(4, HEX)}-${r(4, HEX)}-${r(4, HEX)}-${r(12, HEX)}`;

/** A PEM private key: its header, three lines of key material and its footer. */
const pem = (r: Gen): string =>
  [
    p('-----BEGIN ', 'RSA PRIVATE KEY-----'),
    r(64, B64),
    r(64, B64),
    r(64, B64),
    p('-----END ', 'RSA PRIVATE KEY-----'),
  ].join('\n');

/** Real-format samples per rule id. Prefixes are split so no literal token sits in the source. */
export const SAMPLES: Record<string, Sample> = {
  'github-token': (r) => `GITHUB_TOKEN=${checksummed(p('gh', 'p_'), r(30))}`,
  'github-fine-grained-token': (r) => `token: ${p('github', '_pat_')}11${r(20, UPPER)}_${r(59)}`,
  'gitlab-token': (r) => `CI_TOKEN: ${p('gl', 'pat-')}${r(20)}`,
  'gitlab-feed-token': (r) => `feed=${p('gl', 'ft-')}${r(20)}`,
  'gitlab-incoming-mail-token': (r) => `mail: ${p('gl', 'imt-')}${r(25)}`,
  'gitlab-agent-token': (r) => `AGENT_TOKEN=${p('gl', 'agent-')}${r(50)}`,
  'gitlab-oauth-secret': (r) => `secret: ${p('gl', 'oas-')}${r(64)}`,
  'gitlab-ci-job-token': (r) => `JOB=${p('gl', 'cbt-')}${r(2, HEX)}_${r(20)}`,
  'gitlab-scim-token': (r) => `SCIM=${p('gl', 'soat-')}${r(20)}`,
  'gitlab-feature-flag-token': (r) => `FF=${p('gl', 'ffct-')}${r(20)}`,
  'gitlab-runner-registration-token': (r) => `registration-token: ${p('GR13', '48941')}${r(20)}`,
  'gitlab-session-cookie': (r) => `Cookie: ${p('_gitlab', '_session=')}${r(32, LOWER)}`,
  'atlassian-api-token': (r) => `JIRA_TOKEN=${p('ATA', 'TT3')}${r(186)}`,
  'atlassian-legacy-token': (r) => `jira_api_token: ${r(24, LOWER)}`,
  'bitbucket-client-id': (r) => `BITBUCKET_CLIENT_ID=${r(32, LOWER)}`,
  'bitbucket-client-secret': (r) => `BITBUCKET_CLIENT_SECRET=${r(64, LOWER)}`,
  'azure-devops-pat': (r) => `pat: ${r(76)}${p('AZ', 'DO')}${r(4)}`,
  'azure-devops-legacy-pat': (r) => `AZURE_DEVOPS_PAT=${r(52, 'abcdefghijklmnopqrstuvwxyz234567')}`,
  'gitea-token': (r) => `GITEA_TOKEN=${r(40, HEX)}`,
  'aws-access-key-id': (r) => `aws_access_key_id = ${p('AK', 'IA')}${r(16, UPPER32)}`,
  'aws-secret-access-key': (r) => `aws_secret_access_key = "${r(40, B64)}"`,
  'aws-bedrock-api-key': (r) => `AWS_BEARER_TOKEN_BEDROCK=${p('AB', 'SK')}${r(128)}`,
  'aws-bedrock-short-term-key': (r) => `AWS_BEARER_TOKEN_BEDROCK=${p('bedrock-', 'api-key-')}${r(280)}`,
  'google-api-key': (r) => `const key = "${p('AI', 'za')}${r(35)}";`,
  'gcp-service-account': (r) => `  "private_key_id": "${r(40, HEX)}",`,
  'google-oauth-client-secret': (r) => `"client_secret": "${p('GOC', 'SPX-')}${r(28)}"`,
  'google-oauth-access-token': (r) => `Authorization: Bearer ${p('ya', '29.')}${r(60)}`,
  'firebase-cloud-messaging-key': (r) => `FCM_SERVER_KEY=${p('AA', 'AA')}${r(7)}:${p('APA', '91b')}${r(134)}`,
  'azure-storage-key': (r) =>
    `DefaultEndpointsProtocol=https;AccountName=shop;${p('Account', 'Key=')}${r(86, B64)}==;EndpointSuffix=core.windows.net`,
  'azure-shared-access-key': (r) =>
    `Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=Root;${p('SharedAccess', 'Key=')}${r(43, B64)}=`,
  'azure-sas-token': (r) =>
    `https://shop.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=r&${p('si', 'g=')}${r(43)}%3D`,
  'azure-ad-client-secret': (r) => `AZURE_CLIENT_SECRET=${r(3)}8${p('Q', '~')}${r(34)}`,
  'alibaba-access-key-id': (r) => `access_key_id: ${p('LT', 'AI')}${r(20)}`,
  'alibaba-secret-key': (r) => `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${r(30, LOWER)}`,
  'tencent-secret-id': (r) => `TENCENTCLOUD_SECRET_ID=${p('AK', 'ID')}${r(32)}`,
  'tencent-secret-key': (r) => `TENCENTCLOUD_SECRET_KEY=${r(32)}`,
  'ibm-cloud-api-key': (r) => `IBMCLOUD_API_KEY=${r(44)}`,
  'linode-token': (r) => `LINODE_TOKEN=${r(64, HEX)}`,
  'scaleway-access-key': (r) => `SCW_ACCESS_KEY=${p('SC', 'W')}${r(17, UPPER)}`,
  'scaleway-secret-key': (r) => `SCW_SECRET_KEY=${uuid(r)}`,
  'vultr-api-key': (r) => `VULTR_API_KEY=${r(36, UPPER)}`,
  'hetzner-api-token': (r) => `HCLOUD_TOKEN=${r(64)}`,
  'digitalocean-token': (r) => `DO_TOKEN=${p('dop', '_v1_')}${r(64, HEX)}`,
  'heroku-key': (r) => `HEROKU_API_KEY=${uuid(r)}`,
  'cloudflare-api-token': (r) => `CLOUDFLARE_API_TOKEN=${r(40)}`,
  'cloudflare-global-api-key': (r) => `CLOUDFLARE_API_KEY=${r(37, HEX)}`,
  'cloudflare-origin-ca-key': (r) => `origin_ca_key = "${p('v1', '.0-')}${r(24, HEX)}-${r(146, HEX)}"`,
  'fly-io-token': (r) => `FLY_API_TOKEN=${p('fo', '1_')}${r(43)}`,
  'netlify-token': (r) => `NETLIFY_AUTH_TOKEN=${p('nf', 'p_')}${r(36)}`,
  'netlify-legacy-token': (r) => `NETLIFY_AUTH_TOKEN=${r(43)}`,
  'vercel-token': (r) => `VERCEL_TOKEN=${r(24)}`,
  'supabase-access-token': (r) => `SUPABASE_ACCESS_TOKEN=${p('sb', 'p_')}${r(40, HEX)}`,
  'supabase-secret-key': (r) => `SUPABASE_SECRET_KEY=${p('sb_', 'secret_')}${r(32)}`,
  'render-api-key': (r) => `RENDER_API_KEY=${p('rn', 'd_')}${r(32)}`,
  'railway-token': (r) => `RAILWAY_TOKEN=${uuid(r)}`,
  'planetscale-token': (r) => `PLANETSCALE_SERVICE_TOKEN=${p('pscale', '_tkn_')}${r(43)}`,
  'planetscale-password': (r) => `password: ${p('pscale', '_pw_')}${r(43)}`,
  'planetscale-oauth-token': (r) => `token: ${p('pscale', '_oauth_')}${r(43)}`,
  'scalingo-token': (r) => `SCALINGO_API_TOKEN=${p('tk-', 'us-')}${r(48)}`,
  'databricks-token': (r) => `DATABRICKS_TOKEN=${p('da', 'pi')}${r(32, HEX)}`,
  'dropbox-token': (r) => `DROPBOX_ACCESS_TOKEN=${p('s', 'l.')}${r(140)}`,
  'npm-token': (r) => `//registry.npmjs.org/:_authToken=${checksummed(p('np', 'm_'), r(30))}`,
  'pypi-token': (r) => `password = ${p('pypi-AgEI', 'cHlwaS5vcmc')}${r(60)}`,
  'rubygems-key': (r) => `:rubygems_api_key: ${p('rubygems', '_')}${r(48, HEX)}`,
  'nuget-key': (r) => `nuget push -k ${p('oy', '2')}${r(43, LOWER)}`,
  'crates-io-token': (r) => `CARGO_REGISTRY_TOKEN=${p('ci', 'o')}${r(32)}`,
  'clojars-token': (r) => `CLOJARS_PASSWORD=${p('CLOJARS', '_')}${r(60, LOWER)}`,
  'dockerhub-pat': (r) => `DOCKERHUB_TOKEN=${p('dckr', '_pat_')}${r(27)}`,
  'dockerhub-oat': (r) => `DOCKERHUB_TOKEN=${p('dckr', '_oat_')}${r(32)}`,
  'jfrog-api-key': (r) => `ARTIFACTORY_API_KEY=${p('AK', 'Cp')}${r(69)}`,
  'jfrog-reference-token': (r) => `JFROG_ACCESS_TOKEN=${p('cmVm', 'd')}${r(59)}`,
  'snyk-token': (r) => `SNYK_TOKEN=${uuid(r)}`,
  'circleci-personal-token': (r) => `CIRCLE_TOKEN=${p('CCI', 'PAT_')}${r(22)}_${r(40, HEX)}`,
  'circleci-token': (r) => `CIRCLECI_TOKEN=${r(40, HEX)}`,
  'buildkite-token': (r) => `BUILDKITE_API_TOKEN=${p('bk', 'ua_')}${r(40, HEX)}`,
  'buildkite-agent-token': (r) => `BUILDKITE_AGENT_TOKEN=${r(50, HEX)}`,
  'travis-ci-token': (r) => `TRAVIS_TOKEN=${r(22)}`,
  'sonar-project-token': (r) => `SONAR_TOKEN=${p('sq', 'p_')}${r(40, HEX)}`,
  'sonar-user-token': (r) => `SONAR_TOKEN=${p('sq', 'u_')}${r(40, HEX)}`,
  'sonar-global-token': (r) => `SONAR_TOKEN=${p('sq', 'a_')}${r(40, HEX)}`,
  'codecov-token': (r) => `CODECOV_TOKEN=${uuid(r)}`,
  'octopus-deploy-key': (r) => `OCTOPUS_API_KEY=${p('AP', 'I-')}${r(26, UPPER)}`,
  'harness-pat': (r) => `HARNESS_API_KEY=${p('pa', 't.')}${r(22)}.${r(24, LOWER)}.${r(20)}`,
  'pulumi-token': (r) => `PULUMI_ACCESS_TOKEN=${p('pu', 'l-')}${r(40, HEX)}`,
  'terraform-cloud-token': (r) => `token = "${r(14)}.${p('atlas', 'v1')}.${r(67)}"`,
  'postman-api-key': (r) => `POSTMAN_API_KEY=${p('PM', 'AK-')}${r(24, HEX)}-${r(34, HEX)}`,
  'prefect-api-key': (r) => `PREFECT_API_KEY=${p('pn', 'u_')}${r(36)}`,
  'readme-api-key': (r) => `README_API_KEY=${p('rd', 'me_')}${r(70, LOWER)}`,
  'infracost-api-key': (r) => `INFRACOST_API_KEY=${p('ic', 'o-')}${r(32)}`,
  'defined-networking-key': (r) => `DN_API_KEY=${p('dn', 'key-')}${r(26, LOWER)}-${r(52, LOWER)}`,
  'sidekiq-credentials': (r) => `${p('BUNDLE_ENTERPRISE__', 'CONTRIBSYS__COM')}=${r(8, HEX)}:${r(8, HEX)}`,
  'sidekiq-url': (r) => `source "https://${r(8, HEX)}:${r(8, HEX)}@${p('enterprise.', 'contribsys.com')}/"`,
  'looker-client-id': (r) => `LOOKERSDK_CLIENT_ID=${r(20, LOWER)}`,
  'looker-client-secret': (r) => `LOOKERSDK_CLIENT_SECRET=${r(24, LOWER)}`,
  'okta-api-token': (r) => `OKTA_API_TOKEN=00${r(40)}`,
  'auth0-client-secret': (r) => `AUTH0_CLIENT_SECRET=${r(64)}`,
  'fastly-api-token': (r) => `FASTLY_API_TOKEN=${r(32)}`,
  'settlemint-personal-token': (r) => `SETTLEMINT_TOKEN=${p('sm', '_pat_')}${r(16)}`,
  'settlemint-application-token': (r) => `SETTLEMINT_TOKEN=${p('sm', '_aat_')}${r(16)}`,
  'settlemint-service-token': (r) => `SETTLEMINT_TOKEN=${p('sm', '_sat_')}${r(16)}`,
  'shortcut-api-token': (r) => `SHORTCUT_API_TOKEN=${uuid(r)}`,
  'gitter-token': (r) => `GITTER_TOKEN=${r(40, HEX)}`,
  'vault-service-token': (r) => `VAULT_TOKEN=${p('hv', 's.')}${r(95)}`,
  'vault-batch-token': (r) => `VAULT_TOKEN=${p('hv', 'b.')}${r(150)}`,
  'vault-legacy-token': (r) => `VAULT_TOKEN=${p('s', '.')}${r(24)}`,
  'doppler-personal-token': (r) => `DOPPLER_TOKEN=${p('dp', '.pt.')}${r(43)}`,
  'doppler-service-token': (r) => `DOPPLER_TOKEN=${p('dp', '.st.')}${r(43)}`,
  'doppler-cli-token': (r) => `DOPPLER_TOKEN=${p('dp', '.ct.')}${r(43)}`,
  'doppler-service-account-token': (r) => `DOPPLER_TOKEN=${p('dp', '.sa.')}${r(43)}`,
  'doppler-scim-token': (r) => `DOPPLER_TOKEN=${p('dp', '.scim.')}${r(43)}`,
  'doppler-audit-token': (r) => `DOPPLER_TOKEN=${p('dp', '.audit.')}${r(43)}`,
  '1password-secret-key': (r) =>
    `secret key: ${p('A', '3-')}${r(6, UPPER)}-${r(11, UPPER)}-${r(5, UPPER)}-${r(5, UPPER)}-${r(5, UPPER)}`,
  '1password-service-account-token': (r) => `OP_SERVICE_ACCOUNT_TOKEN=${p('ops', '_eyJ')}${r(300)}`,
  'age-secret-key': (r) => `${p('AGE-SECRET', '-KEY-1')}${r(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')}`,
  'putty-private-key': () => `${p('PuTTY-User-', 'Key-File-3')}: ssh-ed25519`,
  'stripe-key': (r) => `Stripe.apiKey = "${p('sk', '_live_')}${r(24)}";`,
  'stripe-publishable-key': (r) => `const stripeKey = '${p('pk', '_live_')}${r(24)}';`,
  'stripe-webhook-secret': (r) => `STRIPE_WEBHOOK_SECRET=${p('wh', 'sec_')}${r(32)}`,
  'square-access-token': (r) => `SQUARE_ACCESS_TOKEN=${p('EA', 'AA')}${r(60)}`,
  'square-oauth-secret': (r) => `SQUARE_SECRET=${p('sq0', 'csp-')}${r(43)}`,
  'braintree-access-token': (r) => `BRAINTREE_TOKEN=${p('access_token', '$production$')}${r(16, LOWER)}$${r(32, HEX)}`,
  'paypal-client-secret': (r) => `PAYPAL_CLIENT_SECRET=${r(80)}`,
  'plaid-access-token': (r) => `PLAID_ACCESS_TOKEN=${p('access-', 'production-')}${uuid(r)}`,
  'plaid-secret': (r) => `PLAID_SECRET=${r(30, HEX)}`,
  'plaid-client-id': (r) => `PLAID_CLIENT_ID=${r(24, HEX)}`,
  'coinbase-access-token': (r) => `COINBASE_ACCESS_TOKEN=${r(64)}`,
  'kucoin-api-key': (r) => `KUCOIN_API_KEY=${r(24, HEX)}`,
  'kucoin-secret-key': (r) => `KUCOIN_SECRET_KEY=${uuid(r)}`,
  'binance-api-key': (r) => `BINANCE_API_SECRET=${r(64)}`,
  'finicity-client-secret': (r) => `FINICITY_CLIENT_SECRET=${r(20)}`,
  'finicity-api-token': (r) => `FINICITY_API_TOKEN=${r(32, HEX)}`,
  'flutterwave-secret-key': (r) => `FLW_SECRET_KEY=${p('FLWSECK', '_TEST-')}${r(32, 'abcdefgh0123456789')}-X`,
  'flutterwave-encryption-key': (r) => `FLW_ENCRYPTION_KEY=${p('FLWSECK', '_TEST')}${r(12, 'abcdefgh0123456789')}`,
  'razorpay-key-id': (r) => `RAZORPAY_KEY_ID=${p('rzp', '_live_')}${r(14)}`,
  'gocardless-token': (r) => `GOCARDLESS_ACCESS_TOKEN=live_${r(40)}`,
  'shopify-token': (r) => `SHOPIFY=${p('shp', 'at_')}${r(32, HEX)}`,
  'shippo-token': (r) => `SHIPPO_TOKEN=${p('shippo', '_live_')}${r(40, HEX)}`,
  'easypost-api-key': (r) => `EASYPOST_API_KEY=${p('EZ', 'AK')}${r(54)}`,
  'easypost-test-key': (r) => `EASYPOST_TEST_KEY=${p('EZ', 'TK')}${r(54)}`,
  'duffel-token': (r) => `DUFFEL_ACCESS_TOKEN=${p('duffel', '_live_')}${r(43)}`,
  'lob-api-key': (r) => `LOB_API_KEY=live_${r(35, HEX)}`,
  'lob-publishable-key': (r) => `LOB_FRONTEND_KEY=live_pub_${r(31, HEX)}`,
  'etsy-api-key': (r) => `ETSY_API_KEY=${r(24, LOWER)}`,
  'slack-token': (r) => `SLACK_BOT_TOKEN=${p('xo', 'xb-')}${r(12, DIGITS)}-${r(24)}`,
  'slack-webhook': (r) =>
    `url: ${p('https://hooks.', 'slack.com/services/')}T${r(8, UPPER32)}/B${r(8, UPPER32)}/${r(24)}`,
  'discord-webhook': (r) => `${p('https://discord.com/api/', 'webhooks/')}1${r(18, DIGITS)}/${r(68)}`,
  'discord-bot-token': (r) => `DISCORD_BOT_TOKEN=M${r(23)}.${r(6)}.${r(38)}`,
  'discord-client-secret': (r) => `DISCORD_CLIENT_SECRET=${r(32)}`,
  'telegram-bot-token': (r) => `TELEGRAM_TOKEN=${r(9, DIGITS)}:${p('A', 'A')}${r(33)}`,
  'teams-webhook': (r) =>
    `https://contoso.${p('webhook.', 'office.com')}/webhookb2/${uuid(r)}@${uuid(r)}/IncomingWebhook/${r(32, HEX)}/${uuid(r)}`,
  'twilio-api-key': (r) => `TWILIO_API_KEY=${p('S', 'K')}${r(32, HEX)}`,
  'twilio-auth-token': (r) => `TWILIO_AUTH_TOKEN=${r(32, HEX)}`,
  'sendgrid-key': (r) => `SENDGRID_API_KEY=${p('S', 'G.')}${r(22)}.${r(43)}`,
  'mailgun-key': (r) => `MAILGUN_KEY=${p('ke', 'y-')}${r(32, HEX)}`,
  'mailgun-public-key': (r) => `MAILGUN_VALIDATION_KEY=${p('pub', 'key-')}${r(32, HEX)}`,
  'mailgun-signing-key': (r) => `MAILGUN_SIGNING_KEY=${r(32, HEX)}-${r(8, HEX)}-${r(8, HEX)}`,
  'mailchimp-api-key': (r) => `MAILCHIMP_KEY=${r(32, HEX)}-us${r(2, DIGITS)}`,
  'mandrill-api-key': (r) => `MANDRILL_API_KEY=${r(22)}`,
  'postmark-token': (r) => `POSTMARK_SERVER_TOKEN=${uuid(r)}`,
  'brevo-api-key': (r) => `BREVO_API_KEY=${p('xkey', 'sib-')}${r(64, HEX)}-${r(16)}`,
  'brevo-smtp-key': (r) => `BREVO_SMTP_KEY=${p('xsmtp', 'sib-')}${r(64, HEX)}-${r(16)}`,
  'messagebird-api-key': (r) => `MESSAGEBIRD_API_KEY=${r(25)}`,
  'messagebird-client-id': (r) => `MESSAGEBIRD_CLIENT_ID=${uuid(r)}`,
  'vonage-api-secret': (r) => `VONAGE_API_SECRET=${r(16)}`,
  'sendbird-token': (r) => `SENDBIRD_API_TOKEN=${r(40, HEX)}`,
  'sendbird-app-id': (r) => `SENDBIRD_APP_ID=${uuid(r).toUpperCase()}`,
  'twitter-bearer-token': (r) => `TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${r(90)}`,
  'twitter-api-key': (r) => `TWITTER_API_KEY=${r(25)}`,
  'twitter-api-secret': (r) => `TWITTER_API_SECRET=${r(50)}`,
  'twitter-access-token': (r) => `TWITTER_ACCESS_TOKEN=${r(19, DIGITS)}-${r(30)}`,
  'twitter-access-secret': (r) => `TWITTER_ACCESS_SECRET=${r(45)}`,
  'facebook-access-token': (r) => `FB_TOKEN=${p('EA', 'AC')}${r(120)}`,
  'facebook-app-secret': (r) => `FACEBOOK_APP_SECRET=${r(32, HEX)}`,
  'linkedin-client-secret': (r) => `LINKEDIN_CLIENT_SECRET=${r(16)}`,
  'linkedin-client-id': (r) => `LINKEDIN_CLIENT_ID=${r(14, LOWER)}`,
  'twitch-api-token': (r) => `TWITCH_TOKEN=${r(30, LOWER)}`,
  'intercom-token': (r) => `INTERCOM_ACCESS_TOKEN=${r(60)}`,
  'zendesk-token': (r) => `ZENDESK_API_TOKEN=${r(40)}`,
  'openai-key': (r) => `OPENAI_API_KEY=${p('sk-', 'proj-')}${r(40)}${p('T3Blbk', 'FJ')}${r(40)}`,
  'anthropic-key': (r) => `ANTHROPIC_API_KEY=${p('sk-', 'ant-', 'api03-')}${r(93)}AA`,
  'huggingface-token': (r) => `HF_TOKEN=${p('h', 'f_')}${r(34, LETTERS)}`,
  'huggingface-org-token': (r) => `HF_ORG_TOKEN=${p('api', '_org_')}${r(34, LETTERS)}`,
  'groq-api-key': (r) => `GROQ_API_KEY=${p('gs', 'k_')}${r(52)}`,
  'replicate-token': (r) => `REPLICATE_API_TOKEN=${p('r', '8_')}${r(37)}`,
  'perplexity-api-key': (r) => `PPLX_API_KEY=${p('pp', 'lx-')}${r(48)}`,
  'xai-api-key': (r) => `XAI_API_KEY=${p('xa', 'i-')}${r(80)}`,
  'openrouter-api-key': (r) => `OPENROUTER_API_KEY=${p('sk-', 'or-v1-')}${r(64, HEX)}`,
  'langsmith-api-key': (r) => `LANGSMITH_API_KEY=${p('lsv2', '_pt_')}${r(32, HEX)}_${r(10, HEX)}`,
  'fireworks-api-key': (r) => `FIREWORKS_API_KEY=${p('f', 'w_')}${r(24)}`,
  'cohere-api-key': (r) => `COHERE_API_KEY=${r(40)}`,
  'mistral-api-key': (r) => `MISTRAL_API_KEY=${r(32)}`,
  'deepseek-api-key': (r) => `DEEPSEEK_API_KEY=sk-${r(32, HEX)}`,
  'together-api-key': (r) => `TOGETHER_API_KEY=${r(64, HEX)}`,
  'elevenlabs-api-key': (r) => `ELEVENLABS_API_KEY=sk_${r(48, HEX)}`,
  'wandb-api-key': (r) => `WANDB_API_KEY=${r(40, HEX)}`,
  'assemblyai-api-key': (r) => `ASSEMBLYAI_API_KEY=${r(32, HEX)}`,
  'pinecone-api-key': (r) => `PINECONE_API_KEY=${p('pc', 'sk_')}${r(6)}_${r(64)}`,
  'datadog-api-key': (r) => `DATADOG_API_KEY=${r(32, HEX)}`,
  'datadog-app-key': (r) => `DATADOG_APP_KEY=${r(40, HEX)}`,
  'grafana-api-key': (r) => `GRAFANA_API_KEY=${p('eyJr', 'Ijoi')}${r(80)}`,
  'grafana-cloud-token': (r) => `GRAFANA_CLOUD_TOKEN=${p('gl', 'c_')}${r(90)}`,
  'grafana-service-account-token': (r) => `GRAFANA_TOKEN=${p('gl', 'sa_')}${r(32)}_${r(8, HEX)}`,
  'newrelic-user-api-key': (r) => `NEW_RELIC_API_KEY=${p('NR', 'AK-')}${r(27, UPPER)}`,
  'newrelic-insert-key': (r) => `NEW_RELIC_INSERT_KEY=${p('NR', 'II-')}${r(32)}`,
  'newrelic-browser-key': (r) => `NEW_RELIC_BROWSER_KEY=${p('NR', 'JS-')}${r(19, HEX)}`,
  'newrelic-license-key': (r) => `NEW_RELIC_LICENSE_KEY=${r(36, HEX)}${p('NR', 'AL')}`,
  'sentry-org-token': (r) => `SENTRY_AUTH_TOKEN=${p('sntrys', '_eyJpYXQiO')}${r(120)}`,
  'sentry-user-token': (r) => `SENTRY_AUTH_TOKEN=${p('sntr', 'yu_')}${r(64, HEX)}`,
  'sentry-legacy-token': (r) => `SENTRY_AUTH_TOKEN=${r(64, HEX)}`,
  'dynatrace-token': (r) => `DT_API_TOKEN=${p('dt0', 'c01.')}${r(24, UPPER)}.${r(64, UPPER)}`,
  'honeycomb-api-key': (r) => `HONEYCOMB_API_KEY=${r(22)}`,
  'rollbar-token': (r) => `ROLLBAR_ACCESS_TOKEN=${r(32, HEX)}`,
  'bugsnag-api-key': (r) => `BUGSNAG_API_KEY=${r(32, HEX)}`,
  'opsgenie-api-key': (r) => `OPSGENIE_API_KEY=${uuid(r)}`,
  'pagerduty-token': (r) => `PAGERDUTY_TOKEN=u+${r(18)}`,
  'splunk-hec-token': (r) => `SPLUNK_HEC_TOKEN=${uuid(r)}`,
  'logzio-token': (r) => `LOGZIO_TOKEN=${r(32, LETTERS)}`,
  'launchdarkly-token': (r) => `LAUNCHDARKLY_SDK_KEY=sdk-${uuid(r)}`,
  'algolia-admin-key': (r) => `ALGOLIA_ADMIN_KEY=${r(32, HEX)}`,
  'mixpanel-secret': (r) => `MIXPANEL_API_SECRET=${r(32, HEX)}`,
  'posthog-personal-key': (r) => `POSTHOG_PERSONAL_API_KEY=${p('ph', 'x_')}${r(43)}`,
  'linear-api-key': (r) => `LINEAR_API_KEY=${p('lin', '_api_')}${r(40)}`,
  'linear-client-secret': (r) => `LINEAR_CLIENT_SECRET=${r(32, HEX)}`,
  'notion-token': (r) => `NOTION_TOKEN=${p('nt', 'n_')}${r(11, DIGITS)}${r(35)}`,
  'notion-legacy-token': (r) => `NOTION_TOKEN=${p('sec', 'ret_')}${r(43)}`,
  'asana-token': (r) => `ASANA_ACCESS_TOKEN=1/${r(16, DIGITS)}:${r(32, HEX)}`,
  'airtable-api-key': (r) => `AIRTABLE_API_KEY=key${r(14)}`,
  'clickup-token': (r) => `CLICKUP_TOKEN=${p('p', 'k_')}${r(8, DIGITS)}_${r(32, UPPER)}`,
  'hubspot-private-app-token': (r) => `HUBSPOT_TOKEN=${p('pat-', 'na1-')}${uuid(r)}`,
  'hubspot-api-key': (r) => `HUBSPOT_API_KEY=${uuid(r)}`,
  'figma-token': (r) => `FIGMA_TOKEN=${p('fig', 'd_')}${r(40)}`,
  'typeform-token': (r) => `TYPEFORM_TOKEN=${p('tf', 'p_')}${r(59)}`,
  'contentful-token': (r) => `CONTENTFUL_MANAGEMENT_TOKEN=${p('CF', 'PAT-')}${r(43)}`,
  'mapbox-secret-token': (r) => `MAPBOX_TOKEN=${p('sk.', 'eyJ')}${r(60)}.${r(22)}`,
  'frameio-token': (r) => `FRAMEIO_TOKEN=${p('fio', '-u-')}${r(64)}`,
  'beamer-api-token': (r) => `BEAMER_API_KEY=b_${r(44)}`,
  'flickr-api-key': (r) => `FLICKR_API_KEY=${r(32, HEX)}`,
  'adafruit-io-key': (r) => `ADAFRUIT_IO_KEY=${r(32)}`,
  'dropbox-api-secret': (r) => `DROPBOX_APP_SECRET=${r(15, LOWER)}`,
  'zoom-client-secret': (r) => `ZOOM_CLIENT_SECRET=${r(32)}`,
  'private-key': (r) => pem(r),
  jwt: (r) => `Authorization: Bearer ${p('ey', 'J')}${r(20)}.${p('ey', 'J')}${r(40)}.${r(43)}`,
  'jwt-base64': (r) =>
    `token: ${Buffer.from(`${p('ey', 'J')}${r(20)}.${p('ey', 'J')}${r(40)}.${r(43)}`).toString('base64')}`,
  'database-url-password': (r) => `DATABASE_URL=postgres://app:${r(18)}@db.internal:5432/shop`,
  'generic-secret': (r) => `client_secret: "${r(32)}"`,
};

/** Negatives for formats with no random part to shorten. */
const FIXED_NEGATIVES: Record<string, string> = {
  'private-key': p('-----BEGIN ', 'PUBLIC KEY-----'),
  'putty-private-key': p('PuTTY-User-', 'Key-File-3'),
  'slack-token': `SLACK_BOT_TOKEN=${p('xo', 'xb-')}${rand(907, 6, DIGITS)}`,
  'database-url-password': 'DATABASE_URL=postgres://app@db.internal:5432/shop',
  'generic-secret': 'client_secret: "${CLIENT_SECRET}"',
};

/** A rule's seed: the same random characters on every run. */
function seedOf(id: string): number {
  let h = 7;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * A rule's positive example (every random part at its full length) and its negative: the same
 * line with every random part cut to a third, a look-alike too short to be the credential.
 */
export function examples(id: string, sample: Sample): { positive: string; negative: string } {
  const fixed = FIXED_NEGATIVES[id];
  const gen =
    (cut: boolean): Gen =>
    (n, alphabet = BASE62) => {
      seed++;
      return rand(seed, cut ? Math.max(1, Math.floor(n / 3)) : n, alphabet);
    };
  let seed = seedOf(id);
  const positive = sample(gen(false));
  seed = seedOf(id);
  return { positive, negative: fixed ?? sample(gen(true)) };
}
