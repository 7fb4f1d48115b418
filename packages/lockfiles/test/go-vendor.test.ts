import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { parserFor, type LockedPackage } from '../src/index.js';

const parse = (text: string, file = 'vendor/modules.txt'): LockedPackage[] => present(parserFor(file))(text, file);

const MODULES = `# github.com/gin-gonic/gin v1.10.0
## explicit; go 1.20
github.com/gin-gonic/gin
github.com/gin-gonic/gin/binding
# golang.org/x/net v0.25.0
## explicit; go 1.18
golang.org/x/net/html
# github.com/old/lib v1.0.0 => github.com/fork/lib v1.0.1-0.20240102030405-abcdefabcdef
## explicit
github.com/old/lib
# example.com/internal/tools v0.0.0 => ../tools
## explicit
example.com/internal/tools
# github.com/pkg/errors => github.com/pkg/errors v0.9.1
# github.com/old/lib v1.0.0 => github.com/fork/lib v1.0.1-0.20240102030405-abcdefabcdef
# example.com/internal/tools => ../tools
`;

describe('vendor/modules.txt', () => {
  it('reads each vendored module at its version, replacements as the code they stand for', () => {
    const packages = parse(MODULES, 'services/api/vendor/modules.txt');
    expect(packages.map((p) => `${p.name}@${p.version} :${p.line}`)).toStrictEqual([
      'github.com/gin-gonic/gin@v1.10.0 :1',
      'golang.org/x/net@v0.25.0 :5',
      'github.com/fork/lib@v1.0.1-0.20240102030405-abcdefabcdef :8',
      'github.com/pkg/errors@v0.9.1 :14',
      'github.com/fork/lib@v1.0.1-0.20240102030405-abcdefabcdef :15',
    ]);
    expect(packages.every((p) => p.ecosystem === 'Go' && !p.dev)).toBe(true);
  });

  it('is read only under vendor/: another modules.txt is not Go’s', () => {
    expect(parserFor('vendor/modules.txt')).toBeDefined();
    expect(parserFor('docs/modules.txt')).toBeUndefined();
    expect(parserFor('modules.txt')).toBeUndefined();
  });

  for (const [what, text, line] of [
    ['a module line without a version', '# github.com/a/b v1.0.0\n# github.com/c/d\n', 2],
    ['a version that is not a Go version', '# github.com/a/b 1.0.0\n', 1],
    ['a line with too many fields', '## explicit\n# a b c d\n', 2],
  ] as const)
    it(`refuses ${what} with a LockfileError naming the file and line`, () => {
      expect(() => parse(text)).toThrow(
        expect.objectContaining({ name: 'LockfileError', file: 'vendor/modules.txt', line }),
      );
    });
});
