// `slipway init`: writes the starter workflow that fits the repository into .github/workflows/.
// detect-stack reads the repository; its primary project picks the template (a Node.js, Python or
// Go service, a static site, or the self-hosted local one); the template already names the commit
// of slipway's reusable workflows it calls, and releases from the repository's default branch (the
// template's $default-branch is filled in). An existing workflow is never overwritten without --force.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  InputReader,
  UserError,
  writeFileAtomic,
  type ActionMetadata,
  type ActionSeams,
} from '@slipway/action-kit/lite';
import type { CliAction } from './registry.js';
import { TEMPLATES } from './templates.generated.js';

const metadata: ActionMetadata = {
  name: 'init',
  description:
    "Writes the starter workflow that fits this repository (detect-stack picks it) into .github/workflows/, calling slipway's reusable workflows.",
  inputs: {
    path: { description: 'The repository (its root folder).', default: '.' },
    template: {
      description: `A template by name instead of the one detect-stack picks: ${Object.keys(TEMPLATES).join(', ')}.`,
    },
    name: { description: 'The workflow file, .github/workflows/<name>.yml.', default: 'release' },
    branch: {
      description:
        "The branch whose pushes release, in place of the template's $default-branch (which only GitHub's New workflow page fills in); empty: the repository's default branch (origin's HEAD, else the current branch, else main).",
    },
    force: { description: 'Overwrite a workflow of that name.', default: 'false' },
  },
  outputs: {
    template: { description: 'The template written.' },
    workflow: { description: 'The workflow file, relative to the repository.' },
    branch: { description: 'The branch the workflow releases from.' },
  },
};

/** The repository's default branch: origin's HEAD, else the branch checked out, else main. */
export function defaultBranch(root: string): string {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', ['-C', root, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return '';
    }
  };
  const origin = git('symbolic-ref', '--short', 'refs/remotes/origin/HEAD').replace(/^origin\//, '');
  return origin || git('symbolic-ref', '--short', 'HEAD') || 'main';
}

/** Frameworks whose build is a folder of files to serve. */
const STATIC_FRAMEWORKS = new Set([
  'astro',
  'docusaurus',
  'eleventy',
  'gatsby',
  'gridsome',
  'hexo',
  'hugo',
  'jekyll',
  'mkdocs',
  'vitepress',
  'vuepress',
]);

/** The template for a repository's primary project; undefined when it has none. */
export function pickTemplate(stack: {
  primary: string | null;
  projects: { path: string; runtime: { name: string }; frameworks: { name: string }[] }[];
}): string | undefined {
  const p = stack.projects.find((x) => x.path === stack.primary) ?? stack.projects[0];
  if (!p) return undefined;
  if (p.runtime.name === 'static' || p.frameworks.some((f) => STATIC_FRAMEWORKS.has(f.name.toLowerCase())))
    return 'static-site';
  if (p.runtime.name === 'node') return 'node-service';
  if (p.runtime.name === 'python') return 'python-service';
  if (p.runtime.name === 'go') return 'go-service';
  return 'self-hosted-local';
}

export const initCommand: CliAction = {
  metadata,
  async run({ env, logger, setOutput }: ActionSeams) {
    const inputs = new InputReader(metadata, env);
    const root = resolve(env.GITHUB_WORKSPACE || process.cwd(), inputs.raw('path'));
    const name = inputs.raw('name');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name))
      throw new UserError(
        `'${name.slice(0, 80)}' is not a workflow file name.`,
        { input: 'name' },
        'Use letters, digits, dots, dashes and underscores, such as release.',
      );
    const force = inputs.boolean('force');
    let template = inputs.raw('template');
    if (template && !(template in TEMPLATES))
      throw new UserError(
        `'${template.slice(0, 80)}' is not a template.`,
        { input: 'template' },
        `Use one of: ${Object.keys(TEMPLATES).join(', ')}.`,
      );
    if (!template) {
      if (!existsSync(root))
        throw new UserError(
          `${root} does not exist.`,
          { input: 'path' },
          'Run slipway init in your repository, or name it with --path.',
        );
      const { detectStack } = await import('@slipway/stack');
      const picked = pickTemplate(await detectStack({ root, logger }));
      if (!picked)
        throw new UserError(
          `detect-stack found no project in ${root}.`,
          { input: 'path' },
          `Name a template with --template (${Object.keys(TEMPLATES).join(', ')}).`,
        );
      template = picked;
    }
    const relativePath = join('.github', 'workflows', `${name}.yml`);
    const target = join(root, relativePath);
    if (existsSync(target) && !force)
      throw new UserError(
        `${relativePath} exists already.`,
        { input: 'force' },
        'Choose another --name, or pass --force to overwrite it.',
      );
    let branch = inputs.raw('branch').trim();
    if (branch && !/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/.test(branch))
      throw new UserError(
        `'${branch.slice(0, 80)}' is not a branch name.`,
        { input: 'branch' },
        'Name a branch, such as main.',
      );
    if (!branch) branch = defaultBranch(root);
    mkdirSync(dirname(target), { recursive: true });
    await writeFileAtomic(target, TEMPLATES[template]!.replaceAll('$default-branch', branch));
    setOutput('template', template);
    setOutput('branch', branch);
    setOutput('workflow', relativePath);
    logger.info(
      `init: wrote ${relativePath} from the ${template} template; change the values its comments point out, then commit it`,
    );
  },
};
