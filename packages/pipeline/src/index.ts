export { condition, evaluateExpression, interpolate, truthy, type Contexts, type Status } from './expressions.js';
export { jobLevels } from './graph.js';
export { expandMatrix, type Combination } from './matrix.js';
export { ArtifactService, type StoredArtifact } from './artifact-service.js';
export { STAND_INS, standInFor, type StandIn } from './stand-ins/index.js';
export { loadWorkflow, typedInputs, type Workflow } from './workflow.js';
export {
  runPipeline,
  type JobRecord,
  type PipelineOptions,
  type PipelineResult,
  type Result,
  type StepRecord,
  type StepSummary,
} from './runner.js';
