import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, type DetectContext } from '../context.js';
import type { Framework, PackageManager, PackageManagerName } from '../types.js';
import { miseTools, nearestVersion, plainFile, toolVersions } from '../version-files.js';
import { PipfileSchema, PyProjectSchema, type Pipfile, type PyProject } from '../manifests/schemas.js';
import { folderName, type Detector } from './types.js';

const FRAMEWORKS = ['django', 'flask', 'fastapi'];
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
  applies: (ctx, dir) =>
    ['pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg', 'uv.lock', 'poetry.lock'].some((n) => ctx.has(dir, n)) ||
    ctx.names(dir).some((n) => /^requirements[\w.-]*\.txt$/.test(n)),

  async project(ctx, { dir }) {
    const pyproject = ctx.has(dir, 'pyproject.toml')
      ? await ctx.toml(joinRel(dir, 'pyproject.toml'), PyProjectSchema)
      : undefined;
    const pipfile = ctx.has(dir, 'Pipfile') ? await ctx.toml(joinRel(dir, 'Pipfile'), PipfileSchema) : undefined;
    const requirements = ctx
      .names(dir)
      .filter((n) => /^requirements[\w.-]*\.txt$/.test(n))
      .sort((a, b) => a.length - b.length || a.localeCompare(b));
    const pm = packageManager(ctx, dir, pyproject, requirements);
    const deps = await dependencies(ctx, dir, pyproject, pipfile, requirements);
    const warnings: string[] = [];
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

/** Lower-cased distribution name → declared version (exact pins without `==`), with the file. */
async function dependencies(
  ctx: DetectContext,
  dir: string,
  pyproject: PyProject | undefined,
  pipfile: Pipfile | undefined,
  requirements: string[],
) {
  const deps = new Map<string, { version: string | null; source: string }>();
  const add = (spec: string, source: string): void => {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*([^;#]*)/.exec(spec);
    if (!m) return;
    const name = m[1]!.toLowerCase().replace(/[._]/g, '-');
    if (!deps.has(name)) deps.set(name, { version: cleanSpec(m[2]!), source });
  };
  const py = joinRel(dir, 'pyproject.toml');
  pyproject?.project?.dependencies?.forEach((d) => add(d, `${py}#project.dependencies`));
  Object.values(pyproject?.project?.['optional-dependencies'] ?? {})
    .flat()
    .forEach((d) => add(d, `${py}#project.optional-dependencies`));
  Object.values(pyproject?.['dependency-groups'] ?? {})
    .flat()
    .forEach((d) => typeof d === 'string' && add(d, `${py}#dependency-groups`));
  const poetryTables = [
    pyproject?.tool?.poetry?.dependencies,
    ...Object.values(pyproject?.tool?.poetry?.group ?? {}).map((g) => g.dependencies),
  ];
  for (const table of poetryTables) {
    for (const [name, v] of Object.entries(table ?? {})) {
      // A constraint list (several versions by marker) names no single version.
      const spec = typeof v === 'string' ? v : Array.isArray(v) ? '' : (v.version ?? '');
      // Poetry writes a bare version for an exact pin where PEP 508 needs ==.
      if (name !== 'python') add(`${name} ${/^\d/.test(spec) ? `==${spec}` : spec}`, `${py}#tool.poetry.dependencies`);
    }
  }
  for (const table of [pipfile?.packages, pipfile?.['dev-packages']]) {
    for (const [name, v] of Object.entries(table ?? {}))
      add(`${name} ${typeof v === 'string' && v !== '*' ? v : ''}`, joinRel(dir, 'Pipfile'));
  }
  for (const file of requirements) {
    const path = joinRel(dir, file);
    for (const line of ((await ctx.text(path)) ?? '').split(/\r?\n/)) if (!/^\s*(-|#|$)/.test(line)) add(line, path);
  }
  return deps;
}

function cleanSpec(spec: string): string | null {
  const s = spec.trim();
  if (s === '') return null;
  return /^==\s*[^,]+$/.test(s) ? s.replace(/^==\s*/, '') : s;
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
