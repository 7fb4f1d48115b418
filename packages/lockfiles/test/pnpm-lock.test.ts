// pnpm-lock.yaml v5, v6 and v9 as real projects write them: peer suffixes, other registries, git
// and tarball packages, folders, and which packages are only for development.
import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { parserFor, type LockedPackage } from '../src/index.js';
import { splitPnpmKey } from '../src/parsers/pnpm.js';

const SRI = 'sha512-' + Buffer.alloc(64, 7).toString('base64');
const show = (p: LockedPackage): string => `${p.name}@${p.version}${p.dev ? ' dev' : ''}`;
const read = (file: string, text: string): string[] => present(parserFor(file))(text, file).map(show);

describe('pnpm package keys', () => {
  const cases: [string, { name: string; version: string } | undefined][] = [
    ['/lodash/4.17.21', { name: 'lodash', version: '4.17.21' }],
    ['/react-dom/18.2.0_react@18.2.0', { name: 'react-dom', version: '18.2.0' }],
    [
      '/@testing-library/react/13.4.0_biqbaboplfbrettd7655fr4n2y',
      { name: '@testing-library/react', version: '13.4.0' },
    ],
    ['/@scope/pkg/1.2.3_@types+react@18.0.0+react@18.0.0', { name: '@scope/pkg', version: '1.2.3' }],
    ['registry.example.com/foo/1.1.0', { name: 'foo', version: '1.1.0' }],
    ['registry.example.com:8443/@acme/foo/1.1.0', { name: '@acme/foo', version: '1.1.0' }],
    ['/react-dom@18.2.0(react@18.2.0)', { name: 'react-dom', version: '18.2.0' }],
    ['/@types/react@18.2.0', { name: '@types/react', version: '18.2.0' }],
    [
      '@testing-library/react@14.0.0(react-dom@18.2.0(react@18.2.0))(react@18.2.0)',
      { name: '@testing-library/react', version: '14.0.0' },
    ],
    ['lodash.merge@4.6.2', { name: 'lodash.merge', version: '4.6.2' }],
    // the version of a git or tarball key is its URL: the entry's own `version` replaces it
    [
      'is-positive@https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f',
      { name: 'is-positive', version: 'https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f' },
    ],
    ['github.com/kevva/is-positive/97edff6f525f192a3f83cea1944765f769ae2678', undefined],
  ];
  for (const [key, want] of cases) it(key, () => expect(splitPnpmKey(key)).toStrictEqual(want));
});

describe('pnpm-lock.yaml', () => {
  it('v5: peer suffixes, another registry, a git package and the dev flag', () => {
    const text = `lockfileVersion: 5.4

specifiers:
  private-lib: ^1.1.0
  react-dom: ^18.2.0
  is-positive: github:kevva/is-positive

dependencies:
  private-lib: registry.example.com/private-lib/1.1.0
  react-dom: 18.2.0_react@18.2.0

devDependencies:
  is-positive: github.com/kevva/is-positive/97edff6f525f192a3f83cea1944765f769ae2678

packages:

  /js-tokens/4.0.0:
    resolution: {integrity: ${SRI}}
    dev: false

  /react-dom/18.2.0_react@18.2.0:
    resolution: {integrity: ${SRI}}
    peerDependencies:
      react: ^18.2.0
    dependencies:
      loose-envify: 1.4.0
      react: 18.2.0
    dev: false

  registry.example.com/private-lib/1.1.0:
    resolution: {integrity: ${SRI}, tarball: https://registry.example.com/private-lib/-/private-lib-1.1.0.tgz}
    dev: false

  github.com/kevva/is-positive/97edff6f525f192a3f83cea1944765f769ae2678:
    resolution: {tarball: https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f525f192a3f83cea1944765f769ae2678}
    name: is-positive
    version: 3.1.0
    engines: {node: '>=0.10.0'}
    dev: true
`;
    const out = present(parserFor('pnpm-lock.yaml'))(text, 'pnpm-lock.yaml');
    expect(out.map(show)).toStrictEqual([
      'js-tokens@4.0.0',
      'react-dom@18.2.0',
      'private-lib@1.1.0',
      'is-positive@3.1.0 dev',
    ]);
    expect(out.find((p) => p.name === 'react-dom')?.line).toBe(21);
  });

  it('v6: peers in parentheses and the dev flag', () => {
    const text = `lockfileVersion: '6.0'

dependencies:
  react-dom:
    specifier: ^18.2.0
    version: 18.2.0(react@18.2.0)

devDependencies:
  '@types/react':
    specifier: ^18.2.0
    version: 18.2.0

packages:

  /@types/react@18.2.0:
    resolution: {integrity: ${SRI}}
    dev: true

  /react-dom@18.2.0(react@18.2.0):
    resolution: {integrity: ${SRI}}
    peerDependencies:
      react: ^18.2.0
    dev: false
`;
    expect(read('pnpm-lock.yaml', text)).toStrictEqual(['@types/react@18.2.0 dev', 'react-dom@18.2.0']);
  });

  const V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      is-positive:
        specifier: github:kevva/is-positive#97edff6f
        version: https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f
      react-dom:
        specifier: ^18.3.1
        version: 18.3.1(react@18.3.1)
      string-width-cjs:
        specifier: npm:string-width@^4.2.0
        version: string-width@4.2.3
      ui:
        specifier: workspace:*
        version: link:packages/ui
      vendored:
        specifier: file:vendor/vendored
        version: file:vendor/vendored
    devDependencies:
      react-test-renderer:
        specifier: ^18.3.1
        version: 18.3.1(react@18.3.1)

  packages/ui:
    dependencies:
      zod:
        specifier: ^3.23.8
        version: 3.23.8
    devDependencies:
      typescript:
        specifier: ^5.4.5
        version: 5.4.5

packages:

  is-positive@https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f:
    resolution: {tarball: https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f}
    version: 3.1.0
    engines: {node: '>=0.10.0'}

  js-tokens@4.0.0:
    resolution: {integrity: ${SRI}}

  loose-envify@1.4.0:
    resolution: {integrity: ${SRI}}
    hasBin: true

  react-dom@18.3.1:
    resolution: {integrity: ${SRI}}
    peerDependencies:
      react: ^18.3.1

  react-is@18.3.1:
    resolution: {integrity: ${SRI}}

  react-test-renderer@18.3.1:
    resolution: {integrity: ${SRI}}
    peerDependencies:
      react: ^18.3.1

  react@18.3.1:
    resolution: {integrity: ${SRI}}
    engines: {node: '>=0.10.0'}

  scheduler@0.23.2:
    resolution: {integrity: ${SRI}}

  string-width@4.2.3:
    resolution: {integrity: ${SRI}}
    engines: {node: '>=8'}

  typescript@5.4.5:
    resolution: {integrity: ${SRI}}
    engines: {node: '>=14.17'}
    hasBin: true

  vendored@file:vendor/vendored:
    resolution: {directory: vendor/vendored, type: directory}

  zod@3.23.8:
    resolution: {integrity: ${SRI}}

snapshots:

  is-positive@https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f: {}

  js-tokens@4.0.0: {}

  loose-envify@1.4.0:
    dependencies:
      js-tokens: 4.0.0

  react-dom@18.3.1(react@18.3.1):
    dependencies:
      loose-envify: 1.4.0
      react: 18.3.1
      scheduler: 0.23.2

  react-is@18.3.1: {}

  react-test-renderer@18.3.1(react@18.3.1):
    dependencies:
      react: 18.3.1
      react-is: 18.3.1
      scheduler: 0.23.2

  react@18.3.1:
    dependencies:
      loose-envify: 1.4.0

  scheduler@0.23.2:
    dependencies:
      loose-envify: 1.4.0

  string-width@4.2.3: {}

  typescript@5.4.5: {}

  vendored@file:vendor/vendored: {}

  zod@3.23.8: {}
`;

  it('v9: git and tarball packages at their own version, folders left out, dev from the importers', () => {
    expect(read('pnpm-lock.yaml', V9)).toStrictEqual([
      'is-positive@3.1.0',
      'js-tokens@4.0.0',
      'loose-envify@1.4.0',
      'react-dom@18.3.1',
      'react-is@18.3.1 dev', // only under react-test-renderer, a devDependency
      'react-test-renderer@18.3.1 dev',
      'react@18.3.1', // also under react-dom, a dependency
      'scheduler@0.23.2',
      'string-width@4.2.3', // through an alias
      'typescript@5.4.5 dev', // a devDependency of another importer
      'zod@3.23.8',
    ]);
  });

  it('v9: a package reached from no importer stays runtime', () => {
    const orphan = V9.replace('  zod@3.23.8: {}\n', '  zod@3.23.8: {}\n\n  left-pad@1.3.0: {}\n').replace(
      '  zod@3.23.8:\n    resolution',
      `  left-pad@1.3.0:\n    resolution: {integrity: ${SRI}}\n\n  zod@3.23.8:\n    resolution`,
    );
    expect(read('pnpm-lock.yaml', orphan)).toContain('left-pad@1.3.0');
  });
});
