// What the bundles load for `@actions/exec` (tsconfig.json's paths; see ../README.md).
'use strict';
let real;
const load = () => (real ??= require('../../../node_modules/@actions/exec/lib/exec.js'));
for (const name of ['exec', 'getExecOutput'])
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });
