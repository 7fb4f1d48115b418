// The types are undici's own, for the names the shim provides.
export { ProxyAgent, fetch } from 'undici/index.js';
