// Monitoring, logging, error tracking and analytics.
import type { SecretRule } from '../rules.js';
import { HEX, keyed, token, UUID } from './define.js';

/** Observability platform credentials. */
export const OBSERVABILITY_RULES: SecretRule<RegExp>[] = [
  keyed('datadog-api-key', 'Datadog API key', ['datadog', 'dd_api_key', 'dd-api-key'], HEX(32)),
  keyed(
    'datadog-app-key',
    'Datadog application key',
    ['datadog', 'dd_app_key', 'dd-application-key', 'dd_application_key'],
    HEX(40),
  ),
  token('grafana-api-key', 'Grafana API key', ['eyjrijoi'], /\b(eyJrIjoi[A-Za-z0-9]{70,400}={0,2})(?![A-Za-z0-9=])/g),
  token(
    'grafana-cloud-token',
    'Grafana Cloud access policy token',
    ['glc_'],
    /\b(glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=])/g,
  ),
  token(
    'grafana-service-account-token',
    'Grafana service account token',
    ['glsa_'],
    /\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b/g,
  ),
  token('newrelic-user-api-key', 'New Relic user API key', ['nrak-'], /\b(NRAK-[A-Z0-9]{27})\b/g),
  token('newrelic-insert-key', 'New Relic insert key', ['nrii-'], /\b(NRII-[A-Za-z0-9_-]{32})(?![\w-])/g),
  token('newrelic-browser-key', 'New Relic browser API key', ['nrjs-'], /\b(NRJS-[a-f0-9]{19})\b/g, {
    severity: 'medium',
  }),
  token('newrelic-license-key', 'New Relic ingest license key', ['nral'], /\b([a-f0-9]{36}NRAL)\b/g),
  token(
    'sentry-org-token',
    'Sentry organization auth token',
    ['sntrys_'],
    /\b(sntrys_eyJpYXQiO[A-Za-z0-9+/=_]{50,})(?![A-Za-z0-9+/=_])/g,
  ),
  token('sentry-user-token', 'Sentry user auth token', ['sntryu_'], /\b(sntryu_[a-f0-9]{64})\b/g),
  keyed('sentry-legacy-token', 'Sentry auth token', ['sentry'], HEX(64)),
  token('dynatrace-token', 'Dynatrace API token', ['dt0c01.'], /\b(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b/g),
  keyed(
    'honeycomb-api-key',
    'Honeycomb API key',
    ['honeycomb'],
    '(?:hc[a-z]{2}_[a-z0-9]{58}|[a-z0-9]{22}|[a-z0-9]{32})',
  ),
  keyed('rollbar-token', 'Rollbar access token', ['rollbar'], HEX(32)),
  keyed('bugsnag-api-key', 'Bugsnag API key', ['bugsnag'], HEX(32)),
  keyed('opsgenie-api-key', 'Opsgenie API key', ['opsgenie'], UUID),
  keyed('pagerduty-token', 'PagerDuty API token', ['pagerduty', 'pager_duty'], '(?:u\\+)?[a-z0-9_+-]{20}'),
  keyed('splunk-hec-token', 'Splunk HTTP Event Collector token', ['splunk'], UUID),
  keyed('logzio-token', 'Logz.io shipping token', ['logzio', 'logz_io', 'logz.io'], '[a-z]{32}'),
  keyed('launchdarkly-token', 'LaunchDarkly access token', ['launchdarkly', 'launch_darkly'], `(?:api|sdk)-${UUID}`),
  keyed('algolia-admin-key', 'Algolia admin API key', ['algolia'], HEX(32)),
  keyed('mixpanel-secret', 'Mixpanel API secret', ['mixpanel'], HEX(32)),
  token('posthog-personal-key', 'PostHog personal API key', ['phx_'], /\b(phx_[A-Za-z0-9]{43})\b/g),
];
