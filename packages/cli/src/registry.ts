import type { ActionMetadata, ActionSeams } from '@slipway/action-kit/lite';

/** What the CLI needs of an action: its metadata and its run function. */
export interface CliAction {
  metadata: ActionMetadata;
  run(seams: ActionSeams): Promise<void>;
}

/** Every action the CLI can run, loaded on demand so one command does not load the others. */
export const ACTIONS: Record<string, () => Promise<CliAction>> = {
  'detect-stack': async () => {
    const [{ run }, { metadata }] = await Promise.all([import('@slipway/detect-stack-action/main'), import('@slipway/detect-stack-action/metadata')]);
    return { metadata, run };
  },
};
