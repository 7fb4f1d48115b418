import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { homedir, platform, arch } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@slipway/action-kit/lite';
import type { Project } from '@slipway/stack';

/** A place dependency caches are kept between builds. */
export interface CacheBackend {
  readonly name: string;
  /** Restores the first matching key into the paths; returns the key that matched. */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

/** GitHub's cache service through @actions/cache, loaded only when used. */
export const actionsCacheBackend: CacheBackend = {
  name: 'actions',
  async restore(paths, key, restoreKeys) {
    const cache = await import('@actions/cache');
    return cache.restoreCache(paths, key, restoreKeys);
  },
  async save(paths, key) {
    const cache = await import('@actions/cache');
    await cache.saveCache(paths, key);
  },
};

/** A folder on this machine: for local runs and the benchmark, where there is no cache service. */
export function localCacheBackend(dir: string): CacheBackend {
  const slot = (key: string): string => join(dir, createHash('sha256').update(key).digest('hex').slice(0, 32));
  return {
    name: `local:${dir}`,
    async restore(paths, key, restoreKeys) {
      const entries = await readdir(dir).catch(() => [] as string[]);
      const keys = new Map<string, string>();
      for (const e of entries) {
        const k = await readFile(join(dir, e, 'key'), 'utf8').catch(() => undefined);
        if (k) keys.set(k, join(dir, e));
      }
      const hit = keys.has(key)
        ? key
        : restoreKeys
            .map((p) =>
              [...keys.keys()]
                .filter((k) => k.startsWith(p))
                .sort()
                .pop(),
            )
            .find((k) => k !== undefined);
      if (!hit) return undefined;
      for (const [i, p] of paths.entries())
        await cp(join(keys.get(hit)!, String(i)), p, { recursive: true, force: true }).catch(() => undefined);
      return hit;
    },
    async save(paths, key) {
      const target = slot(key);
      await rm(target, { recursive: true, force: true });
      await mkdir(target, { recursive: true });
      for (const [i, p] of paths.entries())
        await cp(p, join(target, String(i)), { recursive: true }).catch(() => undefined);
      await writeFile(join(target, 'key'), key);
    },
  };
}

/** Where each package manager keeps its download cache. */
export function cachePaths(project: Project, env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || homedir();
  const xdg = env.XDG_CACHE_HOME || join(home, '.cache');
  switch (project.packageManager?.name) {
    case 'npm':
      return [env.npm_config_cache || join(home, '.npm')];
    case 'pnpm':
      return [join(home, '.local', 'share', 'pnpm', 'store')];
    case 'yarn':
      return [join(xdg, 'yarn'), join(home, '.yarn', 'berry', 'cache')];
    case 'bun':
      return [join(home, '.bun', 'install', 'cache')];
    case 'pip':
    case 'pipenv':
      return [join(xdg, 'pip')];
    case 'poetry':
      return [join(xdg, 'pypoetry')];
    case 'uv':
      return [join(xdg, 'uv')];
    case 'pdm':
      return [join(xdg, 'pdm')];
    case 'go':
      return [join(env.GOPATH || join(home, 'go'), 'pkg', 'mod'), join(xdg, 'go-build')];
    case 'cargo':
      return [
        join(env.CARGO_HOME || join(home, '.cargo'), 'registry'),
        join(env.CARGO_HOME || join(home, '.cargo'), 'git'),
      ];
    case 'maven':
      return [join(home, '.m2', 'repository')];
    case 'gradle':
      return [join(home, '.gradle', 'caches'), join(home, '.gradle', 'wrapper')];
    case 'composer':
      return [join(xdg, 'composer')];
    case 'bundler':
      return [join(home, '.gem')];
    default:
      return [];
  }
}

/** The cache key: runtime, its version, OS and architecture, package manager, and a hash of the lockfiles. */
export async function cacheKey(project: Project, lockfiles: string[]): Promise<{ key: string; restoreKeys: string[] }> {
  const hash = createHash('sha256');
  for (const f of [...lockfiles].sort())
    hash
      .update(f)
      .update('\0')
      .update(await readFile(f).catch(() => Buffer.alloc(0)));
  const prefix = `slipway-${platform()}-${arch()}-${project.runtime.name}-${project.runtime.version ?? 'any'}-${project.packageManager?.name ?? 'none'}-`;
  return { key: `${prefix}${hash.digest('hex').slice(0, 32)}`, restoreKeys: [prefix] };
}

/** Which backend this run can use, or undefined (with the reason) when none. */
export function chooseCacheBackend(env: NodeJS.ProcessEnv): { backend?: CacheBackend; reason: string } {
  if (env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL)
    return { backend: actionsCacheBackend, reason: 'GitHub Actions cache' };
  if (env.SLIPWAY_CACHE_DIR)
    return { backend: localCacheBackend(env.SLIPWAY_CACHE_DIR), reason: `local cache in ${env.SLIPWAY_CACHE_DIR}` };
  return { reason: 'no cache service here (not in GitHub Actions and SLIPWAY_CACHE_DIR is not set)' };
}

/** Runs a cache operation, turning any failure into a warning: a build never fails for its cache. */
export async function tolerant<T>(logger: Logger, what: string, op: () => Promise<T>): Promise<T | undefined> {
  try {
    return await op();
  } catch (err) {
    logger.warning(`dependency cache ${what} failed, continuing without it: ${(err as Error).message}`);
    return undefined;
  }
}
