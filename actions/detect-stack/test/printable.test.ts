import { describe, expect, it } from '@jest/globals';
import { oneLine } from '@slipway/stack';
import { codeSpan, markdownText } from '../src/printable.js';

describe('printable', () => {
  it('keeps text on one line', () => {
    expect(oneLine('a\nb\r\tc\u001b[31m\u2028')).toBe('a\\nb\\r\\tc\\u001b[31m\\u2028');
  });

  it('writes Markdown and HTML specials as entities', () => {
    expect(markdownText('![x](y) <b>*_`|')).toBe('&#33;&#91;x&#93;(y) &#60;b&#62;&#42;&#95;&#96;&#124;');
    expect(markdownText('x\n# h')).toBe('x&#92;n&#35; h');
  });

  it('fences a code span longer than any run of backticks inside it', () => {
    expect(codeSpan('npm test')).toBe('`npm test`');
    expect(codeSpan('a ``` b')).toBe('````a ``` b````');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });
});
