/*
 * Secret shapes that once got past redaction, for tests only: the one table
 * the node library's, the catalog module's and the backend plugin's tests
 * check every surface with (`@aws-glue-backstage/plugin-aws-glue-node/testUtils`).
 */

/** A secret as it appears in a Glue argument and in free text. */
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
];
