import { escapeMarkdownLine } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-node';

/** The longest description kept, in characters (before escaping). */
export const MAX_DESCRIPTION_LENGTH = 2048;

/**
 * A Glue text (a job's, trigger's, workflow's or crawler's description, or a
 * sentence made from Glue names) as a catalog `metadata.description`, which
 * Backstage renders as Markdown: secrets redacted, control characters and
 * newlines collapsed to single spaces, cut to
 * {@link MAX_DESCRIPTION_LENGTH} characters, and Markdown and HTML escaped so
 * that no link, image, heading or tag can be written into it.
 */
export function plainDescription(
  text: string,
  redactor: Pick<ArgumentRedactor, 'redactText'>,
  maxLength = MAX_DESCRIPTION_LENGTH,
): string {
  const oneLine = redactor
    .redactText(text)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\s]+/g, ' ')
    .trim();
  const chars = Array.from(oneLine);
  const cut =
    chars.length > maxLength
      ? `${chars
          .slice(0, maxLength - 1)
          .join('')
          .trimEnd()}…`
      : oneLine;
  return escapeMarkdownLine(cut);
}
