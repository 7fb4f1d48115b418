// Chat, email, SMS and social networks.
import type { SecretRule } from '../rules.js';
import { ALNUM, HEX, keyed, token, UUID } from './define.js';

/** Messaging, email and social platform credentials. */
export const MESSAGING_RULES: SecretRule<RegExp>[] = [
  token(
    'slack-token',
    'Slack token',
    ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
    /\b((?:xox[abprs]|xoxe(?:\.xox[bp])?|xapp)-[0-9A-Za-z-]{10,})\b/g,
    {
      description: 'A Slack bot, user, app or configuration token.',
    },
  ),
  token(
    'slack-webhook',
    'Slack webhook',
    ['hooks.slack.com'],
    /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]{16,})/g,
    {
      description: 'A Slack incoming-webhook URL.',
      fix: 'Delete the webhook in Slack and create a new one; keep its URL in a secret store.',
    },
  ),
  token(
    'discord-webhook',
    'Discord webhook',
    ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
    /(https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,68})(?![\w-])/g,
  ),
  keyed(
    'discord-bot-token',
    'Discord bot token',
    ['discord'],
    '[MNO][a-z0-9_-]{23,25}\\.[a-z0-9_-]{6}\\.[a-z0-9_-]{27,38}',
  ),
  keyed('discord-client-secret', 'Discord client secret', ['discord'], '[a-z0-9_-]{32}'),
  token('telegram-bot-token', 'Telegram bot token', [':aa'], /\b(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![\w-])/g),
  token(
    'teams-webhook',
    'Microsoft Teams webhook',
    ['webhook.office.com'],
    new RegExp(
      `(https://[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID})`,
      'g',
    ),
  ),
  token('twilio-api-key', 'Twilio API key', ['twilio'], /twilio.{0,40}?\b(SK[0-9a-fA-F]{32})\b/gi, {
    description: 'A Twilio API key SID next to its secret or a Twilio keyword.',
  }),
  keyed('twilio-auth-token', 'Twilio auth token', ['twilio_auth', 'twilio.auth', 'twilioauth'], HEX(32)),
  token('sendgrid-key', 'SendGrid API key', ['sg.'], /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})\b/g),
  token('mailgun-key', 'Mailgun API key', ['mailgun', 'key-'], /\b(key-[0-9a-f]{32})\b/g, {
    description: 'A Mailgun private API key.',
  }),
  token('mailgun-public-key', 'Mailgun public validation key', ['pubkey-'], /\b(pubkey-[0-9a-f]{32})\b/g, {
    severity: 'medium',
    // Mailgun calls it public, but it bills the account for every validation made with it.
    namedPublic: true,
  }),
  keyed('mailgun-signing-key', 'Mailgun webhook signing key', ['mailgun'], `${HEX(32)}-${HEX(8)}-${HEX(8)}`),
  token('mailchimp-api-key', 'Mailchimp API key', ['-us'], /\b([a-f0-9]{32}-us[0-9]{1,2})\b/g),
  keyed('mandrill-api-key', 'Mailchimp Transactional (Mandrill) API key', ['mandrill'], '[a-z0-9_-]{22}'),
  keyed('postmark-token', 'Postmark server token', ['postmark'], UUID),
  token('brevo-api-key', 'Brevo (Sendinblue) API key', ['xkeysib-'], /\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b/g),
  token('brevo-smtp-key', 'Brevo (Sendinblue) SMTP key', ['xsmtpsib-'], /\b(xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b/g),
  keyed('messagebird-api-key', 'MessageBird API key', ['messagebird', 'message-bird', 'message_bird'], ALNUM(25)),
  keyed('messagebird-client-id', 'MessageBird client ID', ['messagebird', 'message-bird', 'message_bird'], UUID, {
    severity: 'medium',
  }),
  keyed('vonage-api-secret', 'Vonage (Nexmo) API secret', ['vonage', 'nexmo'], '[a-z0-9]{16}'),
  keyed('sendbird-token', 'Sendbird access token', ['sendbird'], HEX(40)),
  keyed(
    'sendbird-app-id',
    'Sendbird application ID',
    ['sendbird'],
    '[A-F0-9]{8}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{12}',
    { severity: 'medium' },
  ),
  token(
    'twitter-bearer-token',
    'Twitter (X) bearer token',
    ['aaaaaaaaaaaaaaaaaaaaa'],
    /\b(A{22}[A-Za-z0-9%]{80,120})(?![A-Za-z0-9%])/g,
  ),
  keyed('twitter-api-key', 'Twitter (X) API key', ['twitter'], '[a-z0-9]{25}'),
  keyed('twitter-api-secret', 'Twitter (X) API secret', ['twitter'], '[a-z0-9]{50}'),
  keyed('twitter-access-token', 'Twitter (X) access token', ['twitter'], '[0-9]{15,25}-[a-z0-9]{20,40}'),
  keyed('twitter-access-secret', 'Twitter (X) access token secret', ['twitter'], '[a-z0-9]{45}'),
  token('facebook-access-token', 'Facebook access token', ['eaac', 'eaam'], /\b(EAA[CM][A-Za-z0-9]{100,})\b/g),
  keyed('facebook-app-secret', 'Facebook app secret', ['facebook'], HEX(32)),
  keyed('linkedin-client-secret', 'LinkedIn client secret', ['linkedin', 'linked-in', 'linked_in'], ALNUM(16)),
  keyed('linkedin-client-id', 'LinkedIn client ID', ['linkedin', 'linked-in', 'linked_in'], ALNUM(14), {
    severity: 'medium',
  }),
  keyed('twitch-api-token', 'Twitch API token', ['twitch'], ALNUM(30)),
  keyed('intercom-token', 'Intercom access token', ['intercom'], '[a-z0-9=_-]{60}'),
  keyed('zendesk-token', 'Zendesk API token', ['zendesk'], ALNUM(40)),
];
