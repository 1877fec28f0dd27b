/**
 * Glue texts (descriptions, names) as Markdown that renders as exactly that
 * text, and back. The catalog module escapes what it writes to
 * `metadata.description` (which Backstage renders as Markdown); views that
 * show it as plain text unescape it.
 */

/** CommonMark whitespace (not JavaScript's `\s`, which has more). */
const WHITESPACE = /[\t\n\f\r \p{Zs}]/u;
/** Letters, digits and marks: an `_` between two of them is no delimiter. */
const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Characters escaped wherever they are: `\` (so no escape of ours can be
 * undone), code spans, link and image brackets, and `<` (HTML, autolinks).
 * `@` stops GFM's e-mail autolinks.
 */
const ALWAYS = new Set(['\\', '`', '[', ']', '<', '@']);

/**
 * A line without any of these (and without a list marker) has nothing to
 * escape: the characters of {@link ALWAYS}, the delimiters, `&`, the `:` and
 * `.` of autolinks, and what starts a block at the start of the line.
 */
const MAY_ESCAPE = /[\\`[\]<@*_~&:.]|^[#>+-]/;

/** `&amp;`, `&#60;`, `&#x3c;`: HTML character references, which Markdown decodes. */
const CHARACTER_REFERENCE =
  /^&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{0,31});/i;

/**
 * A `*`, `_` or `~` run with whitespace on both sides can neither open nor
 * close emphasis or strikethrough (it is not flanking), and an `_` run inside
 * a word cannot either; such runs are left as they are so that prose and cron
 * expressions stay readable. Everything else is escaped.
 */
function isInertDelimiterRun(
  char: string,
  before: string | undefined,
  after: string | undefined,
): boolean {
  const spaceBefore = before === undefined || WHITESPACE.test(before);
  const spaceAfter = after === undefined || WHITESPACE.test(after);
  if (spaceBefore && spaceAfter) return true;
  return (
    char === '_' &&
    before !== undefined &&
    after !== undefined &&
    WORD.test(before) &&
    WORD.test(after)
  );
}

/**
 * One line of text with every character that could start Markdown (GFM) or
 * HTML backslash-escaped, so that it renders as exactly that text:
 *
 * - always: the backslash, the backtick, `[`, `]`, `<` and `@`;
 * - `*`, `_`, `~` unless they cannot delimit emphasis or strikethrough;
 * - `&` when it starts a character reference (`&amp;`, `&#60;`);
 * - the `:` of `http:`, `https:`, `ftp:`, `mailto:`, `xmpp:` and the `.` of
 *   `www.` (GFM autolinks bare URLs);
 * - at the start of the line: `#`, `>`, `-`, `+`, and the `.` or `)` of
 *   `1. ` / `1) ` (headings, quotes, lists, thematic breaks).
 *
 * `(`, `)`, `!`, `|`, `#` and `>` inside the line start nothing once `[`,
 * `]` and `<` are escaped and there is only one line, so they are kept.
 *
 * @public
 */
export function escapeMarkdownLine(line: string): string {
  /** The end of an ordered-list marker (`1. `, `12)`), if the line starts with one. */
  const listMarker = /^[0-9]{1,9}[.)](?=[\t ]|$)/.exec(line)?.[0].length;
  if (listMarker === undefined && !MAY_ESCAPE.test(line)) {
    return line; // most names and descriptions: nothing below would escape
  }
  const chars = Array.from(line);
  const textBefore = (i: number) => chars.slice(Math.max(0, i - 6), i).join('');
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (char === '*' || char === '_' || char === '~') {
      let end = i;
      while (chars[end] === char) end++;
      const run = chars.slice(i, end);
      const inert =
        i > 0 && isInertDelimiterRun(char, chars[i - 1], chars[end]);
      out += inert ? run.join('') : run.map(c => `\\${c}`).join('');
      i = end - 1;
      continue;
    }
    const escape =
      ALWAYS.has(char) ||
      (char === '&' &&
        CHARACTER_REFERENCE.test(chars.slice(i, i + 40).join(''))) ||
      (char === ':' && /(?:https?|ftp|mailto|xmpp)$/i.test(textBefore(i))) ||
      (char === '.' && /www$/i.test(textBefore(i))) ||
      (i === 0 && /[#>+-]/.test(char)) ||
      (listMarker !== undefined && i === listMarker - 1);
    out += escape ? `\\${char}` : char;
  }
  return out;
}

/**
 * The text an {@link escapeMarkdownLine} line stands for: CommonMark
 * backslash escapes (of ASCII punctuation) removed. For views that show a
 * synced entity's description as plain text rather than as Markdown.
 *
 * @public
 */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
