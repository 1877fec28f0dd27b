/**
 * What a redacted value is replaced with.
 *
 * @public
 */
export const REDACTED = '<redacted>';

/**
 * Argument keys whose values are secrets (case-insensitive regular
 * expressions, matched anywhere in the key).
 *
 * @public
 */
export const DEFAULT_REDACTION_KEY_PATTERNS = [
  'passw(or)?d',
  '(^|[-_.])pwd($|[-_.])',
  'secret',
  'token',
  'credential',
  'auth',
  '(api|access|private|encryption|signing|master)[-_.]?keys?',
  // a `key` segment, except the common non-secret ones (partition keys, sort keys, ...)
  '(?<!partition|primary|sort|join|group|bucket|hash|range|cluster|distribution|s3|object)(^|[-_.])keys?($|[-_.])',
];

/**
 * Argument values that are secrets whatever their key (case-insensitive
 * regular expressions, matched anywhere in the value).
 *
 * @public
 */
export const DEFAULT_REDACTION_VALUE_PATTERNS = [
  // credentials in a URL or connection string: scheme://user:password@host
  '[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@',
  // password=... / pwd=... inside JDBC or ODBC connection strings
  '(password|pwd)=[^;&\\s]+',
  // AWS access key ids
  '\\b(AKIA|ASIA)[0-9A-Z]{16}\\b',
  // values shaped like AWS secret access keys: 40 base64 characters with a
  // digit, not part of a path or URI (no '//', not after ':' or '/')
  '(?<![A-Za-z0-9/+:])(?![A-Za-z0-9/+]*//)(?=[A-Za-z0-9/+]{0,39}[0-9])[A-Za-z0-9+][A-Za-z0-9/+]{39}(?![A-Za-z0-9/+=])',
  // bearer tokens and private keys
  '\\bbearer\\s+[a-z0-9._~+/-]{8,}',
  '-----BEGIN [A-Z ]*PRIVATE KEY-----',
];

/**
 * Redacts secrets from Glue job and trigger arguments before they reach an
 * entity, an API response, a log line or the browser.
 */
export class ArgumentRedactor {
  private readonly keyPatterns: RegExp[];
  private readonly valuePatterns: RegExp[];

  private readonly textPatterns: RegExp[];

  constructor(options: { keyPatterns: string[]; valuePatterns: string[] }) {
    this.keyPatterns = options.keyPatterns.map(p => new RegExp(p, 'i'));
    this.valuePatterns = options.valuePatterns.map(p => new RegExp(p, 'i'));
    this.textPatterns = options.valuePatterns.map(p => new RegExp(p, 'gi'));
  }

  /** `text` (e.g. an error message) with every secret-looking value replaced by {@link REDACTED}. */
  redactText(text: string): string {
    return this.textPatterns.reduce(
      (result, pattern) => result.replace(pattern, REDACTED),
      text,
    );
  }

  static withDefaults(): ArgumentRedactor {
    return ArgumentRedactor.withExtraPatterns({});
  }

  /** The default patterns plus configured ones (case-insensitive regular expressions). */
  static withExtraPatterns(extra: {
    keyPatterns?: string[];
    valuePatterns?: string[];
  }): ArgumentRedactor {
    return new ArgumentRedactor({
      keyPatterns: [
        ...DEFAULT_REDACTION_KEY_PATTERNS,
        ...(extra.keyPatterns ?? []),
      ],
      valuePatterns: [
        ...DEFAULT_REDACTION_VALUE_PATTERNS,
        ...(extra.valuePatterns ?? []),
      ],
    });
  }

  /** True when the argument's value must not be shown. */
  isSecret(key: string, value: string): boolean {
    return (
      this.keyPatterns.some(p => p.test(key)) ||
      this.valuePatterns.some(p => p.test(value))
    );
  }

  /** A copy of `args` with every secret value replaced by {@link REDACTED}. */
  redact(
    args: Record<string, string> | undefined,
  ): Record<string, string> | undefined {
    if (!args) {
      return undefined;
    }
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(args)) {
      result[key] = this.isSecret(key, String(value)) ? REDACTED : value;
    }
    return result;
  }
}
