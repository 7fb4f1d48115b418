import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { LockfileError, parserFor, type LockedPackage } from '../src/index.js';

const show = (p: LockedPackage): string => `${p.name}@${p.version}${p.dev ? ' dev' : ''}`;
const parse = (file: string, text: string): LockedPackage[] => present(parserFor(file))(text, file);

const CONTENT_HASH = Buffer.alloc(64, 7).toString('base64');

// As `dotnet restore --use-lock-file` writes it: two target frameworks, a project reference.
const LOCK = JSON.stringify(
  {
    version: 1,
    dependencies: {
      'net8.0': {
        'Newtonsoft.Json': { type: 'Direct', requested: '[13.0.3, )', resolved: '13.0.3', contentHash: CONTENT_HASH },
        'Serilog.AspNetCore': {
          type: 'Direct',
          requested: '[8.0.1, )',
          resolved: '8.0.1',
          contentHash: 'B/X+wF1uJ2m5yRHbXvymAgppbjlrTtSZxN4LkSSCAWUCs7oWzjGA2J5k4+VY5IhEzctwG+2yAL5GKy0ASeQnCw==',
          dependencies: { 'Serilog.Extensions.Hosting': '8.0.0' },
        },
        'Microsoft.Extensions.Logging.Abstractions': {
          type: 'Transitive',
          resolved: '8.0.0',
          contentHash: 'not base64!',
        },
        'MyCompany.Shared': { type: 'Project', dependencies: { 'Newtonsoft.Json': '[13.0.3, )' } },
        'System.Text.Json': { type: 'CentralTransitive', requested: '[8.0.4, )', resolved: '8.0.4' },
      },
      'net8.0/linux-x64': {
        'Newtonsoft.Json': { type: 'Direct', requested: '[13.0.3, )', resolved: '13.0.3', contentHash: CONTENT_HASH },
      },
    },
  },
  null,
  2,
);

const CONFIG = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="EntityFramework" version="6.4.4" targetFramework="net48" />
  <package id="Microsoft.CodeDom.Providers.DotNetCompilerPlatform" version="2.0.1" targetFramework="net48" />
  <package id="StyleCop.Analyzers" version="1.1.118" targetFramework="net48" developmentDependency="true" />
  <!-- <package id="Removed" version="1.0.0" /> -->
</packages>
`;

const PROPS = `<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
    <AspNetCoreVersion>8.0.4</AspNetCoreVersion>
    <EfVersion Condition="'$(TargetFramework)' == 'net8.0'">8.0.4</EfVersion>
  </PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Microsoft.AspNetCore.OpenApi" Version="$(AspNetCoreVersion)" />
    <PackageVersion Include="Microsoft.EntityFrameworkCore" Version="$(EfVersion)" />
    <PackageVersion Include="Swashbuckle.AspNetCore" Version="6.5.0" />
    <PackageVersion Include="Polly">
      <Version>[8.3.1]</Version>
    </PackageVersion>
    <PackageVersion Include="xunit" Version="[2.7.0, 3.0.0)" />
    <PackageVersion Include="Moq" Version="4.*" />
  </ItemGroup>
  <ItemGroup>
    <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
  </ItemGroup>
</Project>
`;

describe('packages.lock.json', () => {
  it('reads every resolved package once, with its SHA-512 content hash; skips project references', () => {
    const packages = parse('src/Api/packages.lock.json', LOCK);
    expect(packages.map((p) => `${show(p)} :${p.line}`)).toStrictEqual([
      'Newtonsoft.Json@13.0.3 :5',
      'Serilog.AspNetCore@8.0.1 :11',
      'Microsoft.Extensions.Logging.Abstractions@8.0.0 :20',
      'System.Text.Json@8.0.4 :31',
    ]);
    expect(packages[0]!.hashes).toStrictEqual([{ alg: 'SHA-512', hex: '07'.repeat(64) }]);
    expect(packages[1]!.hashes[0]!.hex).toMatch(/^07f5fec05d6e/);
    expect(packages[2]!.hashes).toStrictEqual([]);
    expect(packages.every((p) => p.ecosystem === 'NuGet' && !p.dev)).toBe(true);
  });

  for (const [what, text] of [
    ['invalid JSON', '{"version": 1, "dependencies": {'],
    ['a target that is a list', '{"version": 1, "dependencies": {"net8.0": []}}'],
    ['a resolved version that is a number', '{"dependencies": {"net8.0": {"A": {"type": "Direct", "resolved": 1}}}}'],
  ] as const)
    it(`refuses ${what} with a LockfileError naming the file`, () => {
      expect(() => parse('packages.lock.json', text)).toThrow(
        expect.objectContaining({ name: 'LockfileError', file: 'packages.lock.json' }),
      );
    });
});

describe('packages.config', () => {
  it('reads each package; developmentDependency is dev; a byte-order mark is fine', () => {
    const packages = parse('packages.config', CONFIG);
    expect(packages.map((p) => `${show(p)} :${p.line}`)).toStrictEqual([
      'EntityFramework@6.4.4 :3',
      'Microsoft.CodeDom.Providers.DotNetCompilerPlatform@2.0.1 :4',
      'StyleCop.Analyzers@1.1.118 dev :5',
    ]);
  });

  it('refuses a file that is not a package list', () => {
    expect(() => parse('packages.config', '<configuration><appSettings/></configuration>')).toThrow(
      expect.objectContaining({ name: 'LockfileError', file: 'packages.config', line: 1 }),
    );
    expect(() => parse('packages.config', '<packages>\n  <package id="A" version="1"\n')).toThrow(LockfileError);
  });
});

describe('Directory.Packages.props', () => {
  it('reads central versions, $(properties) resolved; ranges, floats and conditional values skipped', () => {
    const packages = parse('Directory.Packages.props', PROPS);
    expect(packages.map((p) => `${show(p)} :${p.line}`)).toStrictEqual([
      'Microsoft.AspNetCore.OpenApi@8.0.4 :8',
      'Swashbuckle.AspNetCore@6.5.0 :10',
      'Polly@8.3.1 :11',
      'Nerdbank.GitVersioning@3.6.133 dev :18',
    ]);
  });

  it('refuses a file whose root is not <Project>, or which is broken', () => {
    expect(() => parse('Directory.Packages.props', '<Projekt/>')).toThrow(LockfileError);
    expect(() => parse('Directory.Packages.props', '<Project>\n  <ItemGroup>\n</Project>')).toThrow(
      expect.objectContaining({ file: 'Directory.Packages.props', line: 3 }),
    );
  });
});
