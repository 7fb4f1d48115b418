// The frameworks detect-stack recognises, as data: what marks each one, the command that builds
// it when the project has no build script of its own, and the folder that build writes. The list
// covers what @vercel/frameworks and @netlify/build-info recognise; their facts (dependencies,
// config files, commands, output folders) carry over, corrected where a command would be refused
// by today's tool (`ng build --prod`).

/** One framework, and how to build it without a build script. */
export interface FrameworkDef {
  /** The name reported in `frameworks[].name`; two flavours of one framework share it. */
  name: string;
  /** `node`: marked by package.json dependencies. `site`: a generator that runs outside Node. */
  ecosystem: 'node' | 'site';
  /** Any one of these dependencies marks it. */
  deps?: readonly string[];
  /** Every one of these must be there too. */
  with?: readonly string[];
  /** None of these may be there: a framework built on this one reports itself instead. */
  unless?: readonly string[];
  /** Config files in the project's folder that mark it (with its dependency somewhere in the workspace). */
  configs?: readonly string[];
  /** A dependency alone is not enough: one of the config files must be there too. */
  needsConfig?: boolean;
  /** The framework's own build command, run through the package manager; null when it has none. */
  build: string | null;
  /** The folder the build writes, relative to the project. */
  output: string | null;
  /** The production start command when the project has no start script. */
  start?: string;
  /** False for build tools and UI libraries: a project with only these may well be a library. */
  serves: boolean;
}

const VITE_CONFIGS = ['vite.config.ts', 'vite.config.js', 'vite.config.mts', 'vite.config.mjs', 'vite.config.cts'];
const REMIX_DEPS = [
  '@remix-run/react',
  '@remix-run/dev',
  '@remix-run/server-runtime',
  'remix',
  '@remix-run/netlify',
  '@remix-run/netlify-edge',
  '@netlify/remix-adapter',
  '@netlify/remix-edge-adapter',
  '@netlify/remix-runtime',
];
const META_ON_VITE = [
  '@remix-run/dev',
  '@react-router/dev',
  '@sveltejs/kit',
  '@analogjs/platform',
  '@builder.io/qwik',
  '@qwik.dev/core',
  '@solidjs/start',
  'solid-start',
  '@tanstack/react-start',
  '@tanstack/solid-start',
  '@tanstack/start',
  '@shopify/hydrogen',
  'vike',
  'vitepress',
  'astro',
  'nuxt',
];

type More = Partial<Pick<FrameworkDef, 'with' | 'unless' | 'configs' | 'needsConfig' | 'start'>>;

/** A Node framework whose projects serve something: an app, a site, a server. */
function app(name: string, deps: string[], build: string | null, output: string | null, more: More = {}): FrameworkDef {
  return { name, ecosystem: 'node', deps, build, output, serves: true, ...more };
}

/** A Node UI library or build tool: part of a project that may be a library. */
function part(
  name: string,
  deps: string[],
  build: string | null,
  output: string | null,
  more: More = {},
): FrameworkDef {
  return { name, ecosystem: 'node', deps, build, output, serves: false, ...more };
}

/** A site generator that runs outside Node, known by its config files. */
function site(name: string, configs: string[], build: string, output: string): FrameworkDef {
  return { name, ecosystem: 'site', configs, build, output, serves: true };
}

/** Config files only Hugo uses. */
export const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'];

/** Every framework, most specific first: the first match with a build command builds the project. */
export const FRAMEWORKS: readonly FrameworkDef[] = [
  // Meta-frameworks and full-stack frameworks.
  app('blitz', ['blitz'], 'blitz build', '.next', { start: 'blitz start' }),
  app('redwood', ['@redwoodjs/core'], 'rw build', 'web/dist', { configs: ['redwood.toml'] }),
  app('hydrogen', ['@shopify/hydrogen'], 'shopify hydrogen build', 'dist'),
  app('next', ['next'], 'next build', '.next', {
    configs: ['next.config.js', 'next.config.mjs', 'next.config.ts'],
    start: 'next start',
  }),
  app('nuxt', ['nuxt', 'nuxt3', 'nuxt-edge', 'nuxt-nightly'], 'nuxt build', '.output', {
    configs: ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs'],
    start: 'node .output/server/index.mjs',
  }),
  app('remix', ['@remix-run/dev'], 'remix vite:build', 'build/client', {
    unless: ['@shopify/hydrogen'],
    configs: VITE_CONFIGS,
    needsConfig: true,
  }),
  app('remix', REMIX_DEPS, 'remix build', 'public', {
    unless: ['@shopify/hydrogen'],
    configs: ['remix.config.js', 'remix.config.mjs'],
  }),
  app('react-router', ['@react-router/dev'], 'react-router build', 'build/client', {
    unless: ['@shopify/hydrogen'],
    configs: ['react-router.config.ts', 'react-router.config.js'],
  }),
  app('tanstack-start', ['@tanstack/react-start', '@tanstack/solid-start', '@tanstack/start'], 'vite build', 'dist'),
  app('solid-start', ['@solidjs/start'], 'vinxi build', '.output'),
  app('solid-start', ['solid-start'], 'solid-start build', '.output'),
  app('sveltekit', ['@sveltejs/kit'], 'vite build', 'build', { configs: ['svelte.config.js'] }),
  app('sapper', ['sapper'], 'sapper export', '__sapper__/export'),
  app('analog', ['@analogjs/platform'], 'vite build', 'dist/analog/public'),
  app('qwik', ['@builder.io/qwik', '@qwik.dev/core'], 'qwik build', 'dist'),
  app('vike', ['vike'], 'vike build', 'dist/client'),
  app('waku', ['waku'], 'waku build', 'dist/public', { configs: ['waku.config.ts', 'waku.config.js'] }),
  // Static site generators.
  app('astro', ['astro'], 'astro build', 'dist', {
    configs: ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'],
  }),
  app('gatsby', ['gatsby'], 'gatsby build', 'public', { configs: ['gatsby-config.js', 'gatsby-config.ts'] }),
  app('docusaurus', ['@docusaurus/core'], 'docusaurus build', 'build', {
    configs: ['docusaurus.config.js', 'docusaurus.config.ts'],
  }),
  app('docusaurus', ['docusaurus'], 'docusaurus-build', 'build', { configs: ['siteConfig.js'] }),
  app('eleventy', ['@11ty/eleventy'], 'eleventy', '_site', {
    configs: ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.cjs', 'eleventy.config.mjs'],
  }),
  app('hexo', ['hexo'], 'hexo generate', 'public'),
  app('vitepress', ['vitepress'], 'vitepress build docs', 'docs/.vitepress/dist'),
  app('vuepress', ['vuepress', '@vuepress/cli'], 'vuepress build', '.vuepress/dist'),
  app('gridsome', ['gridsome'], 'gridsome build', 'dist', { configs: ['gridsome.config.js'] }),
  app('saber', ['saber'], 'saber build', 'public'),
  app('react-static', ['react-static'], 'react-static build', 'dist', { configs: ['static.config.js'] }),
  app('phenomic', ['@phenomic/core'], 'phenomic build', 'public'),
  app('docpad', ['docpad'], 'docpad generate', 'out'),
  app('harp', ['harp'], 'harp compile', 'www'),
  app('metalsmith', ['metalsmith'], 'metalsmith', 'build'),
  app('wintersmith', ['wintersmith'], 'wintersmith build', 'build'),
  app('roots', ['roots'], 'roots compile', 'public'),
  app('observable', ['@observablehq/framework'], 'observable build', 'dist'),
  // Application frameworks and their CLIs.
  app('quasar', ['@quasar/app-vite', '@quasar/app-webpack', '@quasar/app', 'quasar-cli'], 'quasar build', 'dist/spa'),
  app('expo', ['expo'], 'expo export --platform web', 'dist'),
  app('scully', ['@scullyio/init'], 'ng build && scully', 'dist/static'),
  app('ionic-angular', ['@ionic/angular'], 'ng build', 'www'),
  app('angular', ['@angular/core', '@angular/cli'], 'ng build', 'dist', {
    unless: ['@analogjs/platform'],
    configs: ['angular.json'],
  }),
  app('ember', ['ember-cli'], 'ember build --environment=production', 'dist', { configs: ['ember-cli-build.js'] }),
  app('vue', ['@vue/cli-service'], 'vue-cli-service build', 'dist'),
  app('create-react-app', ['react-scripts'], 'react-scripts build', 'build'),
  // Ionic React builds with whichever of Create React App or Vite the app uses.
  app('ionic-react', ['@ionic/react'], null, null),
  app('preact', ['preact-cli'], 'preact build', 'build'),
  app('dojo', ['@dojo/framework'], 'dojo build', 'output/dist', { configs: ['.dojorc'] }),
  app('polymer', ['polymer-cli'], 'polymer build', 'build'),
  app('umi', ['umi'], 'umi build', 'dist'),
  app('sanity', ['sanity', '@sanity/cli'], 'sanity build', 'dist'),
  app('tanstack-router', ['@tanstack/react-router'], 'vite build', 'dist', {
    unless: ['@tanstack/react-start', '@tanstack/start'],
  }),
  app('svelte', ['svelte'], 'rollup -c', 'public', { with: ['sirv-cli'], unless: ['@sveltejs/kit', 'sapper'] }),
  // Servers.
  app('mastra', ['mastra', '@mastra/deployer-netlify'], 'mastra build', '.mastra/output'),
  app('nestjs', ['@nestjs/core'], 'nest build', 'dist', { configs: ['nest-cli.json'], start: 'node dist/main' }),
  app('nitro', ['nitropack', 'nitro'], 'nitro build', '.output', { unless: ['nuxt', 'nuxt3'] }),
  app('express', ['express'], null, null),
  app('fastify', ['fastify'], null, null),
  app('hono', ['hono'], null, null),
  app('koa', ['koa'], null, null),
  app('elysia', ['elysia'], null, null),
  app('h3', ['h3'], null, null, { unless: ['nuxt', 'nuxt3', 'nitropack', 'nitro'] }),
  // UI libraries and build tools: a project with only these may well be a library.
  part('stencil', ['@stencil/core'], 'stencil build', 'www', { configs: ['stencil.config.ts'] }),
  part('svelte', ['svelte'], null, null, { unless: ['@sveltejs/kit', 'sapper'] }),
  part('solid', ['solid-js'], 'vite build', 'dist', {
    unless: ['@solidjs/start', 'solid-start', '@tanstack/solid-start'],
    configs: VITE_CONFIGS,
  }),
  // Storybook builds the component catalogue, not the package: never the project's build.
  part('storybook', ['storybook'], null, null),
  part('vite', ['vite', 'vite-plus'], 'vite build', 'dist', {
    unless: META_ON_VITE,
    configs: [...VITE_CONFIGS, 'index.html'],
  }),
  // Parcel builds the entries package.json names, else the page it is given.
  part('parcel', ['parcel', 'parcel-bundler'], 'parcel build index.html', 'dist', { configs: ['index.html'] }),
  part('brunch', ['brunch'], 'brunch build --production', 'public', { configs: ['brunch-config.js'] }),
  part('wmr', ['wmr'], 'wmr build', 'dist'),
  // Task runners name no build task of their own: `gulp build` fails where there is none.
  part('assemble', ['assemble'], null, null),
  part('gulp', ['gulp'], null, null),
  part('grunt', ['grunt'], null, null),
  // Generators that run outside Node; site.ts tells each from the other files that share a config name.
  site(
    'hugo',
    [...HUGO_CONFIGS, 'config.toml', 'config.yaml', 'config.yml', 'config.json'],
    'hugo --gc --minify',
    'public',
  ),
  site('jekyll', ['_config.yml', '_config.yaml', '_config.toml'], 'jekyll build', '_site'),
  site('middleman', ['config.rb'], 'middleman build', 'build'),
  site('zola', ['config.toml'], 'zola build', 'public'),
];

/** Every config file name the table looks for, for the walk to record. */
export const FRAMEWORK_CONFIG_FILES: ReadonlySet<string> = new Set(FRAMEWORKS.flatMap((f) => f.configs ?? []));

/** Dependencies as one manifest declares them, and how to name where one came from. */
export interface DependencyList {
  versions: Readonly<Record<string, string>>;
  sourceOf(dep: string): string;
}

/** One framework found in a project: the entry, and the dependency (or config file) that showed it. */
export interface FrameworkMatch {
  def: FrameworkDef;
  /** The dependency that marked it and its version as declared; null when a config file alone did. */
  dep: string | null;
  spec: string | null;
  source: string;
  /** The framework's config file in the project's folder, if any. */
  config?: string;
}

/** Where a project's framework signals are: its own dependencies, the workspace root's, its config files. */
export interface FrameworkSignals {
  /** The project's own package.json dependencies (undefined when it has none, as an Nx project.json folder). */
  own: DependencyList | undefined;
  /** The workspace root's dependencies, where hoisted ones are declared. */
  workspace: DependencyList | undefined;
  /** File names in the project's folder. */
  files: readonly string[];
  /** The path of a config file in the project's folder. */
  configPath(name: string): string;
}

/**
 * The frameworks of one ecosystem a project has, in table order, one per name. A dependency of
 * the project's own marks a framework; a config file does when the workspace declares the
 * dependency (hoisted to the root), or alone for generators that have no dependency.
 */
export function matchFrameworks(ecosystem: FrameworkDef['ecosystem'], signals: FrameworkSignals): FrameworkMatch[] {
  const { own, workspace, files } = signals;
  const scope = own ?? workspace;
  const present = (dep: string): boolean => scope?.versions[dep] !== undefined;
  const found: FrameworkMatch[] = [];
  const named = new Set<string>();
  for (const def of FRAMEWORKS) {
    if (def.ecosystem !== ecosystem || named.has(def.name)) continue;
    if (def.unless?.some(present) || (def.with && !def.with.every(present))) continue;
    const config = def.configs?.find((c) => files.includes(c));
    if (def.needsConfig && config === undefined) continue;
    const match = matchOne(def, config, own, workspace, signals.configPath);
    if (match) {
      found.push(config === undefined ? match : { ...match, config });
      named.add(def.name);
    }
  }
  return found;
}

function matchOne(
  def: FrameworkDef,
  config: string | undefined,
  own: DependencyList | undefined,
  workspace: DependencyList | undefined,
  configPath: (name: string) => string,
): FrameworkMatch | undefined {
  const byDep = (list: DependencyList | undefined): FrameworkMatch | undefined => {
    const dep = def.deps?.find((d) => list?.versions[d] !== undefined);
    return dep && list ? { def, dep, spec: list.versions[dep]!, source: list.sourceOf(dep) } : undefined;
  };
  const mine = byDep(own);
  if (mine) return mine;
  if (config === undefined) return undefined;
  if (!def.deps) return { def, dep: null, spec: null, source: configPath(config) };
  return byDep(workspace);
}

/**
 * The framework that builds a project without a build script: the first match that has a command.
 * A build tool or UI library builds only where its config file shows it is set up to (`vite build`
 * in a package that uses Vite for its tests alone looks for an index.html that is not there).
 */
export function builder(matches: readonly FrameworkMatch[]): FrameworkDef | undefined {
  return matches.find((m) => m.def.build !== null && (m.def.serves || m.config !== undefined))?.def;
}

/** The folder a project's build writes: its builder's, else the first framework that names one. */
export function outputOf(matches: readonly FrameworkMatch[]): string | null {
  return builder(matches)?.output ?? matches.find((m) => m.def.output !== null)?.def.output ?? null;
}
