// The starter templates as GitHub's template picker reads them (actions/starter-workflows): each
// workflow has its .properties.json with a name, a description, an icon that exists, categories
// led by Deployment or Continuous integration, and file patterns that are regular expressions
// matching the files detect-stack recognises for it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO } from './harness.js';

const DIR = join(REPO, 'workflows-templates');
const TEMPLATES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => f.slice(0, -'.yml'.length));

interface Properties {
  name: string;
  description: string;
  iconName: string;
  categories: string[];
  filePatterns: string[];
}

/** A file each template is for, as a repository of that kind holds it. */
const EXAMPLE_FILE: Record<string, string> = {
  'node-service': 'package.json',
  'python-service': 'pyproject.toml',
  'go-service': 'go.mod',
  'static-site': 'hugo.toml',
  'kubernetes-service': 'Dockerfile',
  'vps-haproxy': 'Procfile',
  'self-hosted-local': 'package.json',
};

describe('the starter templates', () => {
  it('are the ones the issue asks for', () => {
    expect(TEMPLATES.sort()).toStrictEqual(Object.keys(EXAMPLE_FILE).sort());
  });

  it.each(TEMPLATES)('%s has its properties, an icon that exists and patterns that match its files', (name) => {
    const path = join(DIR, `${name}.properties.json`);
    expect(existsSync(path)).toBe(true);
    const p = JSON.parse(readFileSync(path, 'utf8')) as Properties;
    expect(p.name.length).toBeGreaterThan(0);
    expect(p.description.length).toBeGreaterThan(20);
    expect(existsSync(join(DIR, `${p.iconName}.svg`))).toBe(true);
    expect(['Deployment', 'Continuous integration']).toContain(p.categories[0]);
    const patterns = p.filePatterns.map((f) => new RegExp(f));
    expect(patterns.some((r) => r.test(EXAMPLE_FILE[name]!))).toBe(true);
    // A pattern that matched everything would offer the template to every repository.
    expect(patterns.some((r) => r.test('README.md'))).toBe(false);
  });
});
