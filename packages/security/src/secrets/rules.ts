import type { UserPattern } from '@slipway/action-kit/pattern';
import type { Severity } from '../types.js';
import { AI_RULES } from './rules/ai.js';
import { CLOUD_RULES } from './rules/cloud.js';
import { DEVTOOLS_RULES } from './rules/devtools.js';
import { FORMAT_RULES } from './rules/formats.js';
import { MESSAGING_RULES } from './rules/messaging.js';
import { OBSERVABILITY_RULES } from './rules/observability.js';
import { PAYMENT_RULES } from './rules/payments.js';
import { SAAS_RULES } from './rules/saas.js';
import { SECRET_STORE_RULES } from './rules/secret-stores.js';
import { VCS_RULES } from './rules/vcs.js';

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
  /**
   * The provider itself calls this credential public (Mailgun's public validation key, Stripe's
   * publishable key): a name saying public, which silences other matches, does not silence it.
   */
  namedPublic?: boolean;
  /** A documented check the secret must pass (a checksum, say): look-alikes that fail it are not reported. */
  verify?(secret: string): boolean;
}

/**
 * Built-in rules, written for slipway from each provider's documented token format, grouped by
 * provider in `rules/`. The generic rule comes last.
 */
export const DEFAULT_RULES: SecretRule<RegExp>[] = [
  ...VCS_RULES,
  ...CLOUD_RULES,
  ...DEVTOOLS_RULES,
  ...SECRET_STORE_RULES,
  ...PAYMENT_RULES,
  ...MESSAGING_RULES,
  ...AI_RULES,
  ...OBSERVABILITY_RULES,
  ...SAAS_RULES,
  ...FORMAT_RULES,
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

export { shannonEntropy } from './entropy.js';
