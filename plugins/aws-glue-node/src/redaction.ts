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
 * A default value pattern, and what every text it matches contains (a
 * case-insensitive literal of the pattern itself, so that a text without it
 * cannot match): the redactor runs the pattern only on texts that have it,
 * which spares most argument values (S3 paths, flags) some thirty scans.
 */
interface ValueRule {
  pattern: string;
  needs: RegExp;
}

/** What an AWS secret access key's pattern needs: a run of 40 base64 characters. */
const SECRET_KEY_RUN = /[a-z0-9/+]{40}/i;

/** The default value patterns, in the order they are applied, each with what its matches contain. */
const DEFAULT_VALUE_RULES: ValueRule[] = [
  // private keys, the whole PEM block with its base64 body (first, so that
  // no other pattern cuts its header); without an END line, the body's
  // characters that follow
  {
    pattern:
      '-----BEGIN [A-Z0-9 ]{0,64}PRIVATE KEY(?: BLOCK)?-----(?:[A-Za-z0-9+/=\\s\\\\:,.-]{0,16384}?-----END [A-Z0-9 ]{0,64}PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\\s\\\\:,.-]*)',
    needs: /-----BEGIN /i,
  },
  // credentials in a URL or connection string: scheme://user:password@host,
  // also with no user (redis://:password@host); the password may hold '/'
  // (AWS secret keys do) and even an unencoded '@'
  {
    pattern:
      '(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}://[^/\\s:@]{0,256}:[^\\s@"\'<>]{1,256}@(?:[^/\\s@"\'<>]{1,256}@)*',
    needs: /:\/\/\S*@/,
  },
  // name=value, name: value and "name": "value" pairs (JDBC/ODBC connection
  // strings, Spark/Hadoop conf, JSON, error messages), where the name ends in
  // password, passwd, passphrase, pwd, secret, token or credential(s) ...
  {
    pattern: assignedTo(
      '(?:passw(?:or)?d|passphrase|pwd|secret|token|credentials?)',
    ),
    needs: /passw|passphrase|pwd|secret|token|credential/i,
  },
  // ... or in a `pass` segment (db_pass, db-pass, db.pass) ...
  { pattern: assignedTo('[a-z0-9][._-]pass'), needs: /[._-]pass/i },
  // ... or is a webhook, a hook or a DSN (webhook_url=, slack-hook:, sentry.dsn=) ...
  {
    pattern: assignedTo('(?:webhook|hooks?|dsn)(?:[._-]?ur[il])?'),
    needs: /hook|dsn/i,
  },
  // ... or is an HTTP Authorization header, with its scheme
  // (Authorization: Basic dXNlcjpwYXNz, authorization=Token abc) ...
  {
    pattern: `(?<=\\b(?:proxy-)?authorization${ASSIGNED})(?:(?:basic|bearer|token|digest|negotiate|ntlm|apikey|key|hmac|aws4-hmac-sha256)\\s{1,16})?(?:${ASSIGNED_VALUE})`,
    needs: /authorization/i,
  },
  // ... or a qualified or --flag secret name and a space (db.password hunter2,
  // --db-password hunter2, --webhook-url https://...; not "the password is")
  {
    pattern: `(?=[^\\s;&"'\\\\=:<])(?<=(?:--|[a-z0-9][._-])(?:passw(?:or)?d|passphrase|pwd|pass|secret|token|credentials?|webhook(?:[._-]?url)?|hooks?(?:[._-]?url)?|dsn)\\s{1,16})[^\\s;&"'\\\\]+`,
    needs: /pass|pwd|secret|token|credential|hook|dsn/i,
  },
  // ... or in a qualified key: access.key, secret_key, SecretAccessKey, apikey,
  // fs.s3a.access.key, aws_secret_access_key ...
  {
    pattern: assignedTo(
      '(?:account|access|secret|private|api|master|signing|encryption|sas|storage)[._-]?key',
    ),
    needs: /key/i,
  },
  // ... or in any other `key` segment but the common non-secret ones
  // (partition_key, sort.key, ...)
  {
    pattern: `(?<!(?:${NON_SECRET_KEYS})[._-]key${ASSIGNED})${assignedTo(
      '[a-z0-9][._-]key',
    )}`,
    needs: /[._-]key/i,
  },
  // Azure storage account keys and SAS tokens, named by host:
  // fs.azure.account.key.<account>.blob.core.windows.net=...,
  // fs.azure.sas.<container>.<account>.blob.core.windows.net=...
  {
    pattern: assignedTo(
      '(?<![a-z0-9])(?:account[._-]key|sas)[._-][a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,8}',
    ),
    needs: /key|sas/i,
  },
  // signatures and keys in a URL's query: ?sig=..., X-Amz-Signature=..., &key=...
  {
    pattern: '(?<=[?&](?:sig|signature|x-amz-signature|key)=)[^&\\s"\'#]+',
    needs: /sig|key/i,
  },
  // AWS access key ids
  { pattern: '\\b(AKIA|ASIA)[0-9A-Z]{16}\\b', needs: /akia|asia/i },
  // values shaped like AWS secret access keys: 40 base64 characters with a
  // digit, not part of a path or URI (no '//', not after ':' or '/')
  {
    pattern:
      '(?<![A-Za-z0-9/+:])(?![A-Za-z0-9/+]*//)(?=[A-Za-z0-9/+]{0,39}[0-9])[A-Za-z0-9+][A-Za-z0-9/+]{39}(?![A-Za-z0-9/+=])',
    needs: SECRET_KEY_RUN,
  },
  // bearer tokens
  { pattern: '\\bbearer\\s+[a-z0-9._~+/-]{8,}', needs: /bearer/i },
  // tokens by their vendor prefix: GitHub (ghp_, gho_, ghu_, ghs_, ghr_,
  // github_pat_), GitLab (glpat-, ...), Slack (xoxb-, xoxp-, ..., xapp-),
  // Stripe secret and restricted keys and webhook secrets, OpenAI and
  // Anthropic keys (sk-proj-, sk-ant-, sk- and 32 or more letters and
  // digits), Google API keys (AIza and 35 characters)
  { pattern: '\\bgh[pousr]_[a-z0-9]{30,251}\\b', needs: /gh[pousr]_/i },
  { pattern: '\\bgithub_pat_[a-z0-9_]{22,255}', needs: /github_pat_/i },
  {
    pattern: '\\bgl(?:pat|dt|rt|ptt|cbt|soat)-[a-z0-9_-]{20,255}',
    needs: /gl(?:pat|dt|rt|ptt|cbt|soat)-/i,
  },
  { pattern: '\\bxox[abposre]-[a-z0-9-]{10,255}', needs: /xox[abposre]-/i },
  { pattern: '\\bxapp-[a-z0-9-]{10,255}', needs: /xapp-/i },
  {
    pattern: '\\b[rs]k_(?:live|test)_[a-z0-9]{16,255}',
    needs: /k_(?:live|test)_/i,
  },
  { pattern: '\\bwhsec_[a-z0-9+/=]{24,255}', needs: /whsec_/i },
  {
    pattern: '\\bsk-(?:proj|svcacct|admin|ant)-[a-z0-9_-]{20,255}',
    needs: /sk-/i,
  },
  { pattern: '\\bsk-(?=[a-z]{0,47}[0-9])[a-z0-9]{32,255}\\b', needs: /sk-/i },
  { pattern: '\\bAIza[0-9a-z_-]{35}(?![0-9a-z_-])', needs: /aiza/i },
  // the key in a Sentry DSN (https://<key>@o1.ingest.sentry.io/1,
  // https://<key>@sentry.example.com/2)
  {
    pattern: `(?<=\\bhttps?://)[^/\\s:@"'<>]{1,256}(?=@(?:[a-z0-9-]{1,63}\\.){0,8}(?:sentry|ingest)\\b)`,
    needs: /sentry|ingest/i,
  },
  // webhook URLs, whose path is the secret: Slack, Microsoft Teams, Discord
  {
    pattern: `(?<=\\bhooks\\.slack(?:-gov)?\\.com/)${WEBHOOK_PATH}`,
    needs: /hooks\.slack/i,
  },
  {
    pattern: `(?<=\\.webhook\\.office\\.com/)${WEBHOOK_PATH}`,
    needs: /\.webhook\.office\.com\//i,
  },
  {
    pattern: `(?<=\\boutlook\\.office(?:365)?\\.com/webhook/)${WEBHOOK_PATH}`,
    needs: /outlook\.office/i,
  },
  {
    pattern: `(?<=\\bdiscord(?:app)?\\.com/api/webhooks/)${WEBHOOK_PATH}`,
    needs: /discord/i,
  },
];

/**
 * Argument values that are secrets whatever their key (case-insensitive
 * regular expressions, matched anywhere in the value). {@link ArgumentRedactor.redactText}
 * replaces each match in free text, so a pattern matches the secret part
 * only where it can (lookbehinds keep names and hosts readable).
 *
 * @public
 */
export const DEFAULT_REDACTION_VALUE_PATTERNS = DEFAULT_VALUE_RULES.map(
  rule => rule.pattern,
);

/** What a default pattern's matches contain, by pattern. */
const NEEDS_OF = new Map(DEFAULT_VALUE_RULES.map(r => [r.pattern, r.needs]));

/**
 * Any of the default patterns' needs, in one scan that most values fail;
 * the 40-character run (AWS secret keys) apart, as a length check first: in
 * the same alternation it would be tried at every position.
 */
const ANY_LITERAL_NEED = new RegExp(
  DEFAULT_VALUE_RULES.filter(r => r.needs !== SECRET_KEY_RUN)
    .map(r => `(?:${r.needs.source})`)
    .join('|'),
  'i',
);

/** Whether `text` has `length` base64 characters in a row (one pass; the regular expression retries from every position). */
function hasBase64Run(text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const base64 =
      (c >= 48 && c <= 57) || // 0-9
      (c >= 65 && c <= 90) || // A-Z
      (c >= 97 && c <= 122) || // a-z
      c === 43 || // +
      c === 47; // /
    run = base64 ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

function mayHaveDefaultSecret(text: string): boolean {
  return (
    ANY_LITERAL_NEED.test(text) || (text.length >= 40 && hasBase64Run(text, 40))
  );
}

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

/** A value pattern, compiled, with what its matches contain when it is a default one. */
interface ValuePattern {
  test: RegExp;
  /** The same, global, for replacing in text. */
  replace: RegExp;
  needs?: RegExp;
}

/** False only when `text` lacks what every match of the pattern contains. */
function mayMatch(pattern: ValuePattern, text: string): boolean {
  return pattern.needs === undefined || pattern.needs.test(text);
}

/**
 * Redacts secrets from Glue job and trigger arguments before they reach an
 * entity, an API response, a log line or the browser.
 *
 * @public
 */
export class ArgumentRedactor {
  private readonly keyPatterns: RegExp[];
  private readonly valuePatterns: ValuePattern[];
  /** Whether every value pattern is a default one (so their needs decide for all). */
  private readonly onlyDefaults: boolean;

  constructor(options: { keyPatterns: string[]; valuePatterns: string[] }) {
    this.keyPatterns = options.keyPatterns.map(p => new RegExp(p, 'i'));
    this.valuePatterns = options.valuePatterns.map(p => ({
      test: new RegExp(p, 'i'),
      replace: new RegExp(p, 'gi'),
      needs: NEEDS_OF.get(p),
    }));
    this.onlyDefaults = this.valuePatterns.every(p => p.needs !== undefined);
  }

  /** False when no value pattern can match `text`. */
  private mayHaveSecret(text: string): boolean {
    return !this.onlyDefaults || mayHaveDefaultSecret(text);
  }

  /** `text` (e.g. an error message) with every secret-looking value replaced by the common package's `REDACTED`. */
  redactText(text: string): string {
    if (!this.mayHaveSecret(text)) return text;
    return this.valuePatterns.reduce(
      (result, pattern) =>
        mayMatch(pattern, result)
          ? result.replace(pattern.replace, REDACTED)
          : result,
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
      (this.mayHaveSecret(value) &&
        this.valuePatterns.some(p => mayMatch(p, value) && p.test.test(value)))
    );
  }

  /** A copy of `args` with every secret value replaced by the common package's `REDACTED`. */
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
