import { REDACTED } from '@aws-glue-backstage/plugin-aws-glue-common';

export { REDACTED };

/** Words before a `key` segment that make it a non-secret key (partition_key, sort.key, ...). */
const NON_SECRET_KEYS =
  'partition|primary|sort|join|group|bucket|hash|range|cluster|distribution|s3|object';

/**
 * Argument keys whose values are secrets (case-insensitive regular
 * expressions, matched anywhere in the key).
 *
 * @public
 */
export const DEFAULT_REDACTION_KEY_PATTERNS = [
  // password, passwd
  'passw(or)?d',
  'passphrase',
  // a `pwd` segment: --pwd, --db.pwd
  '(^|[-_.])pwd($|[-_.])',
  // a key ending in a `pass` segment: --pass, --db_pass, --db-pass, --db.pass
  '(^|[-_.])pass$',
  'secret',
  'token',
  'credential',
  'auth',
  // webhook URLs and hooks: --webhook-url, --slack-hook, --teams_hooks
  'webhook',
  'hooks?($|[-_.])',
  // Sentry (and other) DSNs: --sentry-dsn, --dsn
  'dsn($|[-_.])',
  '(api|access|private|encryption|signing|master)[-_.]?keys?',
  // a `key` segment, except the common non-secret ones (partition keys, sort keys, ...)
  `(?<!${NON_SECRET_KEYS})(^|[-_.])keys?($|[-_.])`,
];

/** The end of a `name=` / `name: ` / `"name": ` before a value. */
const ASSIGNED = `(?:\\\\?["'])?\\s{0,16}[:=]\\s{0,16}`;

/**
 * What is redacted after a secret name: a JSON string (with its `\"`
 * escapes), the same escaped inside another JSON string (`\"a \\\" b\"`), a
 * single-quoted or `{braced}` value, a value with spaces that a `;` ends
 * (`Password=p@ss word;` in a connection string), or a bare one up to
 * whitespace, `;`, `&`, a quote or a backslash.
 */
const ASSIGNED_VALUE = `(?:${[
  '"(?:[^"\\\\]|\\\\.)*"',
  '\\\\"(?:[^"\\\\]|\\\\\\\\\\\\\\\\|\\\\\\\\\\\\"|\\\\[^"\\\\])*\\\\"',
  "'[^']*'",
  '\\{[^}]*\\}',
  `[^\\s;&"'\\\\][^;"'\\\\\\r\\n]{0,255}?(?=;)`,
  // (also after an opening quote that no closing one follows: a cut message)
  `(?:\\\\?["'])?[^\\s;&"'\\\\]+`,
].join('|')})`;

/** A value assigned to `name` (a regular expression) inside a value or text; the name itself is kept. */
const assignedTo = (name: string) =>
  // (?=\S) first: a cheap test that skips runs of whitespace
  `(?=\\S)(?<=${name}${ASSIGNED})${ASSIGNED_VALUE}`;

/** A webhook URL's path after its host, which is the secret. */
const WEBHOOK_PATH = `[^\\s"'<>]+`;

/**
 * Argument values that are secrets whatever their key (case-insensitive
 * regular expressions, matched anywhere in the value). {@link ArgumentRedactor.redactText}
 * replaces each match in free text, so a pattern matches the secret part
 * only where it can (lookbehinds keep names and hosts readable).
 *
 * @public
 */
export const DEFAULT_REDACTION_VALUE_PATTERNS = [
  // private keys, the whole PEM block with its base64 body (first, so that
  // no other pattern cuts its header); without an END line, the body's
  // characters that follow
  '-----BEGIN [A-Z0-9 ]{0,64}PRIVATE KEY(?: BLOCK)?-----(?:[A-Za-z0-9+/=\\s\\\\:,.-]{0,16384}?-----END [A-Z0-9 ]{0,64}PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\\s\\\\:,.-]*)',
  // credentials in a URL or connection string: scheme://user:password@host,
  // also with no user (redis://:password@host); the password may hold '/'
  // (AWS secret keys do) and even an unencoded '@'
  '(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}://[^/\\s:@]{0,256}:[^\\s@"\'<>]{1,256}@(?:[^/\\s@"\'<>]{1,256}@)*',
  // name=value, name: value and "name": "value" pairs (JDBC/ODBC connection
  // strings, Spark/Hadoop conf, JSON, error messages), where the name ends in
  // password, passwd, passphrase, pwd, secret, token or credential(s) ...
  assignedTo('(?:passw(?:or)?d|passphrase|pwd|secret|token|credentials?)'),
  // ... or in a `pass` segment (db_pass, db-pass, db.pass) ...
  assignedTo('[a-z0-9][._-]pass'),
  // ... or is a webhook, a hook or a DSN (webhook_url=, slack-hook:, sentry.dsn=) ...
  assignedTo('(?:webhook|hooks?|dsn)(?:[._-]?ur[il])?'),
  // ... or is an HTTP Authorization header, with its scheme
  // (Authorization: Basic dXNlcjpwYXNz, authorization=Token abc) ...
  `(?<=\\b(?:proxy-)?authorization${ASSIGNED})(?:(?:basic|bearer|token|digest|negotiate|ntlm|apikey|key|hmac|aws4-hmac-sha256)\\s{1,16})?(?:${ASSIGNED_VALUE})`,
  // ... or a qualified or --flag secret name and a space (db.password hunter2,
  // --db-password hunter2, --webhook-url https://...; not "the password is")
  `(?=[^\\s;&"'\\\\=:<])(?<=(?:--|[a-z0-9][._-])(?:passw(?:or)?d|passphrase|pwd|pass|secret|token|credentials?|webhook(?:[._-]?url)?|hooks?(?:[._-]?url)?|dsn)\\s{1,16})[^\\s;&"'\\\\]+`,
  // ... or in a qualified key: access.key, secret_key, SecretAccessKey, apikey,
  // fs.s3a.access.key, aws_secret_access_key ...
  assignedTo(
    '(?:account|access|secret|private|api|master|signing|encryption|sas|storage)[._-]?key',
  ),
  // ... or in any other `key` segment but the common non-secret ones
  // (partition_key, sort.key, ...)
  `(?<!(?:${NON_SECRET_KEYS})[._-]key${ASSIGNED})${assignedTo(
    '[a-z0-9][._-]key',
  )}`,
  // Azure storage account keys and SAS tokens, named by host:
  // fs.azure.account.key.<account>.blob.core.windows.net=...,
  // fs.azure.sas.<container>.<account>.blob.core.windows.net=...
  assignedTo(
    '(?<![a-z0-9])(?:account[._-]key|sas)[._-][a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,8}',
  ),
  // signatures and keys in a URL's query: ?sig=..., X-Amz-Signature=..., &key=...
  '(?<=[?&](?:sig|signature|x-amz-signature|key)=)[^&\\s"\'#]+',
  // AWS access key ids
  '\\b(AKIA|ASIA)[0-9A-Z]{16}\\b',
  // values shaped like AWS secret access keys: 40 base64 characters with a
  // digit, not part of a path or URI (no '//', not after ':' or '/')
  '(?<![A-Za-z0-9/+:])(?![A-Za-z0-9/+]*//)(?=[A-Za-z0-9/+]{0,39}[0-9])[A-Za-z0-9+][A-Za-z0-9/+]{39}(?![A-Za-z0-9/+=])',
  // bearer tokens
  '\\bbearer\\s+[a-z0-9._~+/-]{8,}',
  // tokens by their vendor prefix: GitHub (ghp_, gho_, ghu_, ghs_, ghr_,
  // github_pat_), GitLab (glpat-, ...), Slack (xoxb-, xoxp-, ..., xapp-),
  // Stripe secret and restricted keys and webhook secrets, OpenAI and
  // Anthropic keys (sk-proj-, sk-ant-, sk- and 32 or more letters and
  // digits), Google API keys (AIza and 35 characters)
  '\\bgh[pousr]_[a-z0-9]{30,251}\\b',
  '\\bgithub_pat_[a-z0-9_]{22,255}',
  '\\bgl(?:pat|dt|rt|ptt|cbt|soat)-[a-z0-9_-]{20,255}',
  '\\bxox[abposre]-[a-z0-9-]{10,255}',
  '\\bxapp-[a-z0-9-]{10,255}',
  '\\b[rs]k_(?:live|test)_[a-z0-9]{16,255}',
  '\\bwhsec_[a-z0-9+/=]{24,255}',
  '\\bsk-(?:proj|svcacct|admin|ant)-[a-z0-9_-]{20,255}',
  '\\bsk-(?=[a-z]{0,47}[0-9])[a-z0-9]{32,255}\\b',
  '\\bAIza[0-9a-z_-]{35}(?![0-9a-z_-])',
  // the key in a Sentry DSN (https://<key>@o1.ingest.sentry.io/1,
  // https://<key>@sentry.example.com/2)
  `(?<=\\bhttps?://)[^/\\s:@"'<>]{1,256}(?=@(?:[a-z0-9-]{1,63}\\.){0,8}(?:sentry|ingest)\\b)`,
  // webhook URLs, whose path is the secret: Slack, Microsoft Teams, Discord
  `(?<=\\bhooks\\.slack(?:-gov)?\\.com/)${WEBHOOK_PATH}`,
  `(?<=\\.webhook\\.office\\.com/)${WEBHOOK_PATH}`,
  `(?<=\\boutlook\\.office(?:365)?\\.com/webhook/)${WEBHOOK_PATH}`,
  `(?<=\\bdiscord(?:app)?\\.com/api/webhooks/)${WEBHOOK_PATH}`,
];

/**
 * `uri` without the `user@` or `user:password@` after its `scheme://`, for
 * URIs that are shown or turned into names (S3 locations, script locations).
 *
 * The part after `scheme://` up to the first `@` is user-info when it holds
 * no whitespace and either no `/` or a `:` before its first `/` (a password
 * may contain `/`); so `s3://bucket/path/a@b/` is left alone. An unencoded
 * `@` inside the password is stripped too.
 *
 * @public
 */
export function withoutUserInfo(uri: string): string {
  let result = uri;
  for (;;) {
    const match = /^(\s*[a-z][a-z0-9+.-]*:\/\/)([^@\s]*)@/i.exec(result);
    if (!match) return result;
    const info = match[2];
    const slash = info.indexOf('/');
    const colon = info.indexOf(':');
    if (slash >= 0 && (colon < 0 || colon > slash)) return result;
    result = `${match[1]}${result.slice(match[0].length)}`;
  }
}

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
