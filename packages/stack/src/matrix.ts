import type { Stack } from './types.js';

/** One flat entry of the matrix output, usable as `matrix.<key>` in a job. */
export interface MatrixEntry {
  path: string;
  name: string;
  runtime: string;
  'runtime-version': string;
  'package-manager': string;
  'install-command': string;
  'build-command': string;
  'test-command': string;
}

/** `{"include":[…]}` with one entry per project, for `strategy.matrix: ${{ fromJSON(…) }}`. */
export function toMatrix(stack: Stack): { include: MatrixEntry[] } {
  return {
    include: stack.projects.map((p) => ({
      path: p.path,
      name: p.name,
      runtime: p.runtime.name,
      'runtime-version': p.runtime.version ?? '',
      'package-manager': p.packageManager?.name ?? '',
      'install-command': p.commands.install ?? '',
      'build-command': p.commands.build ?? '',
      'test-command': p.commands.test ?? '',
    })),
  };
}
