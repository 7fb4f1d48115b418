// Each action with a baseline of valid inputs that ends fast, so that a case changes one input and
// whatever happens is that input's doing: the same idea as test/hostile/every-input.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration } from '@slipway/action-kit/lite';
import { parse } from 'yaml';
import { REPO } from '../harness.js';
import { CLOSED, OPEN, type InputSpec } from './arbitraries.js';

/** An action under fuzz. */
export interface FuzzAction {
  name: string;
  /** Valid values for the other inputs (placeholders allowed), so that each case tests one input. */
  baseline: Record<string, string>;
  /** The workspace's files. */
  files: Record<string, string>;
  /** The workspace is a git repository with the files in one commit. */
  git?: boolean;
  /**
   * Why a value is not tried, when it is valid and starts real work that takes minutes (a soak, a
   * live deploy) rather than input handling; those paths have their own tests.
   */
  skip?: (input: string, value: string) => string | undefined;
}

const HOUR = 3_600_000;

/** The actions, each with the baseline every-input.test.ts found to end fast after reading every input. */
export const ACTIONS: FuzzAction[] = [
  { name: 'detect-stack', baseline: {}, files: { 'index.html': '<h1>hi</h1>' } },
  {
    // A git repository with one commit, whose version, time and provenance the archive takes: it is built.
    name: 'build-artifact',
    baseline: { install: 'false', command: 'none', include: 'index.html', upload: 'false', cache: 'false' },
    files: { 'index.html': '<h1>hi</h1>' },
    git: true,
  },
  {
    // The OSV API is a port nothing listens on: a scanner list that gains `dependencies` never leaves the machine.
    name: 'security-scan',
    baseline: { scanners: 'secrets', 'osv-api-url': `http://${CLOSED}` },
    files: { 'app.js': 'console.log(1)\n' },
  },
  {
    // A HAProxy socket that does not exist ends each case fast, after every input was read.
    name: 'deploy-canary',
    baseline: {
      provider: 'haproxy',
      'haproxy-socket': '/nonexistent/slipway-admin.sock',
      'haproxy-backend': 'app',
      artifact: 'app',
      'start-command': 'node server.mjs',
      'state-dir': 'state',
    },
    files: { 'app/server.mjs': 'console.log(1)\n' },
    skip: localProvider,
  },
  {
    // No ledger in the state folder: each case ends at 'nothing to roll back to', after every input was read.
    name: 'rollback',
    baseline: {
      provider: 'haproxy',
      'haproxy-socket': '/nonexistent/slipway-admin.sock',
      'haproxy-backend': 'app',
      'state-dir': 'state',
    },
    files: {},
    skip: localProvider,
  },
  {
    name: 'verify-health',
    baseline: { url: `http://${OPEN}/healthz`, duration: '0', wait: '500ms', timeout: '2s' },
    files: {},
    // A valid soak runs for as long as it says; a few seconds are tried, hours are not.
    skip: (input, value) => {
      const ms = input === 'duration' ? parseDuration(value) : undefined;
      return ms !== undefined && ms > 2000 && ms <= 6 * HOUR ? `a soak of ${ms} ms` : undefined;
    },
  },
];

/** The local provider starts its own proxy and the release for real: the controller's tests cover it. */
function localProvider(input: string, value: string): string | undefined {
  return input === 'provider' && value.trim() === 'local' ? 'a live local deploy' : undefined;
}

/** The inputs action.yml declares, in its order, with their descriptions and defaults. */
export function declaredInputs(action: string): Record<string, InputSpec> {
  const meta = parse(readFileSync(join(REPO, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, InputSpec | null>;
  };
  return Object.fromEntries(Object.entries(meta.inputs ?? {}).map(([name, spec]) => [name, spec ?? {}]));
}

/** A value the action accepts for an input: the baseline's, else action.yml's default. */
export function validValue(action: FuzzAction, input: string, spec: InputSpec): string {
  return action.baseline[input] ?? (spec.default === undefined ? '' : String(spec.default));
}
