import { joinRel } from '../context.js';
import { folderName, noCommands, type Detector } from './types.js';

/** A folder of HTML with no build: served as it is. Only where no other project encloses it. */
export const staticDetector: Detector = {
  name: 'static',
  priority: 0,
  applies: (ctx, dir) => ctx.has(dir, 'index.html'),

  async project(ctx, { dir }) {
    return {
      name: folderName(dir, ctx.rootName),
      manifest: joinRel(dir, 'index.html'),
      runtime: { name: 'static', version: null, source: null },
      packageManager: null,
      frameworks: [],
      commands: noCommands(),
      warnings: [],
    };
  },
};
