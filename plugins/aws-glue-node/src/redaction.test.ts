import {
  ArgumentRedactor,
  DEFAULT_REDACTION_KEY_PATTERNS,
  DEFAULT_REDACTION_VALUE_PATTERNS,
  REDACTED,
  withoutUserInfo,
} from './redaction';
import { SECRET_SHAPES } from './testUtils';

describe('ArgumentRedactor.withDefaults', () => {
  const redactor = ArgumentRedactor.withDefaults();

  it.each([
    // secret keys
    ['--password', 'hunter2'],
    ['--db-password', 'hunter2'],
    ['--DB_PASSWORD', 'hunter2'],
    ['--passwd', 'hunter2'],
    ['--pwd', 'hunter2'],
    ['--db.pwd', 'hunter2'],
    ['--secret', 'abc'],
    ['--client-secret', 'abc'],
    ['--token', 'abc123'],
    ['--api-token', 'abc123'],
    ['--api-key', 'abc123'],
    ['--apikey', 'abc123'],
    ['--API_KEY', 'abc123'],
    ['--access_key', 'abc123'],
    ['--aws-access-key', 'abc123'],
    ['--private-key', 'abc123'],
    ['--key', 'abc123'],
    ['--credential', 'abc123'],
    ['--credentials', 'abc123'],
    ['--auth', 'abc123'],
    ['--auth-header', 'abc123'],
    ['--webhook-url', 'https://alerts.example.com/in/x'],
    ['--teams_webhook', 'https://alerts.example.com/in/x'],
    ['--slack-hook', 'https://chat.example.com/x'],
    ['--hook.url', 'https://chat.example.com/x'],
    ['--sentry-dsn', 'https://k@errors.example.com/1'],
    ['--dsn', 'https://k@errors.example.com/1'],
    // secret values, whatever the key
    ['--jdbc-url', 'jdbc:postgresql://user:pw@host/db'],
    ['--conn', 'jdbc:mysql://admin:s3cr3t@db.example.com:3306/sales'],
    ['--connection-string', 'Server=db;Database=sales;password=x;'],
    ['--odbc', 'DSN=sales;UID=etl;PWD=x;'],
    ['--aws-id', 'AKIAIOSFODNN7EXAMPLE'],
    ['--temp-id', 'ASIAIOSFODNN7EXAMPLE'],
    ['--blob', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['--header', 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig'],
    ['--pem', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...'],
    ['--pgp', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOY...'],
    ['--cache', 'redis://:p4ss@redis:6379'],
    ['--header', 'Proxy-Authorization: Basic dXNlcjpwYXNz'],
    ['--x', 'whsec_FAKEfakeFAKEfakeFAKEfake0123'],
    ['--x', 'rk_live_FAKEfakeFAKEfake0123'],
    ['--x', 'sk-ant-api03-FAKEfakeFAKEfake0123-abc'],
    ['--x', 'xapp-1-A0FAKE-1234567890-abcdef'],
    ['--x', 'gho_FAKEfakeFAKEfakeFAKEfakeFAKEfake0123'],
  ])('redacts %j = %j', (key, value) => {
    expect(redactor.isSecret(key, value)).toBe(true);
    expect(redactor.redact({ [key]: value })).toEqual({ [key]: REDACTED });
  });

  it.each([
    ['--input', 's3://freshers-in/input-data/'],
    ['--output', 's3://freshers-in/output-data/'],
    ['--job-bookmark-option', 'job-bookmark-enable'],
    ['--partition-keys', 'year,month,day'],
    ['--partition_key', 'dt'],
    ['--sort-keys', 'id'],
    ['--TempDir', 's3://aws-glue-assets-123456789012-us-east-1/temporary/'],
    ['--enable-metrics', 'true'],
    ['--enable-continuous-cloudwatch-log', 'true'],
    ['--job-language', 'python'],
    ['--dependency-param', 'value'],
    ['--source', 's3://freshers-in/landing/'],
    ['--target', 's3://datalake/warehouse/orders/daily/parquet/'],
    // 40 characters of [A-Za-z0-9/] after "s3:", like an AWS secret key
    ['--output-path', 's3://datalake/warehouse/orders/hourly/2024/'],
    ['--extra-py-files', 's3://freshers-in/libs/common.zip'],
    ['--conf', 'spark.sql.shuffle.partitions=200'],
    // look-alikes of the vendor token prefixes and the new key words
    ['--extra-py-files', 's3://libs/sk-learn-utils.zip'],
    ['--table', 'github_pats_summary'],
    ['--database', 'analytics_xoxo'],
    ['--label', 'skip-validation'],
    ['--model', 'sk-small'],
    ['--table', 'sk_live_orders'],
    ['--customer-driver-env-vars', 'AIza=1'],
    ['--description', 'Basic ETL job'],
    ['--hooked-on', 'phonics'],
    ['--dsname', 'sales'],
    ['--source', 'https://example.com/data.csv'],
    ['--source', 'https://user@example.com/data.csv'],
    ['--cache', 'redis://redis:6379/0'],
    ['--datalake-formats', 'hudi,delta,iceberg'],
    ['--enable-glue-datacatalog', 'true'],
    ['--conf', 'spark.authenticate=true'],
    ['--ca', '-----BEGIN CERTIFICATE-----\nMIIC...'],
    ['--run-id', `jr_${'0123456789abcdef'.repeat(4)}`],
  ])('keeps %j = %j', (key, value) => {
    expect(redactor.isSecret(key, value)).toBe(false);
    expect(redactor.redact({ [key]: value })).toEqual({ [key]: value });
  });

  it('redacts only the secret entries of a mixed set', () => {
    expect(
      redactor.redact({
        '--input': 's3://freshers-in/output-data',
        '--db-password': 'hunter2',
        '--job-bookmark-option': 'job-bookmark-enable',
        '--jdbc-url': 'jdbc:postgresql://etl:pw@db/sales',
      }),
    ).toEqual({
      '--input': 's3://freshers-in/output-data',
      '--db-password': REDACTED,
      '--job-bookmark-option': 'job-bookmark-enable',
      '--jdbc-url': REDACTED,
    });
  });

  it('returns undefined for undefined and does not mutate its input', () => {
    expect(redactor.redact(undefined)).toBeUndefined();
    const args = { '--password': 'hunter2' };
    const result = redactor.redact(args);
    expect(args).toEqual({ '--password': 'hunter2' });
    expect(result).not.toBe(args);
  });

  it('is stateless across calls (no lastIndex carry-over)', () => {
    for (let i = 0; i < 3; i++) {
      expect(redactor.isSecret('--token', 'x')).toBe(true);
      expect(redactor.isSecret('--input', 's3://a/b/')).toBe(false);
    }
  });
});

describe('ArgumentRedactor with custom patterns', () => {
  it('adds key and value patterns, case-insensitively', () => {
    const redactor = new ArgumentRedactor({
      keyPatterns: [...DEFAULT_REDACTION_KEY_PATTERNS, '^--customer-ssn$'],
      valuePatterns: [...DEFAULT_REDACTION_VALUE_PATTERNS, '^sk_live_'],
    });
    expect(redactor.isSecret('--CUSTOMER-SSN', '123')).toBe(true);
    expect(redactor.isSecret('--x', 'SK_LIVE_abc')).toBe(true);
    expect(redactor.isSecret('--x', 'sk_test_abc')).toBe(false);
  });

  it('redacts nothing with no patterns', () => {
    const redactor = new ArgumentRedactor({
      keyPatterns: [],
      valuePatterns: [],
    });
    expect(redactor.redact({ '--password': 'x' })).toEqual({
      '--password': 'x',
    });
  });
});

describe('ArgumentRedactor.withExtraPatterns and redactText', () => {
  const redactor = ArgumentRedactor.withExtraPatterns({
    keyPatterns: ['^--internal-'],
    valuePatterns: ['corp-[0-9]{4}'],
  });

  it('adds the extra patterns to the defaults', () => {
    expect(
      redactor.redact({
        '--internal-id': 'x',
        '--db-password': 'y',
        '--tag': 'corp-1234',
        '--input': 's3://b/p/',
      }),
    ).toEqual({
      '--internal-id': REDACTED,
      '--db-password': REDACTED,
      '--tag': REDACTED,
      '--input': 's3://b/p/',
    });
  });

  it('redacts secret-looking values inside free text', () => {
    expect(
      redactor.redactText(
        'Connect to jdbc:postgresql://admin:pw@db/prod failed (corp-9876)',
      ),
    ).toBe('Connect to jdbc:<redacted>db/prod failed (<redacted>)');
  });
});

describe('secret shapes that once got past redaction', () => {
  const redactor = ArgumentRedactor.withDefaults();
  const shapes = SECRET_SHAPES.map(shape => [shape.name, shape] as const);

  it.each(shapes)('redacts %s as an argument', (_, shape) => {
    expect(redactor.isSecret(shape.key, shape.value)).toBe(true);
    expect(redactor.redact({ [shape.key]: shape.value })).toEqual({
      [shape.key]: REDACTED,
    });
  });

  it.each(shapes)('redacts %s in free text', (_, shape) => {
    const text = redactor.redactText(shape.text);
    for (const secret of shape.secrets) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain(REDACTED);
  });

  it.each([
    [
      'Server=db;User Id=etl;Password: hunter2;',
      'Server=db;User Id=etl;Password: <redacted>;',
    ],
    ['Password = hunter2', 'Password = <redacted>'],
    [
      '{"user": "etl", "password": "hunter2"}',
      '{"user": "etl", "password": <redacted>}',
    ],
    [
      '--conf spark.hadoop.fs.s3a.secret.key=abc123 --conf spark.x=1',
      '--conf spark.hadoop.fs.s3a.secret.key=<redacted> --conf spark.x=1',
    ],
    [
      'spark.hadoop.fs.azure.account.key.acct.blob.core.windows.net=c2VjcmV0a2V5c2VjcmV0a2V5',
      'spark.hadoop.fs.azure.account.key.acct.blob.core.windows.net=<redacted>',
    ],
    [
      'POST https://hooks.slack.com/services/T0123ABCD/B0123ABCD/abcdefghijklmnopqrstuvwx failed',
      'POST https://hooks.slack.com/<redacted> failed',
    ],
    [
      'Reading s3://user:pa/ss@bucket/x/ failed',
      'Reading <redacted>bucket/x/ failed',
    ],
    [
      'GET https://bucket.s3.amazonaws.com/k?X-Amz-Signature=abcdef0123&X-Amz-Date=20240101',
      'GET https://bucket.s3.amazonaws.com/k?X-Amz-Signature=<redacted>&X-Amz-Date=20240101',
    ],
    [
      "curl -H 'Authorization: Basic dXNlcjpwYXNz' https://api.example.com/x",
      "curl -H 'Authorization: <redacted>' https://api.example.com/x",
    ],
    [
      'authorization=Token abc123def456 (refused)',
      'authorization=<redacted> (refused)',
    ],
    ['{"Authorization": "Bearer x.y.z"}', '{"Authorization": <redacted>}'],
    [
      'Connecting to redis://:p4ss@redis:6379/0 failed',
      'Connecting to <redacted>redis:6379/0 failed',
    ],
    [
      'key: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\nthen more',
      'key: <redacted>\nthen more',
    ],
    [
      'db.user etl db.password hunter2 db.pool 4',
      'db.user etl db.password <redacted> db.pool 4',
    ],
    [
      'glue --db-password hunter2 --input s3://raw/',
      'glue --db-password <redacted> --input s3://raw/',
    ],
    [
      'Server=db;Password=p@ss word;Database=sales',
      'Server=db;Password=<redacted>;Database=sales',
    ],
    ['Pwd={p;ss w};Uid=etl', 'Pwd=<redacted>;Uid=etl'],
    [
      '{"password":"s3cr\\" et!x","user":"etl"}',
      '{"password":<redacted>,"user":"etl"}',
    ],
    [
      '{\\"password\\": \\"a \\\\\\" b\\", \\"user\\": \\"etl\\"}',
      '{\\"password\\": <redacted>, \\"user\\": \\"etl\\"}',
    ],
    [
      'POST webhook_url=https://alerts.example.com/in/x failed',
      'POST webhook_url=<redacted> failed',
    ],
    [
      '--slack-hook https://chat.example.com/x --input s3://raw/',
      '--slack-hook <redacted> --input s3://raw/',
    ],
    [
      'Sentry: https://abc123@o1.ingest.sentry.io/1 unreachable',
      'Sentry: https://<redacted>@o1.ingest.sentry.io/1 unreachable',
    ],
    ['token ghp_FAKE0tok3nForTests0nly0123456789abcd', 'token <redacted>'],
    // a message cut inside a quoted value
    [
      '{"user": "etl", "password": "hunter2',
      '{"user": "etl", "password": <redacted>',
    ],
  ])('keeps the names around a secret: %j', (text, expected) => {
    expect(redactor.redactText(text)).toBe(expected);
  });

  it.each([
    ['--conf', 'max_tokens=100'],
    ['--conf', 'tokenizer=standard'],
    ['--conf', 'partition_key=dt'],
    ['--conf', 'spark.sql.sort.key=id'],
    ['--conf', 'hoodie.datasource.write.recordkey.field=id'],
    ['--conf', 'hoodie.datasource.write.partitionpath.field=dt'],
    [
      '--conf',
      'spark.hadoop.fs.s3a.aws.credentials.provider=com.amazonaws.auth.DefaultAWSCredentialsProviderChain',
    ],
    ['--conf', 'spark.sql.sources.partitionOverwriteMode=dynamic'],
    ['--input', 's3://bucket/path/a@b/'],
    ['--input', 's3://bucket/path/a:b@c/'],
    ['--bypass-cache', 'true'],
    ['--compass', 'north'],
    ['--notify', 'https://hooks.example.com/services/x'],
    ['--docs', 'https://example.com/api/webhooks'],
  ])('keeps the look-alike %j = %j', (key, value) => {
    expect(redactor.isSecret(key, value)).toBe(false);
    expect(redactor.redactText(`${key}=${value}`)).toBe(`${key}=${value}`);
  });

  it.each([
    'KeyError: partition key: dt',
    'first pass: done',
    'Reading s3://bucket/path/a@b/ failed',
    'max_tokens=100 reached',
    'the token is missing',
    // ordinary Glue arguments on a command line
    '--job-bookmark-option job-bookmark-enable --enable-metrics --TempDir s3://aws-glue-assets-123456789012-us-east-1/temporary/',
    '--database sales_db --table orders_2024 --output s3://datalake/warehouse/orders/',
    '--extra-py-files s3://libs/sk-learn-utils.zip --datalake-formats iceberg',
    // prose around the new key words and prefixes
    'the password is wrong',
    'authorization failed for user etl',
    'Basic authentication is not enabled',
    'webhooks are off; the hook ran',
    'PEM file s3://certs/ca.pem holds no PRIVATE KEY',
    '-----BEGIN CERTIFICATE-----',
    'Reading https://user@example.com/data.csv failed',
    `Run jr_${'0123456789abcdef'.repeat(4)} failed`,
  ])('keeps the text %j', text => {
    expect(redactor.redactText(text)).toBe(text);
  });
});

describe('redaction time', () => {
  // Each of these took seconds to minutes with unbounded patterns (quadratic
  // backtracking); linear patterns need milliseconds.
  it.each([
    ['letters', 'a'.repeat(50_000)],
    ['spaces after a secret name', `password${' '.repeat(50_000)}x`],
    ['user-info without an @', 's3://u:p'.repeat(6_000)],
    ['a dotted name without a value', `account.key.${'a.'.repeat(25_000)}`],
    ['PEM headers', '-----BEGIN PRIVATE KEY-----!'.repeat(2_000)],
    [
      'a PEM body without an END',
      `-----BEGIN PRIVATE KEY-----${'a'.repeat(50_000)}`,
    ],
    ['escaped quotes in a JSON password', `password="${'\\"'.repeat(25_000)}`],
    ['a value with spaces and no ;', `password=${'a '.repeat(25_000)}`],
    ['an unclosed quoted value', `password: "${'a'.repeat(50_000)}`],
    ['unclosed quoted values', 'password: "a\\'.repeat(4_000)],
    ['Authorization names', 'Authorization: '.repeat(3_500)],
    ['URLs with user-info', 'https://x@'.repeat(5_000)],
    ['spaces after a qualified name', `db.password${' '.repeat(50_000)}x`],
    ['token prefixes', 'sk-ghp_xoxb-'.repeat(4_000)],
  ])('redacts 50,000 characters of %s quickly', (_, text) => {
    const redactor = ArgumentRedactor.withDefaults();
    const start = Date.now();
    redactor.redactText(text);
    redactor.isSecret('--x', text);
    expect(Date.now() - start).toBeLessThan(2_000);
  });
});

describe('withoutUserInfo', () => {
  it.each([
    ['s3://user:pa/ss@bucket/x/', 's3://bucket/x/'],
    [
      's3://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY@bucket/x/',
      's3://bucket/x/',
    ],
    ['s3a://etl_user:hunter2@freshers-in/raw/', 's3a://freshers-in/raw/'],
    ['s3://user@bucket/x/', 's3://bucket/x/'],
    ['s3://user:p@ss@bucket/x/', 's3://bucket/x/'],
    ['postgresql://etl:pa/ss@db:5432/sales', 'postgresql://db:5432/sales'],
    // no user-info: '/' before any ':' in the part up to the first '@'
    ['s3://bucket/path/a@b/', 's3://bucket/path/a@b/'],
    ['s3://bucket/path/a:b@c/', 's3://bucket/path/a:b@c/'],
    ['s3://bucket/x/', 's3://bucket/x/'],
    ['s3://bu cket:x@y/', 's3://bu cket:x@y/'],
    ['redis://:p4ss@redis:6379/0', 'redis://redis:6379/0'],
    ['not a uri user:pw@host', 'not a uri user:pw@host'],
  ])('%j -> %j', (uri, expected) => {
    expect(withoutUserInfo(uri)).toBe(expected);
  });
});

describe('the default value patterns’ shortcut', () => {
  // The redactor runs a default pattern only on texts that contain what
  // every match of it contains; on any text it must answer exactly as the
  // patterns alone do.
  const patterns = DEFAULT_REDACTION_VALUE_PATTERNS.map(p => ({
    test: new RegExp(p, 'i'),
    replace: new RegExp(p, 'gi'),
  }));
  const redactor = ArgumentRedactor.withDefaults();
  const fragments = [
    ...SECRET_SHAPES.flatMap(shape => [shape.value, shape.text]),
    'password',
    'Passwd',
    'pwd',
    'secret',
    'TOKEN',
    'credentials',
    'db_pass',
    'webhook_url',
    'hooks',
    'dsn',
    'Authorization',
    'access.key',
    'sort_key',
    'fs.azure.account.key.acct.blob.core.windows.net',
    'sas.c.acct.x',
    '?sig',
    '&X-Amz-Signature',
    '&key',
    'AKIA',
    'ASIA',
    'bearer ',
    'ghp_',
    'github_pat_',
    'glpat-',
    'xoxb-',
    'xapp-',
    'sk_live_',
    'whsec_',
    'sk-',
    'sk-proj-',
    'AIza',
    'https://',
    's3://',
    '@',
    'sentry',
    '.ingest.',
    'hooks.slack.com/',
    '.webhook.office.com/',
    'outlook.office.com/webhook/',
    'discord.com/api/webhooks/',
    '-----BEGIN RSA PRIVATE KEY-----',
    '-----END RSA PRIVATE KEY-----',
    '=',
    ': ',
    '"',
    "'",
    ';',
    ' ',
    '/',
    ':',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    '0123456789abcdefABCDEF+/',
    'abcdefghijklmnopqrstuvwxyz0123456789',
    's3://bucket/raw/2026/',
    'true',
  ];
  // a fixed seed: the same texts on every run
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const texts = Array.from({ length: 4000 }, () =>
    Array.from(
      { length: 1 + Math.floor(next() * 6) },
      () => fragments[Math.floor(next() * fragments.length)],
    ).join(next() < 0.5 ? '' : ' '),
  );

  it('decides isSecret as the patterns do', () => {
    let secrets = 0;
    for (const text of [...texts, ...fragments]) {
      const expected = patterns.some(p => p.test.test(text));
      if (expected) secrets += 1;
      expect([text, redactor.isSecret('--plain', text)]).toEqual([
        text,
        expected,
      ]);
    }
    // the texts exercise both answers
    expect(secrets).toBeGreaterThan(1000);
    expect(secrets).toBeLessThan(texts.length);
  });

  it('redacts text as the patterns do', () => {
    for (const text of [...texts, ...fragments]) {
      const expected = patterns.reduce(
        (result, p) => result.replace(p.replace, REDACTED),
        text,
      );
      expect([text, redactor.redactText(text)]).toEqual([text, expected]);
    }
  });
});
