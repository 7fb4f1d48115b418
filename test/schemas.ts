// Validators for the published schemas copied into test/schemas (see its README for sources).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { REPO } from './harness.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const load = (name: string): object => JSON.parse(readFileSync(join(REPO, 'test', 'schemas', name), 'utf8'));

let cyclonedx: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

/** Errors of a document against the CycloneDX 1.6 JSON schema (empty when valid). */
export function cycloneDxErrors(doc: unknown): string[] {
  if (!cyclonedx) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(load('cyclonedx-spdx.schema.json'), 'spdx.schema.json');
    ajv.addSchema(load('cyclonedx-jsf-0.82.schema.json'), 'jsf-0.82.schema.json');
    cyclonedx = ajv.compile(load('cyclonedx-bom-1.6.schema.json'));
  }
  return cyclonedx(doc) ? [] : (cyclonedx.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

let sarif: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

/** Errors of a document against the SARIF 2.1.0 schema (empty when valid). */
export function sarifErrors(doc: unknown): string[] {
  if (!sarif) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    sarif = ajv.compile(load('sarif-2.1.0.json'));
  }
  return sarif(doc) ? [] : (sarif.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
