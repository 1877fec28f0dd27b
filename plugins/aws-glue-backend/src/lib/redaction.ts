import { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-node';

/**
 * Redacts secrets from arguments and free text (error messages).
 *
 * @public
 */
export interface Redactor {
  /** A copy of `args` with secret values replaced by `<redacted>`. */
  redactArguments(
    args: Record<string, string> | undefined,
  ): Record<string, string>;
  /** `text` with every match of a secret value pattern replaced by `<redacted>`. */
  redactText(text: string): string;
}

/**
 * A redactor with the shared default patterns plus extra configured ones
 * (`awsGlue.redaction.keyPatterns` / `valuePatterns`, case-insensitive
 * regular expressions).
 */
export function createRedactor(
  extra: { keyPatterns?: string[]; valuePatterns?: string[] } = {},
): Redactor {
  const redactor = ArgumentRedactor.withExtraPatterns(extra);
  return {
    redactArguments: args => redactor.redact(args) ?? {},
    redactText: text => redactor.redactText(text),
  };
}
