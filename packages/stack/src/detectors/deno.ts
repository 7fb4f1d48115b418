import { joinRel } from '../context.js';
import { DenoJsonSchema } from '../manifests/schemas.js';
import { miseTools, nearestVersion, plainFile, toolVersions } from '../version-files.js';
import { folderName, type Detector } from './types.js';

/** Deno projects (deno.json or deno.jsonc), their tasks and version files. */
export const denoDetector: Detector = {
  name: 'deno',
  priority: 20,
  applies: (ctx, dir) => ctx.has(dir, 'deno.json') || ctx.has(dir, 'deno.jsonc'),

  async project(ctx, { dir }) {
    const file = ctx.has(dir, 'deno.json') ? 'deno.json' : 'deno.jsonc';
    const manifest = joinRel(dir, file);
    const config = await ctx.json(manifest, DenoJsonSchema, true);
    if (!config) return undefined;
    const version = await nearestVersion(ctx, dir, [plainFile('.dvmrc'), toolVersions('deno'), miseTools('deno')]);
    const task = (name: string): string | null => (config.tasks?.[name] !== undefined ? `deno task ${name}` : null);
    return {
      name: config.name || folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'deno', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: {
        name: 'deno',
        version: null,
        lockfile: ctx.has(dir, 'deno.lock') ? joinRel(dir, 'deno.lock') : null,
        source: manifest,
      },
      frameworks: [],
      commands: {
        install: ctx.has(dir, 'deno.lock') ? 'deno install --frozen' : 'deno install',
        build: task('build'),
        test: task('test') ?? 'deno test',
        start: task('start'),
      },
      warnings: [],
    };
  },
};
