import { describe, expect, it } from '@jest/globals';
import { detectFiles, projectAt } from './helpers.js';

interface Case {
  name: string;
  files: Record<string, string>;
  /** Project path → [Go version, where it came from]. */
  go: Record<string, [string | null, string | null]>;
}

const CASES: Case[] = [
  {
    name: "go.work's toolchain line chooses the members' Go, over their own toolchain lines",
    files: {
      'go.work': 'go 1.23.0\n\ntoolchain go1.23.4\n\nuse (\n\t./cmd/api/\n\t"./lib"\n)\n',
      'cmd/api/go.mod': 'module example.com/api\n\ngo 1.22\n\ntoolchain go1.22.5\n',
      'lib/go.mod': 'module example.com/lib\n\ngo 1.21\n',
    },
    go: { 'cmd/api': ['1.23.4', 'go.work#toolchain'], lib: ['1.23.4', 'go.work#toolchain'] },
  },
  {
    name: "`toolchain default` names no version: go.work's go line is used",
    files: {
      'go.work': 'go 1.22.2\ntoolchain default\nuse .\n',
      'go.mod': 'module example.com/root\n\ngo 1.21\n',
      'main.go': 'package main\n',
    },
    go: { '.': ['1.22.2', 'go.work#go'] },
  },
  {
    name: 'a module the nearest go.work does not use keeps its own lines; go.work files nest',
    files: {
      'go.work': 'go 1.23\nuse ./a\n',
      'a/go.mod': 'module a\n\ngo 1.20\n',
      'b/go.mod': 'module b\n\ngo 1.21\n\ntoolchain go1.21.9\n',
      'nested/go.work': 'go 1.22\nuse ../nested/c\n',
      'nested/c/go.mod': 'module c\n\ngo 1.19\n',
    },
    go: {
      a: ['1.23', 'go.work#go'],
      b: ['1.21.9', 'b/go.mod#toolchain'],
      'nested/c': ['1.22', 'nested/go.work#go'],
    },
  },
];

describe('Go versions in go.work workspaces', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { stack } = await detectFiles(c.files);
      for (const [path, [version, source]] of Object.entries(c.go)) {
        const p = projectAt(stack, path);
        expect([p.runtime.name, p.runtime.version, p.runtime.source]).toStrictEqual(['go', version, source]); // Go version and its source
      }
    });
  }
});
