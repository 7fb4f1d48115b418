import { joinRel } from '../context.js';
import type { Framework } from '../types.js';
import { nearestVersion, plainFile, toolVersions, miseTools } from '../version-files.js';
import { folderName, type Detector } from './types.js';

interface ComposerJson {
  name?: string;
  require?: Record<string, string>;
  'require-dev'?: Record<string, string>;
  config?: { platform?: { php?: string } };
  scripts?: Record<string, unknown>;
}

const FRAMEWORKS: readonly [string, string][] = [
  ['laravel/framework', 'laravel'],
  ['symfony/framework-bundle', 'symfony'],
];

/** PHP projects with Composer; Laravel and Symfony with their locked versions. */
export const phpDetector: Detector = {
  name: 'php',
  priority: 35,
  applies: (ctx, dir) => ctx.has(dir, 'composer.json'),

  async project(ctx, { dir }) {
    const manifest = joinRel(dir, 'composer.json');
    const composer = await ctx.json<ComposerJson>(manifest);
    if (!composer) return undefined;
    const lockPath = ctx.has(dir, 'composer.lock') ? joinRel(dir, 'composer.lock') : null;
    const lock = lockPath ? await ctx.json<{ packages?: { name: string; version: string }[] }>(lockPath) : undefined;
    const pinned = await nearestVersion(ctx, dir, [plainFile('.php-version'), toolVersions('php'), miseTools('php')]);
    const platform = composer.config?.platform?.php;
    const required = composer.require?.php;
    const version =
      pinned ??
      (platform
        ? { value: platform, source: `${manifest}#config.platform.php` }
        : required
          ? { value: required, source: `${manifest}#require.php` }
          : undefined);
    const frameworks: Framework[] = [];
    for (const [pkg, name] of FRAMEWORKS) {
      const locked = lock?.packages?.find((p) => p.name === pkg)?.version;
      const declared = composer.require?.[pkg];
      if (locked || declared)
        frameworks.push({
          name,
          version: (locked ?? declared ?? '').replace(/^v(?=\d)/, '') || null,
          source: locked ? lockPath! : `${manifest}#require`,
        });
    }
    const laravel = frameworks.some((f) => f.name === 'laravel');
    const phpunit = composer['require-dev']?.['phpunit/phpunit'] !== undefined;
    return {
      name: composer.name ?? folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'php', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: { name: 'composer', version: null, lockfile: lockPath, source: manifest },
      frameworks,
      commands: {
        install: 'composer install --no-interaction --prefer-dist',
        build: null,
        test: composer.scripts?.test
          ? 'composer test'
          : laravel
            ? 'php artisan test'
            : phpunit
              ? 'vendor/bin/phpunit'
              : null,
        start: null,
      },
      warnings: [],
    };
  },
};
