import { homedir } from 'node:os';
import { join } from 'node:path';
import { shellQuote } from '@slipway/action-kit/lite';
import type { Project } from '@slipway/stack';

/** What a project's artifact holds by default, and the build command when it differs from the stack's. */
export interface PackagingPlan {
  include: string[];
  exclude: string[];
  /** At least one of these must match, or the build produced nothing to ship. */
  required: string[];
  /** Replaces the stack's build command when set (reproducible Go, Rust and Maven output, .NET publish). */
  command?: string;
}

/** What a build command may depend on besides the project: the step's environment and its source date. */
export interface PlanContext {
  sourceDateEpoch: number;
  env: NodeJS.ProcessEnv;
}

const WHOLE_TREE: PackagingPlan = { include: ['**'], exclude: [], required: [] };

/** The lockfile's path relative to the project, when it lies inside it. */
function lockfileInProject(project: Project): string[] {
  const lock = project.packageManager?.lockfile;
  if (!lock) return [];
  const prefix = project.path === '.' ? '' : `${project.path}/`;
  return lock.startsWith(prefix) ? [lock.slice(prefix.length)] : [];
}

function node(project: Project): PackagingPlan {
  const frameworks = new Set(project.frameworks.map((f) => f.name));
  const manifest = ['package.json', ...lockfileInProject(project)];
  if (frameworks.has('next'))
    return {
      include: ['.next/**', 'public/**', 'next.config.*', ...manifest],
      exclude: ['.next/cache/**'],
      required: ['.next/**'],
    };
  if (frameworks.has('nuxt')) return { include: ['.output/**'], exclude: [], required: ['.output/**'] };
  if (
    frameworks.has('sveltekit') ||
    frameworks.has('remix') ||
    frameworks.has('react-router') ||
    frameworks.has('docusaurus')
  ) {
    return { include: ['build/**', 'public/**', ...manifest], exclude: [], required: ['build/**'] };
  }
  if (frameworks.has('gatsby')) return { include: ['public/**'], exclude: [], required: ['public/**'] };
  if (['astro', 'vite', 'angular'].some((f) => frameworks.has(f)))
    return { include: ['dist/**'], exclude: [], required: ['dist/**'] };
  if (project.commands.build)
    return {
      include: ['dist/**', 'build/**', 'out/**', 'lib/**', ...manifest],
      exclude: [],
      required: ['dist/**', 'build/**', 'out/**', 'lib/**'],
    };
  return { include: ['**'], exclude: ['test/**', 'tests/**', '**/*.test.*', '**/*.spec.*'], required: [] };
}

/** Zip entries (jars, wars) hold DOS times, which maven-archiver accepts from 1980-01-01T00:00:02Z to 2099. */
const ZIP_TIMES = { first: 315_532_802, last: 4_102_444_799 };

/**
 * Maven stamps every jar entry and pom.properties with the build's clock unless
 * project.build.outputTimestamp is set (maven-jar-plugin and maven-war-plugin 3.2 on; older ones
 * ignore it). The command line sets it to the source date, in the ISO form those versions all read.
 */
function mavenCommand(project: Project, context: PlanContext | undefined): string | undefined {
  const build = project.commands.build;
  const epoch = context?.sourceDateEpoch;
  if (!build || epoch === undefined || epoch < ZIP_TIMES.first || epoch > ZIP_TIMES.last) return undefined;
  return `${build} -Dproject.build.outputTimestamp=${new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

/**
 * rustc writes the source path of dependency code that can panic into the binary, and registry
 * crates live under CARGO_HOME, which differs between users and machines; remapping it to /cargo
 * removes that. CARGO_BUILD_RUSTFLAGS is added to the project's own build.rustflags (string or
 * list form), where --config would fail on the string form and RUSTFLAGS would replace them. The
 * variable splits on whitespace, so a CARGO_HOME holding a space is left as it is.
 */
function cargoCommand(project: Project, context: PlanContext | undefined): string | undefined {
  const build = project.commands.build;
  if (!build || !context) return undefined;
  const cargoHome = context.env.CARGO_HOME || join(context.env.HOME || homedir(), '.cargo');
  if (/\s/.test(cargoHome)) return undefined;
  return `CARGO_BUILD_RUSTFLAGS="\${CARGO_BUILD_RUSTFLAGS:+$CARGO_BUILD_RUSTFLAGS }--remap-path-prefix=\${CARGO_HOME:-$HOME/.cargo}=/cargo" ${build}`;
}

/** The default plan for a project, by runtime and framework; with a context, the reproducible build command. */
export function packagingPlan(project: Project, context?: PlanContext): PackagingPlan {
  switch (project.runtime.name) {
    case 'node':
    case 'bun':
      return node(project);
    case 'python':
      return project.commands.build
        ? { include: ['dist/*.whl', 'dist/*.tar.gz'], exclude: [], required: ['dist/*.whl', 'dist/*.tar.gz'] }
        : { ...WHOLE_TREE, exclude: ['tests/**', 'test/**'] };
    case 'go':
      // -trimpath and an empty build ID make the binary independent of the build folder.
      return project.commands.start
        ? {
            include: ['dist/**'],
            exclude: [],
            required: ['dist/**'],
            command: 'go build -trimpath -buildvcs=false -ldflags=-buildid= -o dist/ ./...',
          }
        : WHOLE_TREE;
    case 'rust': {
      if (!project.commands.start) return WHOLE_TREE;
      const command = cargoCommand(project, context);
      const binary = `target/release/${project.name}`;
      return { include: [binary], exclude: [], required: [binary], ...(command ? { command } : {}) };
    }
    case 'java': {
      if (project.packageManager?.name === 'gradle')
        return { include: ['build/libs/*.jar'], exclude: ['build/libs/*-plain.jar'], required: ['build/libs/*.jar'] };
      const command = mavenCommand(project, context);
      return {
        include: ['target/*.jar', 'target/*.war'],
        exclude: ['target/*-sources.jar', 'target/*-javadoc.jar', 'target/original-*.jar'],
        required: ['target/*.jar', 'target/*.war'],
        ...(command ? { command } : {}),
      };
    }
    case 'dotnet':
      return {
        include: ['publish/**'],
        exclude: [],
        required: ['publish/**'],
        // The project file's name goes into a shell command: quoted, a name with a space stays one word.
        command: `dotnet publish ${shellQuote(project.manifest.slice(project.manifest.lastIndexOf('/') + 1))} -c Release -o publish`,
      };
    default:
      return WHOLE_TREE;
  }
}
