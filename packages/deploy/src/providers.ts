// The registry's entries: one line per router, each loaded only when a deploy asks for it.
import { registerRouter } from './registry.js';

registerRouter('local', async () => (await import('./providers/local/router.js')).createLocalRouter);
registerRouter('haproxy', async () => (await import('./providers/haproxy/router.js')).createHaproxyRouter);
registerRouter('nginx', async () => (await import('./providers/nginx/router.js')).createNginxRouter);
registerRouter('command', async () => (await import('./providers/command/router.js')).createCommandRouter);
registerRouter('kubernetes', async () => (await import('./providers/kubernetes/router.js')).createKubernetesRouter);
