import { shellQuote } from '@slipway/action-kit/lite';
import type { Project } from '@slipway/stack';

/** What a project's artifact holds by default, and the build command when it differs from the stack's. */
export interface PackagingPlan {
  include: string[];
  exclude: string[];
  /** At least one of these must match, or the build produced nothing to ship. */
  required: string[];
  /** Replaces the stack's build command when set (reproducible Go binaries, .NET publish). */
  command?: string;
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

/** The default plan for a project, by runtime and framework. */
export function packagingPlan(project: Project): PackagingPlan {
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
    case 'rust':
      return project.commands.start
        ? { include: [`target/release/${project.name}`], exclude: [], required: [`target/release/${project.name}`] }
        : WHOLE_TREE;
    case 'java':
      return project.packageManager?.name === 'gradle'
        ? { include: ['build/libs/*.jar'], exclude: ['build/libs/*-plain.jar'], required: ['build/libs/*.jar'] }
        : {
            include: ['target/*.jar', 'target/*.war'],
            exclude: ['target/*-sources.jar', 'target/*-javadoc.jar', 'target/original-*.jar'],
            required: ['target/*.jar', 'target/*.war'],
          };
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
