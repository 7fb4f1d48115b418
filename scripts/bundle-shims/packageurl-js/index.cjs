// What the bundles load for `packageurl-js` (tsconfig.json's paths; see ../README.md): it builds an
// Intl.Collator when loaded (about 5 ms), and only lockfiles need package URLs.
'use strict';
let real;
const load = () => (real ??= require('../../../node_modules/packageurl-js/index.js'));
for (const name of ['PackageURL', 'PurlComponent', 'PurlQualifierNames', 'PurlType'])
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });
