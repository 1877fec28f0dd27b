import {
  ArgumentRedactor,
  DEFAULT_REDACTION_KEY_PATTERNS,
  DEFAULT_REDACTION_VALUE_PATTERNS,
  REDACTED,
} from './redaction';

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
