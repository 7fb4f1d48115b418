import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, parentOf } from '../context.js';
import { GlobalJsonSchema } from '../manifests/schemas.js';
import type { Framework } from '../types.js';
import { capture } from './shared.js';
import { type Detector } from './types.js';

const PROJECT_FILE = /\.(csproj|fsproj|vbproj)$/;

/** .NET solutions and projects; global.json pins the SDK. A project under a solution is built by it. */
export const dotnetDetector: Detector = {
  name: 'dotnet',
  priority: 50,
  applies: (ctx, dir) => {
    if (ctx.names(dir).some((n) => n.endsWith('.sln'))) return true;
    if (!ctx.names(dir).some((n) => PROJECT_FILE.test(n))) return false;
    for (let d = parentOf(dir); d !== undefined; d = parentOf(d))
      if (ctx.names(d).some((n) => n.endsWith('.sln'))) return false;
    return true;
  },

  async project(ctx, { dir }) {
    const sln = ctx
      .names(dir)
      .filter((n) => n.endsWith('.sln'))
      .sort()[0];
    const proj = ctx
      .names(dir)
      .filter((n) => PROJECT_FILE.test(n))
      .sort()[0];
    const target = sln ?? proj;
    if (!target) return undefined;
    const manifest = joinRel(dir, target);
    const projText = proj ? await ctx.text(joinRel(dir, proj)) : undefined;
    const globalDir = ctx.findUp(dir, 'global.json');
    const globalPath = globalDir !== undefined ? joinRel(globalDir, 'global.json') : undefined;
    const sdk = globalPath ? (await ctx.json(globalPath, GlobalJsonSchema, true))?.sdk?.version : undefined;
    const tfm = capture(projText, /<TargetFrameworks?>\s*net(\d+\.\d+)/);
    const version = sdk
      ? { value: sdk, source: `${globalPath}#sdk.version` }
      : tfm && proj
        ? { value: tfm, source: `${joinRel(dir, proj)}#TargetFramework` }
        : undefined;
    // A file name is a word of the command: `My App.csproj` must stay one argument.
    const quoted = shellQuote(target);
    const web = /Sdk="Microsoft\.NET\.Sdk\.Web"/.test(projText ?? '');
    const frameworks: Framework[] = web
      ? [{ name: 'aspnetcore', version: tfm ?? null, source: joinRel(dir, proj!) }]
      : [];
    return {
      name: target.replace(/\.(sln|csproj|fsproj|vbproj)$/, ''),
      manifest,
      runtime: { name: 'dotnet', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: {
        name: 'dotnet',
        version: null,
        lockfile: ctx.has(dir, 'packages.lock.json') ? joinRel(dir, 'packages.lock.json') : null,
        source: manifest,
      },
      frameworks,
      commands: {
        install: `dotnet restore ${quoted}`,
        build: `dotnet build ${quoted} --no-restore -c Release`,
        test: `dotnet test ${quoted}`,
        start: web && !sln ? `dotnet run --project ${quoted} -c Release` : null,
      },
      warnings: [],
    };
  },
};
