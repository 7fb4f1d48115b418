import { joinRel } from '../context.js';
import type { Framework } from '../types.js';
import { miseTools, nearestVersion, plainFile, toolVersions } from '../version-files.js';
import { capture } from './shared.js';
import { folderName, type Detector } from './types.js';

/** Ruby projects with Bundler; Rails with its locked version. */
export const rubyDetector: Detector = {
  name: 'ruby',
  priority: 35,
  applies: (ctx, dir) => ctx.has(dir, 'Gemfile'),

  async project(ctx, { dir }) {
    const manifest = joinRel(dir, 'Gemfile');
    const gemfile = (await ctx.text(manifest)) ?? '';
    const lockPath = ctx.has(dir, 'Gemfile.lock') ? joinRel(dir, 'Gemfile.lock') : null;
    const lock = lockPath ? ((await ctx.text(lockPath)) ?? '') : '';
    const pinned = await nearestVersion(ctx, dir, [
      plainFile('.ruby-version', (v) => v.replace(/^ruby-/, '')),
      toolVersions('ruby'),
      miseTools('ruby'),
    ]);
    const inGemfile = capture(gemfile, /^[ \t]*ruby[ \t]+['"]([^'"\n]+)['"]/m);
    const inLock = capture(lock, /^RUBY VERSION\s*\n\s*ruby\s+(\d[\w.]*)/m)?.replace(/p\d+$/, '');
    const version =
      pinned ??
      (inGemfile ? { value: inGemfile, source: manifest } : inLock ? { value: inLock, source: lockPath! } : undefined);
    const gem = (name: string): boolean => new RegExp(`^[ \\t]*gem[ \\t]+['"]${name}['"]`, 'm').test(gemfile);
    const frameworks: Framework[] = [];
    if (gem('rails') || /^\s{4}rails \(/m.test(lock)) {
      const locked = capture(lock, /^ {4}rails \(([^)\n]+)\)/m);
      frameworks.push({
        name: 'rails',
        version: locked ?? capture(gemfile, /gem\s+['"]rails['"]\s*,\s*['"]([^'"\n]+)['"]/) ?? null,
        source: locked ? lockPath! : manifest,
      });
    }
    const rails = frameworks.length > 0;
    const rspec = gem('rspec') || gem('rspec-rails') || (await ctx.exists(joinRel(dir, 'spec')));
    return {
      name: folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'ruby', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: {
        name: 'bundler',
        version: capture(lock, /^BUNDLED WITH\s*\n\s*(\S+)/m) ?? null,
        lockfile: lockPath,
        source: manifest,
      },
      frameworks,
      commands: {
        install: 'bundle install',
        build: rails ? 'bundle exec rails assets:precompile' : null,
        test: rspec
          ? 'bundle exec rspec'
          : rails
            ? 'bundle exec rails test'
            : ctx.has(dir, 'Rakefile')
              ? 'bundle exec rake'
              : null,
        start: rails ? 'bundle exec rails server -b 0.0.0.0' : ctx.has(dir, 'config.ru') ? 'bundle exec rackup' : null,
      },
      warnings: [],
    };
  },
};
