import { createRedactor } from './redaction';

describe('createRedactor', () => {
  const redactor = createRedactor({
    keyPatterns: ['^--conn'],
    valuePatterns: ['sk_live_[a-z0-9]+'],
  });

  it('redacts by the default and configured patterns', () => {
    expect(
      redactor.redactArguments({
        '--input': 's3://bucket/in/',
        '--db-password': 'hunter2',
        '--api-key': 'abc',
        '--connstring': 'plain',
        '--stripe': 'sk_live_abc123',
        '--jdbc': 'jdbc:postgresql://app:s3cret@db:5432/x',
        '--partition-keys': 'year,month',
      }),
    ).toEqual({
      '--input': 's3://bucket/in/',
      '--db-password': '<redacted>',
      '--api-key': '<redacted>',
      '--connstring': '<redacted>',
      '--stripe': '<redacted>',
      '--jdbc': '<redacted>',
      '--partition-keys': 'year,month',
    });
    expect(redactor.redactArguments(undefined)).toEqual({});
  });

  it('redacts secrets inside free text and keeps the rest', () => {
    expect(
      redactor.redactText(
        'Connection to jdbc:postgresql://app:s3cret@db:5432/x failed with AKIAABCDEFGHIJKLMNOP; path s3://bucket/in/ missing',
      ),
    ).toBe(
      'Connection to jdbc:<redacted>db:5432/x failed with <redacted>; path s3://bucket/in/ missing',
    );
    expect(redactor.redactText('KeyError: --dependency-param')).toBe(
      'KeyError: --dependency-param',
    );
    expect(
      redactor.redactText(
        'run jr_5c9a1f0e4b6d8a2c3e7f9b1d0a4c6e8f2b3d5a7c9e1f3b5d7a9c1e3f5b7d9a1c failed',
      ),
    ).toBe(
      'run jr_5c9a1f0e4b6d8a2c3e7f9b1d0a4c6e8f2b3d5a7c9e1f3b5d7a9c1e3f5b7d9a1c failed',
    );
  });
});
