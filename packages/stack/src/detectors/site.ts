// Sites built by generators that run outside Node: Hugo, Jekyll, Middleman and Zola. Such a site
// is a project even with no package.json; the generator's build command and output folder come
// from the framework table. A site whose package.json has a build script of its own is left to
// the Node detector, which runs that script.
import { joinRel, type DetectContext, type Found } from '../context.js';
import type { Framework, PackageManager } from '../types.js';
import { miseTools, plainFile, toolVersions } from '../version-files.js';
import { FRAMEWORKS, HUGO_CONFIGS } from './frameworks.js';
import { PackageJsonSchema } from './node-manifests.js';
import { installCommand, packageManager } from './node-pm.js';
import { capture } from './shared.js';
import { folderName, type Detector, type ProjectDraft } from './types.js';

const GENERIC_CONFIGS = ['config.toml', 'config.yaml', 'config.yml', 'config.json'];
const JEKYLL_CONFIGS = ['_config.yml', '_config.yaml', '_config.toml'];

type SiteName = 'hugo' | 'jekyll' | 'middleman' | 'zola';

/** Static sites built by Hugo, Jekyll, Middleman or Zola. */
export const siteDetector: Detector = {
  name: 'site',
  // Above Go (a Hugo site's go.mod holds its theme modules) and Ruby (a Jekyll site's Gemfile).
  priority: 45,
  covers: ['ruby', 'go', 'node', 'static'],
  applies: (ctx, dir) =>
    [...HUGO_CONFIGS, ...GENERIC_CONFIGS, ...JEKYLL_CONFIGS, 'config.rb'].some((n) => ctx.has(dir, n)),

  async project(ctx, scope) {
    const { dir } = scope;
    const kind = await siteKind(ctx, dir);
    if (!kind) return undefined;
    const def = FRAMEWORKS.find((f) => f.ecosystem === 'site' && f.name === kind)!;
    const pkg = ctx.has(dir, 'package.json')
      ? await ctx.json(joinRel(dir, 'package.json'), PackageJsonSchema)
      : undefined;
    if (typeof pkg?.scripts?.build === 'string') return undefined;
    const warnings: string[] = [];
    const ruby = kind === 'jekyll' || kind === 'middleman';
    const gemfile = ruby && ctx.has(dir, 'Gemfile');
    // Assets built by PostCSS or Tailwind: the site's install is its package.json's.
    const nodePm = pkg ? await packageManager(ctx, scope, pkg, undefined, warnings) : undefined;
    const version = ruby ? await rubyVersion(ctx, dir) : undefined;
    const draft: ProjectDraft = {
      name: folderName(dir, ctx.rootName),
      manifest: joinRel(
        dir,
        ctx.names(dir).find((n) => def.configs!.includes(n))!,
      ),
      runtime: { name: ruby ? 'ruby' : 'static', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: gemfile ? await bundler(ctx, dir) : (nodePm ?? null),
      frameworks: [await generatorVersion(ctx, dir, kind)],
      commands: {
        install: gemfile
          ? 'bundle install'
          : nodePm
            ? await installCommand(ctx, scope, nodePm, true, warnings)
            : kind === 'jekyll'
              ? 'gem install jekyll'
              : null,
        build: gemfile ? `bundle exec ${def.build}` : def.build,
        test: null,
        start: null,
      },
      warnings,
      output: def.output,
      serves: true,
    };
    return draft;
  },
};

/**
 * Which generator a folder is for. Config names are shared (Hexo's _config.yml, Zola's and
 * Hugo's config.toml, many tools' config.yaml), so each claim is checked against what else the
 * folder holds.
 */
async function siteKind(ctx: DetectContext, dir: string): Promise<SiteName | undefined> {
  const has = (n: string): boolean => ctx.has(dir, n);
  const pkg = has('package.json') ? await ctx.json(joinRel(dir, 'package.json'), PackageJsonSchema) : undefined;
  const nodeGenerator = ['hexo', '@11ty/eleventy'].some(
    (d) => pkg?.dependencies?.[d] !== undefined || pkg?.devDependencies?.[d] !== undefined,
  );
  const gemfile = has('Gemfile') ? ((await ctx.text(joinRel(dir, 'Gemfile'))) ?? '') : '';
  const gem = (name: string): boolean => new RegExp(`^[ \\t]*gem[ \\t]+['"]${name}['"]`, 'm').test(gemfile);
  if (JEKYLL_CONFIGS.some(has) && !nodeGenerator) {
    if (gem('jekyll') || gem('github-pages')) return 'jekyll';
    const folders = await Promise.all(['_posts', '_layouts', '_includes'].map((f) => ctx.exists(joinRel(dir, f))));
    // Without a Gemfile (GitHub Pages builds it), only a folder with Jekyll's own layout and nothing else to build.
    if (folders.some(Boolean) && !has('Gemfile') && !pkg) return 'jekyll';
  }
  if (has('config.rb') && gem('middleman')) return 'middleman';
  if (HUGO_CONFIGS.some(has)) return 'hugo';
  const config = GENERIC_CONFIGS.find(has);
  if (config === undefined) return undefined;
  const text = (await ctx.text(joinRel(dir, config))) ?? '';
  const folders = async (names: string[]): Promise<boolean> =>
    (await Promise.all(names.map((f) => ctx.exists(joinRel(dir, f))))).some(Boolean);
  if (config === 'config.toml' && /^\s*base_url\s*=/m.test(text) && (await folders(['templates', 'content'])))
    return 'zola';
  if (/^\s*"?base_?url"?\s*[=:]/im.test(text) && (await folders(['content', 'layouts', 'archetypes', 'themes'])))
    return 'hugo';
  return undefined;
}

/** The generator and its version: Gemfile.lock for Ruby ones; netlify.toml or .tool-versions for Hugo and Zola. */
async function generatorVersion(ctx: DetectContext, dir: string, kind: SiteName): Promise<Framework> {
  const lockPath = joinRel(dir, 'Gemfile.lock');
  if ((kind === 'jekyll' || kind === 'middleman') && ctx.has(dir, 'Gemfile.lock')) {
    const locked = capture(await ctx.text(lockPath), new RegExp(`^ {4}${kind} \\(([^)\\n]+)\\)`, 'm'));
    if (locked) return { name: kind, version: locked, source: lockPath };
  }
  if (ctx.has(dir, 'netlify.toml')) {
    const path = joinRel(dir, 'netlify.toml');
    const pinned = capture(
      await ctx.text(path),
      new RegExp(`^\\s*${kind.toUpperCase()}_VERSION\\s*=\\s*"([^"\\n]+)"`, 'm'),
    );
    if (pinned) return { name: kind, version: pinned, source: `${path}#${kind.toUpperCase()}_VERSION` };
  }
  const tool = await toolVersions(kind)(ctx, dir);
  if (tool) return { name: kind, version: tool.value, source: tool.source };
  const config = ctx.names(dir).find((n) => FRAMEWORKS.find((f) => f.name === kind)!.configs!.includes(n))!;
  return { name: kind, version: null, source: joinRel(dir, config) };
}

async function rubyVersion(ctx: DetectContext, dir: string): Promise<Found | undefined> {
  for (const d of ctx.upward(dir))
    for (const source of [
      plainFile('.ruby-version', (v) => v.replace(/^ruby-/, '')),
      toolVersions('ruby'),
      miseTools('ruby'),
    ]) {
      const found = await source(ctx, d);
      if (found) return found;
    }
  return undefined;
}

async function bundler(ctx: DetectContext, dir: string): Promise<PackageManager> {
  const lockfile = ctx.has(dir, 'Gemfile.lock') ? joinRel(dir, 'Gemfile.lock') : null;
  const lock = lockfile ? ((await ctx.text(lockfile)) ?? '') : '';
  return {
    name: 'bundler',
    version: capture(lock, /^BUNDLED WITH\s*\n\s*(\S+)/m) ?? null,
    lockfile,
    source: joinRel(dir, 'Gemfile'),
  };
}
