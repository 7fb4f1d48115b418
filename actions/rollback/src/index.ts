import { runAction } from '@slipway/action-kit';
import { maybeRunDaemon } from '@slipway/deploy';
import { run } from './main.js';
import { removeRemoteSession } from './remote.js';

// The same bundle is the local provider's proxy daemon when it has to start one; its post step
// removes the ssh key a killed main left (with host set).
if (!(await maybeRunDaemon())) await runAction('rollback', run, undefined, async (seams) => removeRemoteSession(seams));
