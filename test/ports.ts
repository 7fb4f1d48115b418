// Port helpers without Jest, so benchmarks (bench/) can share them with the tests.
import { createServer } from 'node:http';

/** Below the kernel's ephemeral range (32768–60999 on Linux), which outgoing connections take their ports from. */
const LOW = 20_000;
const HIGH = 32_000;

/** Whether a port on 127.0.0.1 can be bound now (it is then released). */
async function bindable(port: number): Promise<boolean> {
  const s = createServer();
  const ok = await new Promise<boolean>((resolve) => {
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (ok) await new Promise<void>((r) => s.close(() => r()));
  return ok;
}

/**
 * A port on 127.0.0.1 that nothing listens on, for a server a test starts later. It is picked at
 * random below the ephemeral range: a port the kernel hands out (listen(0)) is also the next one
 * an outgoing connection of a busy machine (a load generator, another test) may take, and one did
 * take it between the pick and the listen in a CI run.
 */
export async function closedPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await bindable(port)) return port;
  }
  // All tried were taken: fall back to one the kernel gives.
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
