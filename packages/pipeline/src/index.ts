export { condition, evaluateExpression, interpolate, truthy, type Contexts, type Status } from './expressions.js';
export { jobLevels } from './graph.js';
export { expandMatrix, type Combination } from './matrix.js';
