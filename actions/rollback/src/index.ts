import { runAction } from '@slipway/action-kit';
import { maybeRunDaemon } from '@slipway/deploy';
import { run } from './main.js';

// The same bundle is the local provider's proxy daemon when it has to start one.
if (!(await maybeRunDaemon())) await runAction('rollback', run);
