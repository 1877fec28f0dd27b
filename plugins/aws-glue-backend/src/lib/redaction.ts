import {
  ArgumentRedactor,
  DEFAULT_REDACTION_KEY_PATTERNS,
  DEFAULT_REDACTION_VALUE_PATTERNS,
  REDACTED,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** Redacts secrets from arguments and free text (error messages). */
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
  const keyPatterns = [
    ...DEFAULT_REDACTION_KEY_PATTERNS,
    ...(extra.keyPatterns ?? []),
  ];
  const valuePatterns = [
    ...DEFAULT_REDACTION_VALUE_PATTERNS,
    ...(extra.valuePatterns ?? []),
  ];
  const argumentRedactor = new ArgumentRedactor({ keyPatterns, valuePatterns });
  const textPatterns = valuePatterns.map(p => new RegExp(p, 'gi'));
  return {
    redactArguments(args) {
      return argumentRedactor.redact(args) ?? {};
    },
    redactText(text) {
      return textPatterns.reduce(
        (result, pattern) => result.replace(pattern, REDACTED),
        text,
      );
    },
  };
}
