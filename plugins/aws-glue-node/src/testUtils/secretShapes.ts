/*
 * Secret shapes that once got past redaction, for tests only: the one table
 * the node library's, the catalog module's and the backend plugin's tests
 * check every surface with (`@aws-glue-backstage/plugin-aws-glue-node/testUtils`).
 */

/**
 * A secret as it appears in a Glue argument and in free text.
 *
 * @public
 */
export interface SecretShape {
  /** What it is, for test names. */
  name: string;
  /** An argument key and value; the value must be redacted, by key or by value. */
  key: string;
  value: string;
  /** The shape as a value that must be redacted under any key (`value`, unless only the key makes it secret). */
  anywhere: string;
  /** Free text carrying it (an error message, a description). */
  text: string;
  /** Substrings that must be gone from whatever is shown. */
  secrets: string[];
}

const shape = (
  name: string,
  key: string,
  value: string,
  secrets: string[],
  text = `Job failed: ${value} (see the logs)`,
): SecretShape => ({ name, key, value, anywhere: value, text, secrets });

/** A shape whose value is a secret only because of its key. */
const keyShape = (
  name: string,
  key: string,
  value: string,
  secrets: string[],
  text: string,
): SecretShape => ({ name, key, value, anywhere: text, text, secrets });

const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** A made-up PEM body (base64 of "fake key for tests only ..."), never a real key. */
const PEM_LINES = [
  'ZmFrZSBrZXkgZm9yIHRlc3RzIG9ubHksIG5vdCBhIHJlYWwgcHJpdmF0ZSBrZXkK',
  'RkFLRUZBS0VGQUtFRkFLRUZBS0VGQUtFRkFLRUZBS0VGQUtFRkFLRUZBS0VGQUtF',
  'bm90aGluZyB0byBzZWUgaGVyZQo=',
];

/** @public */
export const SECRET_SHAPES: SecretShape[] = [
  shape(
    'an S3 URL password with a slash',
    '--input',
    's3://user:pa/ss@bucket/',
    ['pa/ss'],
  ),
  shape(
    'an AWS key pair as S3 user-info',
    '--output',
    `s3://AKIAIOSFODNN7EXAMPLE:${AWS_SECRET}@bucket/x/`,
    ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'bPxRfiCYEXAMPLEKEY'],
  ),
  shape(
    'a database URL password with a slash',
    '--target-db',
    'postgresql://etl:pa/ss@db.example.com:5432/sales',
    ['pa/ss'],
  ),
  shape('Password = ...', '--conn', 'Password = hunter2', ['hunter2']),
  shape('Password: ...', '--conn', 'Password: hunter2', ['hunter2']),
  shape(
    'Password: inside a connection string',
    '--conn',
    'Server=db;User Id=etl;Password: hunter2;',
    ['hunter2'],
  ),
  shape(
    'a JSON password',
    '--options',
    '{"user": "etl", "password": "hunter2"}',
    ['hunter2'],
  ),
  shape(
    'an escaped JSON password with a space',
    '--options',
    '{\\"password\\": \\"hunter two\\"}',
    ['hunter two', 'hunter'],
  ),
  keyShape(
    'a _pass key',
    '--db_pass',
    'hunter2',
    ['hunter2'],
    'db_pass=hunter2 was refused',
  ),
  keyShape(
    'a -pass key',
    '--db-pass',
    'hunter2',
    ['hunter2'],
    'bad --db-pass=hunter2',
  ),
  keyShape(
    'a .pass key',
    '--db.pass',
    'hunter2',
    ['hunter2'],
    'bad --db.pass: hunter2',
  ),
  keyShape(
    'a passphrase',
    '--ssl-passphrase',
    'correct horse battery staple',
    ['correct horse'],
    'ssl-passphrase="correct horse battery staple" did not open the key',
  ),
  shape(
    'an Azure storage account key in Spark conf',
    '--conf',
    'spark.hadoop.fs.azure.account.key.acct.blob.core.windows.net=c2VjcmV0a2V5c2VjcmV0a2V5',
    ['c2VjcmV0a2V5c2VjcmV0a2V5'],
  ),
  shape(
    'an S3A secret key in Spark conf',
    '--conf',
    'spark.hadoop.fs.s3a.secret.key=abc123 --conf spark.x=1',
    ['abc123'],
  ),
  shape('an S3A access key', '--conf', 'fs.s3a.access.key=acc3ssKeyValue', [
    'acc3ssKeyValue',
  ]),
  shape(
    'an S3A session token',
    '--conf',
    'fs.s3a.session.token=IQoJb3JpZ2luX2VjEXAMPLE',
    ['IQoJb3JpZ2luX2VjEXAMPLE'],
  ),
  shape('secret=...', '--extra', 'secret=hunter2', ['hunter2']),
  shape('token=...', '--extra', 'token=t0kenValue', ['t0kenValue']),
  shape(
    'a Slack webhook',
    '--notify',
    'https://hooks.slack.com/services/T0123ABCD/B0123ABCD/abcdefghijklmnopqrstuvwx',
    ['abcdefghijklmnopqrstuvwx'],
  ),
  shape(
    'a Teams webhook',
    '--notify',
    'https://contoso.webhook.office.com/webhookb2/abc-123@def/IncomingWebhook/xyz/uvw',
    ['abc-123@def', 'IncomingWebhook/xyz/uvw'],
  ),
  shape(
    'a Discord webhook',
    '--notify',
    'https://discord.com/api/webhooks/123456/discordTokenXYZ',
    ['discordTokenXYZ'],
  ),
  shape(
    'an AWS secret key after its name and a colon',
    '--error',
    `aws_secret_access_key:${AWS_SECRET}`,
    ['wJalrXUtnFEMI'],
  ),
  shape(
    'an AWS key pair in an error message',
    '--error',
    `AccessKeyId=AKIAIOSFODNN7EXAMPLE SecretAccessKey=${AWS_SECRET}`,
    ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI'],
  ),
  shape(
    'an Authorization: Basic header',
    '--headers',
    'Authorization: Basic dXNlcjpwYXNz',
    ['dXNlcjpwYXNz'],
  ),
  shape(
    'authorization=Token ...',
    '--extra',
    'authorization=Token abc123def456ghi789jkl0',
    ['abc123def456ghi789jkl0'],
  ),
  shape(
    'a GitHub token',
    '--github',
    'ghp_FAKE0tok3nForTests0nly0123456789abcd',
    ['FAKE0tok3nForTests0nly0123456789abcd'],
  ),
  shape(
    'a GitHub fine-grained token',
    '--github',
    'github_pat_11FAKEFAKE0123456789ab_FakeTokenForTestsOnlyNotARealOne0123456789abcdefghijklmnopq',
    ['11FAKEFAKE0123456789ab', 'FakeTokenForTestsOnlyNotARealOne'],
  ),
  shape('a GitLab token', '--gitlab', 'glpat-FAKExTestx0nly0123ab', [
    'FAKExTestx0nly0123ab',
  ]),
  shape(
    'a Slack bot token',
    '--slack',
    'xoxb-1234567890-1234567890123-FAKEfakeFAKEfakeFAKEfake',
    ['1234567890123-FAKEfake', 'FAKEfakeFAKEfakeFAKEfake'],
  ),
  shape(
    'a Slack user token',
    '--slack',
    'xoxp-1234567890-1234567890-1234567890123-0fake1fake2fake3fake4fake5fake6f',
    ['0fake1fake2fake3fake4fake5fake6f'],
  ),
  shape(
    'a Stripe live key',
    '--stripe',
    'sk_live_51FakeKeyForTests0000abcdEFGH',
    ['51FakeKeyForTests0000abcdEFGH'],
  ),
  shape(
    'an OpenAI project key',
    '--llm',
    'sk-proj-FAKE_proj-key0123456789abcdefghijKLMNOPQRST_uvwxyz-0123',
    ['FAKE_proj-key0123456789', 'abcdefghijKLMNOPQRST'],
  ),
  shape(
    'an OpenAI key',
    '--llm',
    'sk-FAKE0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH',
    ['FAKE0123456789abcdefghij', 'klmnopqrstuvwxyzABCDEFGH'],
  ),
  shape(
    'a Google API key',
    '--maps',
    'AIzaSyFAKE-key_ForTests0nly0123456789ab',
    ['SyFAKE-key_ForTests0nly0123456789ab'],
  ),
  shape(
    'a URL with a password and no user',
    '--cache',
    'redis://:p4ssW0rd@redis:6379/0',
    ['p4ssW0rd'],
  ),
  shape(
    'a PEM private key',
    '--tls',
    `-----BEGIN PRIVATE KEY-----\n${PEM_LINES.join(
      '\n',
    )}\n-----END PRIVATE KEY-----`,
    PEM_LINES,
  ),
  shape(
    'a PEM private key with escaped newlines',
    '--tls-json',
    `{"pem": "-----BEGIN RSA PRIVATE KEY-----\\n${PEM_LINES.join(
      '\\n',
    )}\\n-----END RSA PRIVATE KEY-----\\n"}`,
    PEM_LINES,
  ),
  shape(
    'a password after its name and a space',
    '--jdbc-opts',
    'db.user etl db.password hunter2 db.pool 4',
    ['hunter2'],
  ),
  shape(
    'a connection-string password with a space',
    '--conn',
    'Server=db;Password=p@ss word;Database=sales',
    ['p@ss', ' word;'],
  ),
  shape(
    'a JSON password with an escaped quote',
    '--options',
    '{"password":"s3cr\\" et!x"}',
    ['s3cr', 'et!x'],
  ),
  keyShape(
    'a webhook URL key',
    '--webhook-url',
    'https://alerts.example.com/in/FakeHookPath0123',
    ['FakeHookPath0123'],
    'POST to webhook_url=https://alerts.example.com/in/FakeHookPath0123 failed',
  ),
  keyShape(
    'a hook key',
    '--slack-hook',
    'https://chat.example.com/T0/B0/FakeSlackHook0123',
    ['FakeSlackHook0123'],
    'bad --slack-hook https://chat.example.com/T0/B0/FakeSlackHook0123 given',
  ),
  keyShape(
    'a DSN key',
    '--sentry-dsn',
    'https://k3yPartFake@errors.example.com/7',
    ['k3yPartFake'],
    'reporting to sentry.dsn: https://k3yPartFake@errors.example.com/7 failed',
  ),
  shape(
    'a Sentry DSN',
    '--errors',
    'https://abc123fakedsn@o1.ingest.sentry.io/1',
    ['abc123fakedsn'],
  ),
];
