import { runAction } from '@slipway/action-kit';
import { run } from './main.js';

await runAction('verify-health', run);
