import { runAction } from '@slipway/action-kit';
import { maybeRunDaemon } from '@slipway/deploy';
import { post, run } from './main.js';
import { removeRemoteSession } from './remote.js';

// The same bundle is the local provider's proxy daemon when started as one.
if (!(await maybeRunDaemon()))
  await runAction('deploy-canary', run, undefined, async (seams) => {
    removeRemoteSession(seams);
    await post(seams);
  });
