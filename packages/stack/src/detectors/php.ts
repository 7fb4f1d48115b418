import { joinRel } from '../context.js';
import type { Framework } from '../types.js';
import { nearestVersion, plainFile, toolVersions, miseTools } from '../version-files.js';
import { ComposerJsonSchema, ComposerLockSchema, PHP_FRAMEWORK_DEPS } from '../manifests/schemas.js';
import { folderName, type Detector } from './types.js';

/** PHP projects with Composer; Laravel and Symfony with their locked versions. */
export const phpDetector: Detector = {
  name: 'php',
  priority: 35,
  applies: (ctx, dir) => ctx.has(dir, 'composer.json'),

  async project(ctx, { dir }) {
    const manifest = joinRel(dir, 'composer.json');
    const composer = await ctx.json(manifest, ComposerJsonSchema);
    if (!composer) return undefined;
    const lockPath = ctx.has(dir, 'composer.lock') ? joinRel(dir, 'composer.lock') : null;
    const lock = lockPath ? await ctx.json(lockPath, ComposerLockSchema) : undefined;
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
    for (const [pkg, name] of PHP_FRAMEWORK_DEPS) {
      const locked = lock?.packages?.find((p) => p.name === pkg)?.version;
      const declared = composer.require?.[pkg] as string | undefined;
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
      name: composer.name || folderName(dir, ctx.rootName),
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
