export {
  buildArtifact,
  type BuildArtifactOptions,
  type BuildArtifactResult,
  type BuildArtifactSeams,
} from './build-artifact.js';
export { writeArchive, type ArchiveEntry, type ArchiveResult, type ManifestFile } from './archive.js';
export { verifyArtifact, type VerifyOptions, type VerifyResult } from './verify.js';
export { selectFiles, byteOrder, linkStaysInside, walkBases } from './collect.js';
export { findSecretFiles } from './secrets.js';
export { packagingPlan, type PlanContext } from './defaults.js';
export { manifestJson, parseManifest, type Manifest } from './manifest.js';
export { cycloneDxSbom, stableUuid } from './sbom.js';
export { provenanceStatement, BUILD_TYPE } from './provenance.js';
export { localCacheBackend, actionsCacheBackend, cacheKey, cachePaths, type CacheBackend } from './cache.js';
export { hasActionsRuntime, type Uploader, type Uploaded } from './upload.js';
export { CommandError, tail } from './commands.js';
export { readTarGz, BadTarError, TruncatedTarError, type TarEntry, type TarLimits } from './tar-reader.js';
