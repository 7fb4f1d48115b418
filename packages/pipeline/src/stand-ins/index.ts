// The stand-ins by the action they replace. An action with none is refused, naming those there are.
import { UserError } from '@slipway/action-kit/lite';
import { attest } from './attest.js';
import { checkout } from './checkout.js';
import { downloadArtifact } from './download-artifact.js';
import { setupGo } from './setup-go.js';
import { setupNode } from './setup-node.js';
import { setupPython } from './setup-python.js';
import type { StandIn } from './stand-in.js';
import { uploadSarif } from './upload-sarif.js';

export type { StandIn, StandInContext, ExecResult } from './stand-in.js';

export const STAND_INS: readonly StandIn[] = [
  checkout,
  setupNode,
  setupPython,
  setupGo,
  downloadArtifact,
  attest,
  uploadSarif,
];

/** The stand-in for `owner/repo[/path]@ref`. */
export function standInFor(uses: string, where: string): StandIn {
  const name = uses.split('@')[0]!.toLowerCase();
  const found = STAND_INS.find((s) => s.uses === name);
  if (!found)
    throw new UserError(
      `uses ${uses}, which cannot run locally and has no stand-in.`,
      { file: where },
      `Stand-ins exist for: ${STAND_INS.map((s) => s.uses).join(', ')}; slipway's own actions and local actions (./path) run as they are.`,
    );
  return found;
}
