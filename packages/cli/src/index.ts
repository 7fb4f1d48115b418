#!/usr/bin/env node
import { main } from './cli.js';

// `slipway deploy-canary` starts its local proxy as this same program with SLIPWAY_DAEMON set.
if (process.env.SLIPWAY_DAEMON) {
  const { maybeRunDaemon } = await import('@slipway/deploy');
  await maybeRunDaemon();
} else {
  // A spinner and colours on a terminal only; ora and picocolors are not loaded otherwise.
  const { createTerminal } = await import('./terminal.js');
  const terminal = await createTerminal(process.stderr, process.env);
  process.exitCode = await main(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
    cwd: process.cwd(),
    ...(terminal ? { terminal } : {}),
  });
}
