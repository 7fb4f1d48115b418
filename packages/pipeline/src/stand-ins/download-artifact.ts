// actions/download-artifact: from the run's own artifact service (build-artifact's real upload went
// there), by name or by id, unzipped into path. An entry that would land outside path is refused.
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import unzip from 'unzip-stream';
import { UserError } from '@slipway/action-kit/lite';
import type { StoredArtifact } from '../artifact-service.js';
import type { StandIn } from './stand-in.js';

/**
 * Unzips one artifact into a folder, entry by entry, refusing paths that leave it. When it fails
 * half-way, the files it wrote are removed again: nothing half-extracted is left to be deployed.
 */
export async function extractZip(zip: string, into: string): Promise<number> {
  mkdirSync(into, { recursive: true });
  const written: string[] = [];
  const writes: Promise<void>[] = [];
  const parser = unzip.Parse();
  parser.on('entry', (entry) => {
    const target = resolve(into, entry.path);
    const rel = relative(into, target);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      entry.autodrain();
      parser.destroy(new Error(`the artifact holds ${entry.path}, which would land outside ${into}`));
      return;
    }
    if (entry.isDirectory) {
      mkdirSync(target, { recursive: true });
      entry.autodrain();
      return;
    }
    mkdirSync(dirname(target), { recursive: true });
    written.push(target);
    writes.push(pipeline(entry, createWriteStream(target)));
  });
  try {
    await pipeline(createReadStream(zip), parser);
    await Promise.all(writes);
  } catch (err) {
    await Promise.allSettled(writes);
    for (const file of written) rmSync(file, { force: true });
    throw err;
  }
  return written.length;
}

export const downloadArtifact: StandIn = {
  uses: 'actions/download-artifact',
  description: "downloads from the run's local artifact service, by name or artifact-ids, into path",
  async run({ with: w, workspace, artifacts, logger }) {
    const path = resolve(workspace, w.path || '.');
    const all = artifacts.list();
    let chosen: StoredArtifact[];
    const ids = (w['artifact-ids'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // As actions/download-artifact v4.3: by name into path itself; by ids, or all (or a pattern),
    // each into path/<name> unless merge-multiple.
    if (w.name && ids.length)
      throw new UserError('takes name or artifact-ids, not both.', { input: 'artifact-ids' }, 'Give one of them.');
    if (w.name) {
      const found = all.find((a) => a.name === w.name);
      if (!found)
        throw new UserError(
          `no artifact named ${w.name} was uploaded in this run.`,
          { input: 'name' },
          all.length ? `Its artifacts: ${all.map((a) => a.name).join(', ')}.` : 'This run uploaded no artifact.',
        );
      chosen = [found];
    } else if (ids.length) {
      for (const id of ids)
        if (!/^\d+$/.test(id))
          throw new UserError(
            `'${id.slice(0, 40)}' is not an artifact id.`,
            { input: 'artifact-ids' },
            'Artifact ids are numbers.',
          );
      chosen = all.filter((a) => ids.includes(String(a.id)));
      if (chosen.length === 0)
        throw new UserError(
          `none of the artifact ids ${ids.join(', ')} was uploaded in this run.`,
          { input: 'artifact-ids' },
          all.length
            ? `Its artifacts: ${all.map((a) => `${a.name} (${a.id})`).join(', ')}.`
            : 'This run uploaded no artifact.',
        );
      const missing = ids.filter((id) => !chosen.some((a) => String(a.id) === id));
      if (missing.length)
        logger.warning(`download-artifact (stand-in): could not find the artifact ids ${missing.join(', ')}`);
    } else {
      chosen = [...all];
      if (w.pattern) {
        const re = new RegExp(
          `^${w.pattern
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
        );
        chosen = chosen.filter((a) => re.test(a.name));
      }
    }
    for (const artifact of chosen) {
      const into = w.name || w['merge-multiple'] === 'true' ? path : join(path, artifact.name);
      const files = await extractZip(artifact.zip, into);
      logger.info(
        `download-artifact (stand-in): ${artifact.name} (id ${artifact.id}, ${artifact.size} bytes, ${files} files) into ${into}`,
      );
    }
    return { 'download-path': path };
  },
};
