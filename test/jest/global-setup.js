// Marks the test run so that global-teardown.js can find any process a test leaves behind.
import { randomUUID } from 'node:crypto';
import { MARKER, ownGroup, runProcesses } from './processes.js';

export default function globalSetup() {
  const token = randomUUID();
  process.env[MARKER] = token; // inherited by Jest's workers and everything they start
  const pgid = ownGroup();
  // What already shares our group (npm, the shell that started us) is not the tests' doing.
  globalThis.__slipwayRun = { token, pgid, before: new Set(runProcesses(pgid, token).map((p) => p.pid)) };
}
