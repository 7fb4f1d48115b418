// actions/setup-python: uses the python3 on PATH.
import { askedVersion, checkTool } from './tool-version.js';
import type { StandIn } from './stand-in.js';

export const setupPython: StandIn = {
  uses: 'actions/setup-python',
  description: 'installs nothing: uses the python3 on PATH, warning when its version is not the one asked for',
  async run(context) {
    const asked = askedVersion(context, 'python-version', 'python-version-file');
    const found = await checkTool(context, 'setup-python', 'python3', ['--version'], /Python (\d+\.\d+\.\d+)/, asked);
    const which = await context.exec('python3', ['-c', 'import sys; print(sys.executable)']);
    return { 'python-version': found, 'python-path': which.stdout.trim(), 'cache-hit': 'false' };
  },
};
