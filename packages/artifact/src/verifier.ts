// The light entry point: what a deploy needs to check and unpack an archive, without the build,
// cache and upload machinery (and their dependencies) that the main entry brings.
export { verifyArtifact, type VerifyOptions, type VerifyResult } from './verify.js';
export { parseManifest, type Manifest } from './manifest.js';
export { byteOrder, linkStaysInside } from './collect.js';
