// Cloud platforms and hosting: AWS, Google Cloud, Azure, Alibaba, Tencent, IBM and the PaaS hosts.
import type { SecretRule } from '../rules.js';
import { ALNUM, HEX, keyed, token, UUID } from './define.js';

const critical = { severity: 'critical' } as const;

/** Cloud provider and hosting platform credentials. */
export const CLOUD_RULES: SecretRule<RegExp>[] = [
  token(
    'aws-access-key-id',
    'AWS access key ID',
    ['akia', 'asia', 'abia', 'acca'],
    /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
  ),
  {
    ...token(
      'aws-secret-access-key',
      'AWS secret access key',
      ['aws'],
      /aws.{0,25}?(?:secret|private|key).{0,20}?['"\s:=]([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    ),
    severity: 'critical',
    description: 'An AWS secret access key next to an AWS keyword.',
    entropy: 4.0,
  },
  token(
    'aws-bedrock-api-key',
    'AWS Bedrock long-term API key',
    ['absk'],
    /\b(ABSK[A-Za-z0-9+/]{100,300}={0,2})(?![A-Za-z0-9+/=])/g,
    critical,
  ),
  token(
    'aws-bedrock-short-term-key',
    'AWS Bedrock short-term API key',
    ['bedrock-api-key-'],
    /\b(bedrock-api-key-[A-Za-z0-9+/]{100,2000}={0,2})(?![A-Za-z0-9+/=])/g,
    critical,
  ),
  token('google-api-key', 'Google API key', ['aiza'], /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g, {
    description: 'A Google Cloud or Firebase API key.',
  }),
  token(
    'gcp-service-account',
    'Google service-account key',
    ['private_key_id'],
    /"private_key_id"\s*:\s*"([a-f0-9]{40})"/g,
    {
      ...critical,
      description: 'A Google Cloud service-account key file (its private key ID).',
    },
  ),
  token(
    'google-oauth-client-secret',
    'Google OAuth client secret',
    ['gocspx-'],
    /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![\w-])/g,
  ),
  token('google-oauth-access-token', 'Google OAuth access token', ['ya29.'], /\b(ya29\.[A-Za-z0-9_-]{30,})(?![\w-])/g),
  token(
    'firebase-cloud-messaging-key',
    'Firebase Cloud Messaging server key',
    ['apa91b'],
    /\b(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![\w-])/g,
  ),
  token('azure-storage-key', 'Azure storage account key', ['accountkey'], /AccountKey=([A-Za-z0-9+/]{86}==)/g, {
    ...critical,
    description: 'An Azure storage account key or connection string.',
  }),
  token(
    'azure-shared-access-key',
    'Azure Service Bus, Event Hubs or Relay shared access key',
    ['sharedaccesskey='],
    /SharedAccessKey=([A-Za-z0-9+/]{43}=)/g,
    critical,
  ),
  token(
    'azure-sas-token',
    'Azure shared access signature',
    ['sig='],
    /(?:[?&]|&amp;)sig=([A-Za-z0-9%+/]{40,60}(?:%3D|=))/g,
  ),
  token(
    'azure-ad-client-secret',
    'Azure AD (Entra ID) client secret',
    Array.from({ length: 10 }, (_, d) => `${d}q~`),
    /(?:^|[\s'"`=:(,>])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![\w~.-])/g,
    critical,
  ),
  token('alibaba-access-key-id', 'Alibaba Cloud AccessKey ID', ['ltai'], /\b(LTAI[A-Za-z0-9]{12,20})\b/g),
  keyed('alibaba-secret-key', 'Alibaba Cloud AccessKey secret', ['alibaba', 'aliyun'], ALNUM(30), critical),
  token('tencent-secret-id', 'Tencent Cloud SecretId', ['akid'], /\b(AKID[A-Za-z0-9]{32})\b/g),
  keyed('tencent-secret-key', 'Tencent Cloud SecretKey', ['tencent', 'qcloud'], ALNUM(32), critical),
  keyed('ibm-cloud-api-key', 'IBM Cloud API key', ['ibm'], '[a-z0-9_-]{44}'),
  keyed('linode-token', 'Linode (Akamai) personal access token', ['linode'], HEX(64)),
  token('scaleway-access-key', 'Scaleway access key', ['scw'], /\b(SCW[A-Z0-9]{17})\b/g),
  keyed('scaleway-secret-key', 'Scaleway secret key', ['scaleway', 'scw_secret'], UUID, critical),
  keyed('vultr-api-key', 'Vultr API key', ['vultr'], '[A-Z0-9]{36}'),
  keyed('hetzner-api-token', 'Hetzner Cloud API token', ['hetzner', 'hcloud'], '[A-Za-z0-9]{64}'),
  token(
    'digitalocean-token',
    'DigitalOcean token',
    ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    /\b(do[opr]_v1_[a-f0-9]{64})\b/g,
    {
      description: 'A DigitalOcean personal access, OAuth or refresh token.',
    },
  ),
  token(
    'heroku-key',
    'Heroku API key',
    ['heroku', 'hrku-'],
    /(?:heroku.{0,25}?['"\s:=]([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|\b(HRKU-[A-Za-z0-9_-]{60}))/gi,
  ),
  keyed('cloudflare-api-token', 'Cloudflare API token', ['cloudflare', 'cf_api_token'], '[a-z0-9_-]{40}'),
  keyed('cloudflare-global-api-key', 'Cloudflare global API key', ['cloudflare', 'cf_api_key'], HEX(37), critical),
  token('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', ['v1.0-'], /\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b/g),
  token(
    'fly-io-token',
    'Fly.io access token',
    ['fm1', 'fm2_', 'fo1_'],
    /\b((?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,}={0,3}|fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9+/=_-])/g,
  ),
  token('netlify-token', 'Netlify personal access token', ['nfp_'], /\b(nfp_[A-Za-z0-9]{36})\b/g),
  keyed('netlify-legacy-token', 'Netlify access token', ['netlify'], '[a-z0-9=_-]{40,46}'),
  keyed('vercel-token', 'Vercel access token', ['vercel'], '[a-z0-9]{24}'),
  token('supabase-access-token', 'Supabase personal access token', ['sbp_'], /\b(sbp_[a-f0-9]{40})\b/g, critical),
  token(
    'supabase-secret-key',
    'Supabase secret API key',
    ['sb_secret_'],
    /\b(sb_secret_[A-Za-z0-9_-]{31,})(?![\w-])/g,
    critical,
  ),
  token('render-api-key', 'Render API key', ['rnd_'], /\b(rnd_[A-Za-z0-9]{32})\b/g),
  keyed('railway-token', 'Railway API token', ['railway'], UUID),
  token(
    'planetscale-token',
    'PlanetScale service token',
    ['pscale_tkn_'],
    /\b(pscale_tkn_[A-Za-z0-9_=.-]{32,64})(?![\w=.-])/g,
  ),
  token(
    'planetscale-password',
    'PlanetScale database password',
    ['pscale_pw_'],
    /\b(pscale_pw_[A-Za-z0-9_=.-]{32,64})(?![\w=.-])/g,
    critical,
  ),
  token(
    'planetscale-oauth-token',
    'PlanetScale OAuth token',
    ['pscale_oauth_'],
    /\b(pscale_oauth_[A-Za-z0-9_=.-]{32,64})(?![\w=.-])/g,
  ),
  token('scalingo-token', 'Scalingo API token', ['tk-us-'], /\b(tk-us-[A-Za-z0-9_-]{48})(?![\w-])/g),
  token('databricks-token', 'Databricks token', ['dapi'], /\b(dapi[a-f0-9]{32}(?:-\d)?)\b/g, {
    description: 'A Databricks personal access token.',
  }),
  token('dropbox-token', 'Dropbox access token', ['dropbox'], /dropbox.{0,40}?\b(sl\.[A-Za-z0-9_=-]{130,})/gi),
];
