import { escapeMarkdownLine, unescapeMarkdown } from './markdown';

describe('escapeMarkdownLine', () => {
  it('escapes every backslash, so an escape cannot be undone', () => {
    expect(escapeMarkdownLine('\\[link](x)')).toBe('\\\\\\[link\\](x)');
  });

  it('keeps an underscore inside a word, escapes one at a word edge', () => {
    expect(escapeMarkdownLine('snake_case_name _x')).toBe(
      'snake_case_name \\_x',
    );
  });

  it.each([
    'Starts glueetl when upstream_job SUCCEEDED',
    'cron(15 2 * * ? *)',
    '[Re-authenticate](https://evil.example) # <img src=x onerror=alert(1)>',
    '\\[already escaped\\] &amp; *bold* __x__ ~~s~~ 1. item',
    '- list at the start, > quote, + plus, www.example.com, https://x.y/z',
  ])('unescapes to the original text: %j', text => {
    expect(unescapeMarkdown(escapeMarkdownLine(text))).toBe(text);
  });
});

describe('escapeMarkdownLine on plain lines', () => {
  it('returns a line with nothing to escape as it is, and still escapes block starts', () => {
    expect(escapeMarkdownLine('sales orders job owned by team-3 (daily)')).toBe(
      'sales orders job owned by team-3 (daily)',
    );
    expect(escapeMarkdownLine('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdownLine('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdownLine('12) not a list')).toBe('12\\) not a list');
    expect(escapeMarkdownLine('see www.example.com')).toBe(
      'see www\\.example.com',
    );
  });
});
