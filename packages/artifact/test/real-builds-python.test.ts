// Real Python builds: pip, Poetry and uv install a dependency from PyPI and build a wheel and an
// sdist, twice, in two folders; the artifacts must be the same bytes. The downloads are kept in
// downloadCache() between runs, so only the first run waits on PyPI.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect } from '@jest/globals';
import { needsTool } from '../../../test/harness.js';
import { sh } from './helpers.js';
import {
  buildInTwoFolders,
  downloadCache,
  extract,
  packagedPaths,
  removeTemps,
  sbomPurls,
  stepEnv,
  temp,
  zipEntries,
} from './real-builds.js';

afterAll(removeTemps);

/** First runs download from PyPI; later ones take a few seconds. */
const FIRST_RUN = 240_000;

/** The version of pypa/build that runs `python -m build`. */
const BUILD_FRONTEND = '1.2.2';

const GREET_MODULE = 'import six\n\n\ndef hello():\n    return six.text_type("hello")\n';

/** The wheel and sdist every Python build here makes, in the order the manifest lists them. */
const PACKAGED = ['dist', 'dist/greet-1.0.0-py3-none-any.whl', 'dist/greet-1.0.0.tar.gz'];

/**
 * The job's Python (what actions/setup-python gives): a venv with the build frontend, kept beside
 * the pip cache because making one costs ten seconds of disk; the project and its dependency are
 * taken out of it first, so that the install step has to put them back.
 */
function jobPython(pipEnv: Record<string, string>): string {
  const venv = join(downloadCache('pip'), `venv-build-${BUILD_FRONTEND}`);
  const python = join(venv, 'bin', 'python');
  if (spawnSync(python, ['-c', 'import build'], { stdio: 'ignore' }).status !== 0) {
    rmSync(venv, { recursive: true, force: true });
    sh('python3', ['-m', 'venv', venv]);
    sh(python, ['-m', 'pip', 'install', '-q', `build==${BUILD_FRONTEND}`], undefined, stepEnv(pipEnv));
  }
  sh(python, ['-m', 'pip', 'uninstall', '-y', '-q', 'greet', 'six'], undefined, stepEnv(pipEnv));
  return venv;
}

/** Checks the extracted wheel is the project's, and declares the dependency. */
async function expectGreetWheel(result: Parameters<typeof extract>[0], requires: string): Promise<void> {
  const wheel = zipEntries(join(await extract(result), 'dist', 'greet-1.0.0-py3-none-any.whl'));
  expect(wheel['greet/__init__.py']).toBe(GREET_MODULE);
  expect(wheel['greet-1.0.0.dist-info/METADATA']).toContain(`Requires-Dist: ${requires}`);
}

describe('build-artifact builds Python projects reproducibly, with their dependencies from PyPI', () => {
  needsTool('python3').it(
    'pip: installs the project with its dependency and builds wheel and sdist with python -m build',
    async () => {
      const pipEnv = { PIP_CACHE_DIR: downloadCache('pip'), PIP_DISABLE_PIP_VERSION_CHECK: '1' };
      const venv = jobPython(pipEnv);
      const env = stepEnv({ ...pipEnv, PATH: `${join(venv, 'bin')}:${process.env.PATH}`, VIRTUAL_ENV: venv });
      const [a, b] = await buildInTwoFolders(
        {
          'pyproject.toml': [
            '[build-system]',
            'requires = ["flit_core==3.10.1"]',
            'build-backend = "flit_core.buildapi"',
            '',
            '[project]',
            'name = "greet"',
            'version = "1.0.0"',
            'description = "Says hello."',
            'requires-python = ">=3.9"',
            'dependencies = ["six==1.17.0"]',
            '',
          ].join('\n'),
          'greet/__init__.py': GREET_MODULE,
          'tests/test_greet.py': 'from greet import hello\n\n\ndef test_hello():\n    assert hello() == "hello"\n',
        },
        env,
      );
      expect(a.result.commands).toStrictEqual({ install: 'pip install .', build: 'python -m build' });
      expect(sh(join(venv, 'bin', 'python'), ['-c', 'import greet, six; print(greet.hello())'], temp())).toBe(
        'hello\n',
      ); // the install step put the project and six into the job's Python
      expect(packagedPaths(a.result)).toStrictEqual(PACKAGED);
      expect(b.result.digest).toBe(a.result.digest);
      await expectGreetWheel(a.result, 'six==1.17.0');
    },
    FIRST_RUN,
  );

  needsTool('poetry').it(
    'Poetry: installs from poetry.lock and builds with poetry build',
    async () => {
      const env = stepEnv({ POETRY_CACHE_DIR: downloadCache('poetry'), POETRY_VIRTUALENVS_IN_PROJECT: 'true' });
      const [a, b] = await buildInTwoFolders(
        {
          'pyproject.toml': [
            '[project]',
            'name = "greet"',
            'version = "1.0.0"',
            'description = "Says hello."',
            'requires-python = ">=3.9"',
            'dependencies = ["six (==1.17.0)"]',
            '',
            '[tool.poetry]',
            'packages = [{ include = "greet" }]',
            '',
            // PyPI's simple index: Poetry's default source asks a JSON API some mirrors do not serve.
            '[[tool.poetry.source]]',
            'name = "pypi-simple"',
            'url = "https://pypi.org/simple/"',
            'priority = "primary"',
            '',
            '[build-system]',
            'requires = ["poetry-core>=2.0.0,<3.0.0"]',
            'build-backend = "poetry.core.masonry.api"',
            '',
          ].join('\n'),
          // Written by `poetry lock` (Poetry 2.5.1) for the pyproject.toml above.
          'poetry.lock': [
            '# This file is automatically @generated by Poetry 2.5.1 and should not be changed by hand.',
            '',
            '[[package]]',
            'name = "six"',
            'version = "1.17.0"',
            'description = "Python 2 and 3 compatibility utilities"',
            'optional = false',
            'python-versions = ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*"',
            'groups = ["main"]',
            'files = [',
            '    {file = "six-1.17.0-py2.py3-none-any.whl", hash = "sha256:4721f391ed90541fddacab5acf947aa0d3dc7d27b2e1e8eda2be8970586c3274"},',
            '    {file = "six-1.17.0.tar.gz", hash = "sha256:ff70335d468e7eb6ec65b95b99d3a2836546063f63acc5171de367e834932a81"},',
            ']',
            '',
            '[package.source]',
            'type = "legacy"',
            'url = "https://pypi.org/simple"',
            'reference = "pypi-simple"',
            '',
            '[metadata]',
            'lock-version = "2.1"',
            'python-versions = ">=3.9"',
            'content-hash = "2c7042efdd19f98ac5eda2145b68856540436f49aae5864ecf1aba8c0d32a894"',
            '',
          ].join('\n'),
          'greet/__init__.py': GREET_MODULE,
        },
        env,
      );
      expect(a.result.commands).toStrictEqual({ install: 'poetry install --no-interaction', build: 'poetry build' });
      expect(existsSync(join(a.dir, '.venv', 'lib'))).toBe(true); // poetry install made the project's venv
      expect(sh(join(a.dir, '.venv', 'bin', 'python'), ['-c', 'import six; print(six.__version__)'])).toBe('1.17.0\n');
      expect(packagedPaths(a.result)).toStrictEqual(PACKAGED);
      expect(sbomPurls(a.result)).toStrictEqual(['pkg:pypi/six@1.17.0']);
      expect(b.result.digest).toBe(a.result.digest);
      await expectGreetWheel(a.result, 'six (==1.17.0)');
    },
    FIRST_RUN,
  );

  needsTool('uv').it(
    'uv: syncs from uv.lock and builds with uv build (hatchling from PyPI)',
    async () => {
      const env = stepEnv({ UV_CACHE_DIR: downloadCache('uv'), UV_PYTHON_DOWNLOADS: 'never' });
      const [a, b] = await buildInTwoFolders(
        {
          'pyproject.toml': [
            '[project]',
            'name = "greet"',
            'version = "1.0.0"',
            'description = "Says hello."',
            'requires-python = ">=3.9"',
            'dependencies = ["six==1.17.0"]',
            '',
            '[build-system]',
            'requires = ["hatchling==1.27.0"]',
            'build-backend = "hatchling.build"',
            '',
          ].join('\n'),
          // Written by `uv lock` (uv 0.13.8) for the pyproject.toml above.
          'uv.lock': [
            'version = 1',
            'revision = 5',
            'requires-python = ">=3.9"',
            '',
            '[[package]]',
            'name = "greet"',
            'version = "1.0.0"',
            'source = { editable = "." }',
            'dependencies = [',
            '    { name = "six" },',
            ']',
            '',
            '[package.metadata]',
            'requires-dist = [{ name = "six", specifier = "==1.17.0" }]',
            '',
            '[[package]]',
            'name = "six"',
            'version = "1.17.0"',
            'source = { registry = "https://pypi.org/simple" }',
            'sdist = { url = "https://files.pythonhosted.org/packages/94/e7/b2c673351809dca68a0e064b6af791aa332cf192da575fd474ed7d6f16a2/six-1.17.0.tar.gz", hash = "sha256:ff70335d468e7eb6ec65b95b99d3a2836546063f63acc5171de367e834932a81", size = 34031, upload-time = "2024-12-04T17:35:28.174Z" }',
            'wheels = [',
            '    { url = "https://files.pythonhosted.org/packages/b7/ce/149a00dd41f10bc29e5921b496af8b574d8413afcd5e30dfa0ed46c2cc5e/six-1.17.0-py2.py3-none-any.whl", hash = "sha256:4721f391ed90541fddacab5acf947aa0d3dc7d27b2e1e8eda2be8970586c3274", size = 11050, upload-time = "2024-12-04T17:35:26.475Z" },',
            ']',
            '',
          ].join('\n'),
          'src/greet/__init__.py': GREET_MODULE,
        },
        env,
      );
      expect(a.result.commands).toStrictEqual({ install: 'uv sync --locked', build: 'uv build' });
      expect(sh(join(a.dir, '.venv', 'bin', 'python'), ['-c', 'import greet; print(greet.hello())'])).toBe('hello\n');
      expect(packagedPaths(a.result)).toStrictEqual(PACKAGED);
      expect(sbomPurls(a.result)).toStrictEqual(['pkg:pypi/six@1.17.0']);
      expect(b.result.digest).toBe(a.result.digest);
      await expectGreetWheel(a.result, 'six==1.17.0');
    },
    FIRST_RUN,
  );
});
