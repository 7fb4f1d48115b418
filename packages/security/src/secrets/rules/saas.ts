// Productivity, content and maps platforms.
import type { SecretRule } from '../rules.js';
import { HEX, keyed, token, UUID } from './define.js';

/** Productivity and content platform credentials. */
export const SAAS_RULES: SecretRule<RegExp>[] = [
  token('linear-api-key', 'Linear API key', ['lin_api_'], /\b(lin_api_[A-Za-z0-9]{40})\b/g),
  keyed('linear-client-secret', 'Linear OAuth client secret', ['linear'], HEX(32)),
  token('notion-token', 'Notion integration token', ['ntn_'], /\b(ntn_[0-9]{11}[A-Za-z0-9]{35})\b/g),
  token(
    'notion-legacy-token',
    'Notion integration token (legacy format)',
    ['secret_'],
    /\b(secret_[A-Za-z0-9]{43})\b/g,
  ),
  keyed('asana-token', 'Asana personal access token', ['asana'], '[0-9]/[0-9]{16}:[a-z0-9]{32}|[0-9]{16}'),
  keyed('airtable-api-key', 'Airtable API key', ['airtable'], '(?:key[a-z0-9]{14}|pat[a-z0-9]{14}\\.[a-f0-9]{64})'),
  token('clickup-token', 'ClickUp personal API token', ['pk_'], /\b(pk_[0-9]{6,9}_[A-Z0-9]{32})\b/g),
  token(
    'hubspot-private-app-token',
    'HubSpot private app token',
    ['pat-na1-', 'pat-eu1-'],
    new RegExp(`\\b(pat-(?:na|eu)1-${UUID})\\b`, 'g'),
  ),
  keyed('hubspot-api-key', 'HubSpot API key', ['hubspot', 'hapikey'], UUID),
  token('figma-token', 'Figma personal access token', ['figd_'], /\b(figd_[A-Za-z0-9_-]{40})(?![\w-])/g),
  token('typeform-token', 'Typeform personal access token', ['tfp_'], /\b(tfp_[A-Za-z0-9_=.-]{59})(?![\w=.-])/g),
  token('contentful-token', 'Contentful personal access token', ['cfpat-'], /\b(CFPAT-[A-Za-z0-9_=-]{43})(?![\w=-])/g),
  token(
    'mapbox-secret-token',
    'Mapbox secret access token',
    ['sk.eyj'],
    /\b(sk\.eyJ[A-Za-z0-9_-]{50,}\.[A-Za-z0-9_-]{20,})(?![\w-])/g,
  ),
  token('frameio-token', 'Frame.io API token', ['fio-u-'], /\b(fio-u-[A-Za-z0-9_=-]{64})(?![\w=-])/g),
  keyed('beamer-api-token', 'Beamer API token', ['beamer'], 'b_[a-z0-9=_-]{44}'),
  keyed('flickr-api-key', 'Flickr API key', ['flickr'], HEX(32)),
  keyed('adafruit-io-key', 'Adafruit IO key', ['adafruit'], '[a-z0-9_-]{32}'),
  keyed('dropbox-api-secret', 'Dropbox app secret', ['dropbox'], '[a-z0-9]{15}'),
  keyed('zoom-client-secret', 'Zoom client secret', ['zoom'], '[a-z0-9]{32}'),
];
