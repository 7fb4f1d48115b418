// The one Jest configuration: a project per package and action (so `--selectProjects stack` and
// `npx jest packages/health` work), each turning TypeScript into native ES modules with one
// transform. Node needs --experimental-vm-modules for that; scripts/test.mjs passes it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** swc turns each file on its own (no type check: `npm run typecheck` does that), keeping ESM. */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true }, module: { type: 'es6' } },
  ],
};

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  // TypeScript imports name the .js they compile to; Jest finds the .ts source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform,
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
};

const projectsOf = (top) =>
  readdirSync(top, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(top, d.name, 'test')))
    .map((d) => ({
      ...common,
      displayName: d.name,
      rootDir: join(top, d.name),
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    }));

/** @type {import('jest').Config} */
export default {
  projects: [
    ...projectsOf('packages'),
    ...projectsOf('actions'),
    { ...common, displayName: 'repo', rootDir: 'test', testMatch: ['<rootDir>/**/*.test.ts'] },
  ],
  // Tests wait on real servers, tools and processes; a hung one fails here rather than stalling the run.
  testTimeout: 120_000,
  coverageProvider: 'v8',
  // Every source file counts, loaded by a test or not (the action entry points run only as bundles).
  collectCoverageFrom: ['packages/*/src/**/*.ts', 'actions/*/src/**/*.ts', '!**/*.generated.ts'],
  coverageReporters: ['text', 'json-summary'],
  globalSetup: './test/jest/global-setup.js',
  globalTeardown: './test/jest/global-teardown.js',
  reporters: ['default', './test/jest/ci-reporter.js'],
};
