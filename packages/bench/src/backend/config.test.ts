import { BENCH_CATALOG_KINDS, benchBackendConfig } from './config';

describe('benchBackendConfig', () => {
  const database = { client: 'better-sqlite3', connection: ':memory:' };

  it('listens on loopback, without a token, an account or extra keys', () => {
    expect(benchBackendConfig({ port: 7007, database })).toStrictEqual({
      backend: {
        baseUrl: 'http://127.0.0.1:7007',
        listen: { port: 7007, host: '127.0.0.1' },
        database,
        auth: { dangerouslyDisableDefaultAuthPolicy: true },
      },
      catalog: { rules: [{ allow: BENCH_CATALOG_KINDS }] },
    });
  });

  it('adds the token, the account, the kinds, the catalog and the extra keys', () => {
    expect(
      benchBackendConfig({
        port: 7007,
        database,
        externalAccess: { token: 'tok', subject: 'bench-test' },
        awsAccount: { accountId: '100000000001' },
        catalogKinds: ['Component'],
        catalog: { locations: [{ type: 'file', target: '/org.yaml' }] },
        extra: { awsGlue: { endpoint: 'http://127.0.0.1:1' } },
      }),
    ).toStrictEqual({
      backend: {
        baseUrl: 'http://127.0.0.1:7007',
        listen: { port: 7007, host: '127.0.0.1' },
        database,
        auth: {
          dangerouslyDisableDefaultAuthPolicy: true,
          externalAccess: [
            {
              type: 'static',
              options: { token: 'tok', subject: 'bench-test' },
            },
          ],
        },
      },
      aws: {
        accounts: [
          {
            accountId: '100000000001',
            accessKeyId: '100000000001',
            secretAccessKey: 'x',
          },
        ],
      },
      catalog: {
        rules: [{ allow: ['Component'] }],
        locations: [{ type: 'file', target: '/org.yaml' }],
      },
      awsGlue: { endpoint: 'http://127.0.0.1:1' },
    });
  });

  it('takes the secret, and gives each config its own kinds list', () => {
    const config = benchBackendConfig({
      port: 1,
      database,
      awsAccount: { accountId: '1', secretAccessKey: 'drill' },
    }) as any;
    expect(config.aws.accounts[0].secretAccessKey).toBe('drill');
    expect(config.catalog.rules[0].allow).not.toBe(BENCH_CATALOG_KINDS);
  });
});
