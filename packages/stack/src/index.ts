export { detectStack, type DetectOptions } from './detect.js';
export { toMatrix, type MatrixEntry } from './matrix.js';
export { DETECTORS, detectorByName } from './detectors/registry.js';
export { walk, PRUNED_DIRS, type Inventory, type WalkOptions } from './walk.js';
export { languageOf } from './languages.js';
export { globProblem, showGlob } from './globs.js';
export { oneLine } from './printable.js';
export type {
  Stack,
  Project,
  Runtime,
  PackageManager,
  Framework,
  Commands,
  LanguageShare,
  Monorepo,
  RuntimeName,
  PackageManagerName,
} from './types.js';
