import type { ActionMetadata, ActionSeams } from '@slipway/action-kit/lite';

/** What the CLI needs of a command: its metadata (flags) and its run function. */
export interface CliAction {
  metadata: ActionMetadata;
  run(seams: ActionSeams): Promise<void>;
}

/** Every command, loaded on demand so one command does not load the others. Actions first, then CLI-only commands. */
export const ACTIONS: Record<string, () => Promise<CliAction>> = {
  'detect-stack': async () => {
    const [{ run }, { metadata }] = await Promise.all([import('@slipway/detect-stack-action/main'), import('@slipway/detect-stack-action/metadata')]);
    return { metadata, run };
  },
  'build-artifact': async () => {
    const [{ run }, { metadata }] = await Promise.all([import('@slipway/build-artifact-action/main'), import('@slipway/build-artifact-action/metadata')]);
    return { metadata, run };
  },
  'security-scan': async () => {
    const [{ run }, { metadata }] = await Promise.all([import('@slipway/security-scan-action/main'), import('@slipway/security-scan-action/metadata')]);
    return { metadata, run };
  },
  'verify-health': async () => {
    const [{ run }, { metadata }] = await Promise.all([import('@slipway/verify-health-action/main'), import('@slipway/verify-health-action/metadata')]);
    return { metadata, run };
  },
  'verify-artifact': async () => (await import('./verify-command.js')).verifyCommand,
};
