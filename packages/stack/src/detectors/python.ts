import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, parentOf, type DetectContext } from '../context.js';
import type { Framework, PackageManager, PackageManagerName } from '../types.js';
import { miseTools, nearestVersion, plainFile, toolVersions } from '../version-files.js';
import { PipfileSchema, PyProjectSchema, type Pipfile, type PyProject } from '../manifests/schemas.js';
import { normaliseName, parseRequirement, readRequirements, type Requirements } from './python-requirements.js';
import { folderName, type Detector } from './types.js';

const FRAMEWORKS = ['django', 'flask', 'fastapi'];
/** Files that make a folder a Python project of its own, whatever includes its requirements. */
const PROJECT_FILES = ['pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg', 'uv.lock', 'poetry.lock'];
const REQUIREMENTS = /^requirements[\w.-]*\.txt$/;
const PYTHON_SOURCES = [
  plainFile('.python-version'),
  toolVersions('python'),
  miseTools('python'),
  plainFile('runtime.txt', (v) => v.replace(/^python-/, '')),
];

/** Python projects: pip, poetry, uv, pipenv, pdm; Django, Flask, FastAPI. */
export const pythonDetector: Detector = {
  name: 'python',
  priority: 30,
  applies: (ctx, dir) => PROJECT_FILES.some((n) => ctx.has(dir, n)) || ctx.names(dir).some((n) => REQUIREMENTS.test(n)),

  async project(ctx, { dir }) {
    const pyproject = ctx.has(dir, 'pyproject.toml')
      ? await ctx.toml(joinRel(dir, 'pyproject.toml'), PyProjectSchema)
      : undefined;
    const pipfile = ctx.has(dir, 'Pipfile') ? await ctx.toml(joinRel(dir, 'Pipfile'), PipfileSchema) : undefined;
    const requirements = requirementFiles(ctx, dir);
    if (!PROJECT_FILES.some((n) => ctx.has(dir, n)) && (await includedFromAbove(ctx, dir, requirements)))
      return undefined;
    const read = await readRequirements(
      ctx,
      requirements.map((n) => joinRel(dir, n)),
    );
    const pm = packageManager(ctx, dir, pyproject, requirements);
    const deps = dependencies(dir, pyproject, pipfile, read);
    const warnings: string[] = [...read.problems];
    const pinned = await nearestVersion(ctx, dir, PYTHON_SOURCES);
    const declared = pyproject?.project?.['requires-python']
      ? { value: pyproject.project['requires-python'], source: joinRel(dir, 'pyproject.toml#project.requires-python') }
      : typeof pyproject?.tool?.poetry?.dependencies?.python === 'string'
        ? {
            value: pyproject.tool.poetry.dependencies.python,
            source: joinRel(dir, 'pyproject.toml#tool.poetry.dependencies.python'),
          }
        : pipfile?.requires?.python_full_version || pipfile?.requires?.python_version
          ? {
              value: (pipfile.requires.python_full_version ?? pipfile.requires.python_version)!,
              source: joinRel(dir, 'Pipfile#requires'),
            }
          : undefined;
    const version = pinned ?? declared;
    const frameworks: Framework[] = FRAMEWORKS.filter((f) => deps.has(f)).map((f) => ({
      name: f,
      version: deps.get(f)!.version,
      source: deps.get(f)!.source,
    }));
    const manifest = pyproject
      ? joinRel(dir, 'pyproject.toml')
      : pipfile
        ? joinRel(dir, 'Pipfile')
        : requirements[0]
          ? joinRel(dir, requirements[0])
          : joinRel(dir, ctx.names(dir).find((n) => /setup\.(py|cfg)|\.lock$/.test(n)) ?? 'setup.py');
    const exec = runPrefix(pm.name);
    const isDjango = deps.has('django') && ctx.has(dir, 'manage.py');
    const hasPytest =
      deps.has('pytest') ||
      ['pytest.ini', 'conftest.py', 'tox.ini'].some((n) => ctx.has(dir, n)) ||
      (await ctx.exists(joinRel(dir, 'tests')));
    const buildable = pyproject?.['build-system'] !== undefined || pyproject?.tool?.poetry !== undefined;
    return {
      name: pyproject?.project?.name || pyproject?.tool?.poetry?.name || folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'python', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: pm,
      frameworks,
      commands: {
        install: installCommand(pm, requirements, pyproject !== undefined || ctx.has(dir, 'setup.py')),
        build: buildable ? buildCommand(pm.name) : null,
        test: hasPytest ? `${exec}pytest` : isDjango ? `${exec}python manage.py test` : null,
        start: await startCommand(ctx, dir, deps, exec),
      },
      warnings,
    };
  },
};

/** The folder's requirements files, requirements.txt (the shortest name) first. */
function requirementFiles(ctx: DetectContext, dir: string): string[] {
  return ctx
    .names(dir)
    .filter((n) => REQUIREMENTS.test(n))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/**
 * True when the nearest Python project above reads this folder's requirements files through
 * `-r`/`-c` (a `requirements/requirements-dev.txt` beside the project's requirements.txt): they
 * are part of that project, not one of their own.
 */
async function includedFromAbove(ctx: DetectContext, dir: string, files: string[]): Promise<boolean> {
  for (let d = parentOf(dir); d !== undefined; d = parentOf(d)) {
    const above = requirementFiles(ctx, d);
    if (above.length === 0 && !PROJECT_FILES.some((n) => ctx.has(d!, n))) continue;
    const read = await readRequirements(
      ctx,
      above.map((n) => joinRel(d!, n)),
    );
    return files.some((n) => read.files.has(joinRel(dir, n)));
  }
  return false;
}

function packageManager(
  ctx: DetectContext,
  dir: string,
  pyproject: PyProject | undefined,
  requirements: string[],
): PackageManager {
  const pick = (name: PackageManagerName, lockfile: string | null, source: string | null): PackageManager => ({
    name,
    version: null,
    lockfile: lockfile ? joinRel(dir, lockfile) : null,
    source: source ? joinRel(dir, source) : null,
  });
  if (ctx.has(dir, 'uv.lock')) return pick('uv', 'uv.lock', 'uv.lock');
  if (ctx.has(dir, 'poetry.lock')) return pick('poetry', 'poetry.lock', 'poetry.lock');
  if (ctx.has(dir, 'Pipfile')) return pick('pipenv', ctx.has(dir, 'Pipfile.lock') ? 'Pipfile.lock' : null, 'Pipfile');
  if (ctx.has(dir, 'pdm.lock')) return pick('pdm', 'pdm.lock', 'pdm.lock');
  if (pyproject?.tool?.poetry) return pick('poetry', null, 'pyproject.toml#tool.poetry');
  if (pyproject?.tool?.pdm) return pick('pdm', null, 'pyproject.toml#tool.pdm');
  if (pyproject?.tool?.uv) return pick('uv', null, 'pyproject.toml#tool.uv');
  return pick('pip', requirements[0] ?? null, requirements[0] ?? (pyproject ? 'pyproject.toml' : null));
}

type Dependencies = Map<string, { version: string | null; source: string }>;

/**
 * Normalised distribution name → declared version (exact pins without `==`) and the file (and
 * table) that declares it: PEP 621 dependencies and extras, PEP 735 groups, Poetry's main and
 * group tables, uv's and PDM's dev dependencies, Pipfile, and requirements files with their
 * `-r` includes. A dependency named without a pin takes the exact pin of a `-c` constraints file.
 */
function dependencies(
  dir: string,
  pyproject: PyProject | undefined,
  pipfile: Pipfile | undefined,
  requirements: Requirements,
): Dependencies {
  const deps: Dependencies = new Map();
  const set = (name: string, version: string | null, source: string): void => {
    if (!deps.has(name)) deps.set(name, { version, source });
  };
  const add = (spec: unknown, source: string): void => {
    const parsed = typeof spec === 'string' ? parseRequirement(spec) : undefined;
    if (parsed) set(parsed.name, parsed.version, source);
  };
  const py = joinRel(dir, 'pyproject.toml');
  pyproject?.project?.dependencies?.forEach((d) => add(d, `${py}#project.dependencies`));
  for (const [extra, list] of Object.entries(pyproject?.project?.['optional-dependencies'] ?? {}))
    list.forEach((d) => add(d, `${py}#project.optional-dependencies.${extra}`));
  // `{ include-group = "…" }` entries name another group, which is read in its own right.
  for (const [group, list] of Object.entries(pyproject?.['dependency-groups'] ?? {}))
    list.forEach((d) => add(d, `${py}#dependency-groups.${group}`));
  const poetryTables: [Record<string, unknown> | undefined, string][] = [
    [pyproject?.tool?.poetry?.dependencies, 'tool.poetry.dependencies'],
    ...Object.entries(pyproject?.tool?.poetry?.group ?? {}).map(
      ([name, g]): [Record<string, unknown> | undefined, string] => [
        g.dependencies,
        `tool.poetry.group.${name}.dependencies`,
      ],
    ),
  ];
  for (const [table, field] of poetryTables) {
    for (const [name, v] of Object.entries(table ?? {})) {
      // A constraint list (several versions by marker) names no single version.
      const spec = typeof v === 'string' ? v : Array.isArray(v) ? '' : ((v as { version?: string }).version ?? '');
      // Poetry writes a bare version for an exact pin; `^4.2`, `~4.2` and `*` are its own ranges.
      if (name !== 'python')
        set(normaliseName(name), spec === '' || spec === '*' ? null : spec.replace(/^==\s*/, ''), `${py}#${field}`);
    }
  }
  const uvDev = pyproject?.tool?.uv?.['dev-dependencies'];
  if (Array.isArray(uvDev)) uvDev.forEach((d) => add(d, `${py}#tool.uv.dev-dependencies`));
  const pdmDev = pyproject?.tool?.pdm?.['dev-dependencies'];
  if (pdmDev && typeof pdmDev === 'object' && !Array.isArray(pdmDev))
    for (const [group, list] of Object.entries(pdmDev))
      if (Array.isArray(list)) list.forEach((d) => add(d, `${py}#tool.pdm.dev-dependencies.${group}`));
  for (const table of [pipfile?.packages, pipfile?.['dev-packages']]) {
    for (const [name, v] of Object.entries(table ?? {})) {
      const spec = typeof v === 'string' ? v : ((v as { version?: unknown } | null)?.version ?? '');
      const clean = typeof spec === 'string' && spec !== '*' && spec !== '' ? spec : null;
      set(
        normaliseName(name),
        clean && /^==(?!=)\s*[^,*]+$/.test(clean) ? clean.replace(/^==\s*/, '') : clean,
        joinRel(dir, 'Pipfile'),
      );
    }
  }
  for (const r of requirements.requirements) set(r.name, r.version, r.source);
  for (const [name, dep] of deps) {
    const pin = requirements.constraints.get(name);
    if (pin && (dep.version === null || /^[<>=!~^]/.test(dep.version)))
      deps.set(name, { version: pin.version, source: pin.source });
  }
  return deps;
}

function runPrefix(pm: PackageManagerName): string {
  return pm === 'uv'
    ? 'uv run '
    : pm === 'poetry'
      ? 'poetry run '
      : pm === 'pipenv'
        ? 'pipenv run '
        : pm === 'pdm'
          ? 'pdm run '
          : '';
}

function installCommand(pm: PackageManager, requirements: string[], hasProjectFile: boolean): string | null {
  switch (pm.name) {
    case 'uv':
      return pm.lockfile ? 'uv sync --locked' : 'uv sync';
    case 'poetry':
      return 'poetry install --no-interaction';
    case 'pipenv':
      return pm.lockfile ? 'pipenv install --deploy --dev' : 'pipenv install --dev';
    case 'pdm':
      return pm.lockfile ? 'pdm install --frozen-lockfile' : 'pdm install';
    default:
      if (requirements.length > 0)
        return `pip install -r ${shellQuote(requirements.includes('requirements.txt') ? 'requirements.txt' : requirements[0]!)}`;
      return hasProjectFile ? 'pip install .' : null;
  }
}

function buildCommand(pm: PackageManagerName): string {
  return pm === 'poetry' ? 'poetry build' : pm === 'uv' ? 'uv build' : pm === 'pdm' ? 'pdm build' : 'python -m build';
}

async function startCommand(
  ctx: DetectContext,
  dir: string,
  deps: Map<string, unknown>,
  exec: string,
): Promise<string | null> {
  if (deps.has('django') && ctx.has(dir, 'manage.py')) {
    const settings = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)\.settings['"]/.exec(
      (await ctx.text(joinRel(dir, 'manage.py'))) ?? '',
    )?.[1];
    if (settings && deps.has('gunicorn')) return `${exec}gunicorn ${settings}.wsgi`;
    return `${exec}python manage.py runserver 0.0.0.0:8000`;
  }
  const entry = ctx.has(dir, 'main.py') ? 'main' : ctx.has(dir, 'app.py') ? 'app' : undefined;
  if (!entry) return null;
  if (deps.has('fastapi')) return `${exec}uvicorn ${entry}:app --host 0.0.0.0`;
  if (deps.has('flask'))
    return deps.has('gunicorn') ? `${exec}gunicorn ${entry}:app` : `${exec}flask --app ${entry} run --host 0.0.0.0`;
  return `${exec}python ${entry}.py`;
}
