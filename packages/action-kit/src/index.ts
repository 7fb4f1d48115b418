export * from './lite.js';
export { runAction, runnerSeams, coreLogger } from './run-action.js';
