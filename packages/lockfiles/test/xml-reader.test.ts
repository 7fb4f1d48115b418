import { describe, expect, it } from '@jest/globals';
import { LockfileError } from '../src/index.js';
import { child, childText, parseXml } from '../src/parsers/xml.js';

describe('the XML reader of the build-file parsers', () => {
  it('reads elements, attributes, text and the line of each start tag', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- a comment with <tags> -->\n<packages>\n' +
        '  <package id=\'A&amp;B\' version="1.0"/>\n  <note><![CDATA[<not a tag> & raw]]> &lt;&#65;&#x42;&gt;</note>\n' +
        '  <m:meta xmlns:m="urn:x" m:kind="k">text</m:meta>\n</packages>\n',
      'packages.config',
    );
    expect(root.name).toBe('packages');
    expect(root.line).toBe(3);
    expect(child(root, 'package')).toMatchObject({ attrs: { id: 'A&B', version: '1.0' }, children: [], line: 4 });
    expect(childText(root, 'note')).toBe('<not a tag> & raw <AB>');
    // Namespace prefixes are dropped from element and attribute names.
    expect(child(root, 'meta')).toMatchObject({ attrs: { kind: 'k' }, text: 'text', line: 6 });
  });

  it('never expands an entity a DOCTYPE declares, so a file cannot grow itself', () => {
    const text =
      '<?xml version="1.0"?>\n<!DOCTYPE project [\n  <!ENTITY a "aaaaaaaaaa">\n  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n' +
      '<project><version>&b;</version></project>';
    const root = parseXml(text, 'pom.xml');
    expect(childText(root, 'version')).toBe('&b;');
    expect(root.line).toBe(6);
  });

  it('reads a document nested 100,000 deep without recursion', () => {
    const depth = 100_000;
    const root = parseXml('<a>'.repeat(depth) + '</a>'.repeat(depth), 'deep.xml');
    let n = 1;
    for (let el = root.children[0]; el; el = el.children[0]) n++;
    expect(n).toBe(depth);
  });

  for (const [what, text, message, line] of [
    ['text before the root', 'oops\n<project/>', /text outside the root element/, 1],
    ['a second root', '<a/>\n<b/>', /a second root element/, 2],
    ['a wrong end tag', '<a>\n  <b>\n  </c>\n</a>', /<b> opened on line 2 is closed by <\/c>/, 3],
    ['an end tag closing nothing', '<a/>\n</a>', /<\/a> closes nothing/, 2],
    ['an unclosed comment', '<a>\n<!-- never', /a comment is never closed/, 2],
    ['an attribute without quotes', '<a>\n  <b x=1/>\n</a>', /<b> is malformed/, 2],
    ['nothing at all', '  \n', /no root element/, 1],
  ] as const) {
    it(`refuses ${what}`, () => {
      expect(() => parseXml(text, 'x.xml')).toThrow(LockfileError);
      expect(() => parseXml(text, 'x.xml')).toThrow(
        expect.objectContaining({ file: 'x.xml', line, message: expect.stringMatching(message) }),
      );
    });
  }
});
