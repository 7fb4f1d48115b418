import { joinRel } from '../context.js';
import type { Framework } from '../types.js';
import { miseTools, nearestVersion, toolVersions } from '../version-files.js';
import { capture } from './shared.js';
import { folderName, type Detector } from './types.js';

/** Elixir projects with mix; Phoenix with its locked version. */
export const elixirDetector: Detector = {
  name: 'elixir',
  priority: 35,
  applies: (ctx, dir) => ctx.has(dir, 'mix.exs'),

  async project(ctx, { dir }) {
    const manifest = joinRel(dir, 'mix.exs');
    const mix = (await ctx.text(manifest)) ?? '';
    const lockPath = ctx.has(dir, 'mix.lock') ? joinRel(dir, 'mix.lock') : null;
    const lock = lockPath ? ((await ctx.text(lockPath)) ?? '') : '';
    const pinned = await nearestVersion(ctx, dir, [toolVersions('elixir'), miseTools('elixir')]);
    const declared = capture(mix, /elixir:\s*"([^"\n]+)"/);
    const version = pinned ?? (declared ? { value: declared, source: manifest } : undefined);
    const frameworks: Framework[] = [];
    const phoenixLocked = capture(lock, /"phoenix":\s*\{:hex,\s*:phoenix,\s*"([^"\n]+)"/);
    const phoenixDeclared = capture(mix, /\{:phoenix,\s*"([^"\n]+)"/);
    if (phoenixLocked || phoenixDeclared)
      frameworks.push({
        name: 'phoenix',
        version: phoenixLocked ?? phoenixDeclared ?? null,
        source: phoenixLocked ? lockPath! : manifest,
      });
    return {
      name: capture(mix, /app:\s*:(\w+)/) ?? folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'elixir', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: { name: 'mix', version: null, lockfile: lockPath, source: manifest },
      frameworks,
      commands: {
        install: 'mix deps.get',
        build: 'mix compile',
        test: 'mix test',
        start: frameworks.length > 0 ? 'mix phx.server' : null,
      },
      warnings: [],
    };
  },
};
