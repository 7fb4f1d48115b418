// The proxy file: how a later step or run finds the local proxy daemon of an environment, and the
// secret that lets it drive the daemon. Written only by the daemon, readable only by its user.
import { open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';

const proxyFileSchema = v.object({
  pid: v.pipe(v.number(), v.integer(), v.minValue(1)),
  environment: v.string(),
  /** The bound address, host:port. */
  listen: v.string(),
  frontDoor: v.string(),
  admin: v.pipe(v.string(), v.url()),
  token: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  startedAt: v.string(),
});

/** What `<stateDir>/<environment>/proxy.json` holds. */
export type ProxyFile = v.InferOutput<typeof proxyFileSchema>;

/** The proxy file of an environment's folder. */
export function proxyFilePath(envDir: string): string {
  return join(envDir, 'proxy.json');
}

/** The daemon's log (stdout and stderr) in an environment's folder. */
export function proxyLogPath(envDir: string): string {
  return join(envDir, 'proxy.log');
}

/** The proxy file at `path`; undefined when there is none or it is not one (a torn or foreign file). */
export async function readProxyFile(path: string): Promise<ProxyFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = v.safeParse(proxyFileSchema, JSON.parse(text));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` as JSON atomically with mode 0600 from the moment the file exists (the token must
 * never be readable by others, not even briefly): temp file, fsync, rename.
 */
export async function writePrivateJson(path: string, data: unknown): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(temp, 'wx', 0o600);
    try {
      await fh.writeFile(`${JSON.stringify(data, null, 2)}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Removes the proxy file if it still belongs to the daemon holding `token` (a newer daemon's stays). */
export async function removeProxyFileOf(path: string, token: string): Promise<void> {
  const current = await readProxyFile(path).catch(() => undefined);
  if (current?.token === token) await rm(path, { force: true });
}
