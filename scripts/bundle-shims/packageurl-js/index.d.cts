export * from '../../../node_modules/packageurl-js/index.js';
