// actions/setup-go: uses the go on PATH.
import { askedVersion, checkTool } from './tool-version.js';
import type { StandIn } from './stand-in.js';

export const setupGo: StandIn = {
  uses: 'actions/setup-go',
  description: 'installs nothing: uses the go on PATH, warning when its version is not the one asked for',
  async run(context) {
    const asked = askedVersion(context, 'go-version', 'go-version-file');
    const found = await checkTool(context, 'setup-go', 'go', ['version'], /go(\d+\.\d+(?:\.\d+)?)/, asked);
    return { 'go-version': found, 'cache-hit': 'false' };
  },
};
