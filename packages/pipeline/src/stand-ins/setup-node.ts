// actions/setup-node: uses the Node.js on PATH.
import { askedVersion, checkTool } from './tool-version.js';
import type { StandIn } from './stand-in.js';

export const setupNode: StandIn = {
  uses: 'actions/setup-node',
  description: 'installs nothing: uses the node on PATH, warning when its major version is not the one asked for',
  async run(context) {
    const asked = askedVersion(context, 'node-version', 'node-version-file');
    const found = await checkTool(context, 'setup-node', 'node', ['--version'], /v?(\d+\.\d+\.\d+)/, asked);
    return { 'node-version': `v${found}`, 'cache-hit': 'false' };
  },
};
