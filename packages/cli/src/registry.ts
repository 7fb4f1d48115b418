import type { ActionMetadata, ActionSeams } from '@slipway/action-kit/lite';
import type { CommandLineShape } from './flags.js';

/** What the CLI needs of a command: its metadata (flags) and its run function. */
export interface CliAction {
  metadata: ActionMetadata;
  /** A positional argument and repeatable flags, for CLI-only commands. */
  commandLine?: CommandLineShape;
  run(seams: ActionSeams): Promise<void>;
}

/** An action's command: its main module and its generated metadata, loaded together on first use. */
function action(
  main: () => Promise<{ run: CliAction['run'] }>,
  meta: () => Promise<{ metadata: ActionMetadata }>,
): () => Promise<CliAction> {
  return async () => {
    const [{ run }, { metadata }] = await Promise.all([main(), meta()]);
    return { metadata, run };
  };
}

/** Every command, loaded on demand so one command does not load the others. Actions first, then CLI-only commands. */
export const ACTIONS: Record<string, () => Promise<CliAction>> = {
  'detect-stack': action(
    () => import('@slipway/detect-stack-action/main'),
    () => import('@slipway/detect-stack-action/metadata'),
  ),
  'build-artifact': action(
    () => import('@slipway/build-artifact-action/main'),
    () => import('@slipway/build-artifact-action/metadata'),
  ),
  'security-scan': action(
    () => import('@slipway/security-scan-action/main'),
    () => import('@slipway/security-scan-action/metadata'),
  ),
  'verify-health': action(
    () => import('@slipway/verify-health-action/main'),
    () => import('@slipway/verify-health-action/metadata'),
  ),
  'deploy-canary': action(
    () => import('@slipway/deploy-canary-action/main'),
    () => import('@slipway/deploy-canary-action/metadata'),
  ),
  rollback: action(
    () => import('@slipway/rollback-action/main'),
    () => import('@slipway/rollback-action/metadata'),
  ),
  'verify-artifact': async () => (await import('./verify-command.js')).verifyCommand,
  status: async () => (await import('./environment-commands.js')).statusCommand,
  down: async () => (await import('./environment-commands.js')).downCommand,
  metrics: async () => (await import('./metrics-commands.js')).metricsCommand,
  audit: async () => (await import('./metrics-commands.js')).auditCommand,
  init: async () => (await import('./init-command.js')).initCommand,
  pipeline: async () => (await import('./pipeline-command.js')).pipelineCommand,
};

/** Short names for the actions people type most. */
export const ALIASES: Readonly<Record<string, string>> = {
  detect: 'detect-stack',
  build: 'build-artifact',
  scan: 'security-scan',
  deploy: 'deploy-canary',
  verify: 'verify-health',
};
