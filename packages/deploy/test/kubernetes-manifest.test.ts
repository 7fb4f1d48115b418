import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { makeTree, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { readManifest } from '../src/providers/kubernetes/manifest.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/web:placeholder
          env: [{name: MODE, value: fast}]
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

function withManifest(text: string, check: (path: string) => void): void {
  const dir = makeTree({ 'k8s/web.yaml': text });
  try {
    check(join(dir, 'k8s', 'web.yaml'));
  } finally {
    removeTree(dir);
  }
}

describe('readManifest', () => {
  it('takes the Deployment named by the deployment input and its Service from a file of several documents', () => {
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {a: b}\n';
    withManifest(`${other}---\n${DEPLOYMENT}---\n${SERVICE}`, (path) => {
      const m = readManifest(path, 'web', 'shop');
      expect(m.deployment.spec.replicas).toBe(3);
      expect(m.deployment.spec.template.spec.containers[0]).toMatchObject({ env: [{ name: 'MODE', value: 'fast' }] });
      expect(m.service?.spec.ports).toStrictEqual([{ port: 80, targetPort: 8080 }]);
    });
    withManifest(DEPLOYMENT, (path) => expect(readManifest(path, 'web', 'shop').service).toBeUndefined());
  });

  it.each([
    ['a YAML error, with its line', `${DEPLOYMENT}  bad: [unclosed\n`, /is not valid YAML/],
    ['no Deployment of that name, listing what it has', SERVICE, /has no Deployment named web \(it has Service web\)/],
    [
      'another namespace than the input',
      DEPLOYMENT.replace('  name: web\n', '  name: web\n  namespace: prod\n'),
      /namespace 'prod', but the namespace input is 'shop'/,
    ],
    ['a document that is not an object', `- a\n- b\n`, /not a Kubernetes object/],
    ['an object without a kind', 'metadata: {name: web}\n', /without a kind or metadata\.name/],
    [
      'a Deployment without containers',
      DEPLOYMENT.replace(/ {6}containers:[\s\S]*$/, '      containers: []\n'),
      /without apiVersion apps\/v1, a selector and at least one container/,
    ],
  ])('refuses %s', (_what, text, message) => {
    withManifest(text, (path) => {
      let error: unknown;
      try {
        readManifest(path, 'web', 'shop');
      } catch (err) {
        error = err;
      }
      expect(error).toBeDefined();
      expect((error as Error).message).toMatch(message);
      expect(error).toMatchObject({ name: 'UserError' });
    });
  });

  it('names the manifest input when the file is not there', () => {
    expect(() => readManifest('/nonexistent/web.yaml', 'web', 'shop')).toThrow(userError('manifest', /does not exist/));
  });

  it('says on which line a YAML mistake is', () => {
    withManifest(`${DEPLOYMENT}---\nkind: Service\nmetadata: {name: web\n`, (path) => {
      try {
        readManifest(path, 'web', 'shop');
        throw new Error('no error');
      } catch (err) {
        expect((err as { subject: { file: string; line: number } }).subject).toMatchObject({ file: path });
        expect((err as { subject: { line: number } }).subject.line).toBeGreaterThan(17);
      }
    });
  });
});
