// What the bundles load for `@actions/http-client` (tsconfig.json's paths; see ../README.md).
'use strict';
let real;
// A relative path: the package's exports map does not list this file, and the name itself is mapped here.
const load = () => (real ??= require('../../../node_modules/@actions/http-client/lib/index.js'));
for (const name of [
  'HttpCodes',
  'Headers',
  'MediaTypes',
  'getProxyUrl',
  'HttpClientError',
  'HttpClientResponse',
  'isHttps',
  'HttpClient',
])
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });
