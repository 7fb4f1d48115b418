import { denoDetector } from './deno.js';
import { dotnetDetector } from './dotnet.js';
import { elixirDetector } from './elixir.js';
import { goDetector } from './go.js';
import { gradleDetector } from './gradle.js';
import { mavenDetector } from './maven.js';
import { nodeDetector } from './node.js';
import { phpDetector } from './php.js';
import { pythonDetector } from './python.js';
import { rubyDetector } from './ruby.js';
import { rustDetector } from './rust.js';
import { siteDetector } from './site.js';
import { staticDetector } from './static.js';
import type { Detector } from './types.js';

/** Every detector, highest priority first. Adding an ecosystem is one file and one line here. */
export const DETECTORS: readonly Detector[] = [
  mavenDetector,
  gradleDetector,
  dotnetDetector,
  goDetector,
  rustDetector,
  rubyDetector,
  phpDetector,
  elixirDetector,
  pythonDetector,
  denoDetector,
  nodeDetector,
  siteDetector,
  staticDetector,
].sort((a, b) => b.priority - a.priority);

/** The detectors by name; an unknown name is an error listing the known ones. */
export function detectorByName(name: string): Detector {
  const found = DETECTORS.find((d) => d.name === name);
  if (!found)
    throw new Error(`unknown detector '${name}'; known detectors: ${DETECTORS.map((d) => d.name).join(', ')}`);
  return found;
}
