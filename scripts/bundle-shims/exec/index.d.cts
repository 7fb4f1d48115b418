export * from '../../../node_modules/@actions/exec/lib/exec.js';
