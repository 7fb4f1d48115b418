// Payments, banking, commerce and crypto exchanges.
import type { SecretRule } from '../rules.js';
import { ALNUM, HEX, keyed, token, UUID } from './define.js';

const critical = { severity: 'critical' } as const;

/** Payment, commerce and exchange credentials. */
export const PAYMENT_RULES: SecretRule<RegExp>[] = [
  token(
    'stripe-key',
    'Stripe secret key',
    ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'sk_prod_', 'rk_prod_'],
    /\b((?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{24,99})\b/g,
    {
      ...critical,
      description: 'A Stripe secret or restricted key.',
    },
  ),
  token(
    'stripe-publishable-key',
    'Stripe publishable key',
    ['pk_live_', 'pk_test_', 'pk_prod_'],
    /\b(pk_(?:live|test|prod)_[0-9A-Za-z]{24,99})\b/g,
    {
      severity: 'low',
      description: 'A Stripe publishable key: meant for browsers, but it names the account; keep it in configuration.',
    },
  ),
  token(
    'stripe-webhook-secret',
    'Stripe webhook signing secret',
    ['whsec_'],
    /\b(whsec_[A-Za-z0-9+/]{32,})(?![A-Za-z0-9+/=])/g,
  ),
  token(
    'square-access-token',
    'Square access token',
    ['eaaa', 'sq0atp-'],
    /\b(EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![\w-])/g,
    critical,
  ),
  token('square-oauth-secret', 'Square OAuth secret', ['sq0csp-'], /\b(sq0csp-[A-Za-z0-9_-]{43})(?![\w-])/g, critical),
  token(
    'braintree-access-token',
    'PayPal Braintree access token',
    ['access_token$'],
    /\b(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})\b/g,
    critical,
  ),
  keyed('paypal-client-secret', 'PayPal client secret', ['paypal'], '[a-z0-9_-]{80}', critical),
  token(
    'plaid-access-token',
    'Plaid access token',
    ['access-production-', 'access-development-', 'access-sandbox-'],
    new RegExp(`\\b(access-(?:production|development|sandbox)-${UUID})\\b`, 'g'),
    critical,
  ),
  keyed('plaid-secret', 'Plaid secret key', ['plaid'], HEX(30), critical),
  keyed('plaid-client-id', 'Plaid client ID', ['plaid'], HEX(24), { severity: 'medium' }),
  keyed('coinbase-access-token', 'Coinbase access token', ['coinbase'], '[a-z0-9_-]{64}', critical),
  keyed('kucoin-api-key', 'KuCoin API key', ['kucoin'], HEX(24)),
  keyed('kucoin-secret-key', 'KuCoin secret key', ['kucoin'], UUID, critical),
  keyed('binance-api-key', 'Binance API key or secret', ['binance'], '[a-z0-9]{64}', critical),
  keyed('finicity-client-secret', 'Finicity client secret', ['finicity'], ALNUM(20), critical),
  keyed('finicity-api-token', 'Finicity API token', ['finicity'], HEX(32)),
  token(
    'flutterwave-secret-key',
    'Flutterwave secret key',
    ['flwseck_test-', 'flwseck-'],
    /\b(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)(?![\w-])/gi,
    critical,
  ),
  token(
    'flutterwave-encryption-key',
    'Flutterwave encryption key',
    ['flwseck_test', 'flwseck'],
    /\b(FLWSECK(?:_TEST)?[a-h0-9]{12})\b/gi,
  ),
  token('razorpay-key-id', 'Razorpay key ID', ['rzp_live_', 'rzp_test_'], /\b(rzp_(?:live|test)_[A-Za-z0-9]{14})\b/g),
  keyed('gocardless-token', 'GoCardless access token', ['gocardless'], '(?:live|sandbox)_[a-z0-9_=-]{40}', critical),
  token(
    'shopify-token',
    'Shopify token',
    ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/g,
    {
      description: 'A Shopify access, custom-app, private-app or shared secret.',
    },
  ),
  token(
    'shippo-token',
    'Shippo API token',
    ['shippo_live_', 'shippo_test_'],
    /\b(shippo_(?:live|test)_[a-f0-9]{40})\b/g,
  ),
  token('easypost-api-key', 'EasyPost production API key', ['ezak'], /\b(EZAK[A-Za-z0-9]{54})\b/g),
  token('easypost-test-key', 'EasyPost test API key', ['eztk'], /\b(EZTK[A-Za-z0-9]{54})\b/g, { severity: 'medium' }),
  token(
    'duffel-token',
    'Duffel API token',
    ['duffel_test_', 'duffel_live_'],
    /\b(duffel_(?:test|live)_[A-Za-z0-9_=-]{43})(?![\w=-])/g,
  ),
  keyed('lob-api-key', 'Lob API key', ['lob'], '(?:live|test)_[a-f0-9]{35}'),
  keyed('lob-publishable-key', 'Lob publishable key', ['lob'], '(?:live|test)_pub_[a-f0-9]{31}', {
    severity: 'low',
    namedPublic: true,
  }),
  keyed('etsy-api-key', 'Etsy API key', ['etsy'], ALNUM(24)),
];
