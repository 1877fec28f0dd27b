import { ConfigReader } from '@backstage/config';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import nodePackage from '@aws-glue-backstage/plugin-aws-glue-node/package.json';
import { DefaultGlueClientFactory } from './DefaultGlueClientFactory';

describe('DefaultGlueClientFactory', () => {
  const credentialsManager = (): jest.Mocked<AwsCredentialsManager> => ({
    getCredentialProvider: jest.fn(async ({ accountId } = {}) => ({
      accountId,
      sdkCredentialProvider: async () => ({
        accessKeyId: accountId ?? 'none',
        secretAccessKey: 'x',
      }),
    })),
  });

  it('makes one client per account and region, lazily', async () => {
    const manager = credentialsManager();
    const factory = new DefaultGlueClientFactory({
      credentialsManager: manager,
      config: {
        endpoint: 'http://127.0.0.1:4599',
        maxAttempts: 2,
        timeouts: { connectionMs: 1_000, requestMs: 2_000, callMs: 5_000 },
      },
    });
    expect(manager.getCredentialProvider).not.toHaveBeenCalled();
    const [a, b, c] = await Promise.all([
      factory.getClient({ accountId: '111111111111', region: 'us-east-1' }),
      factory.getClient({ accountId: '111111111111', region: 'us-east-1' }),
      factory.getClient({ accountId: '111111111111', region: 'eu-west-1' }),
    ]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(manager.getCredentialProvider).toHaveBeenCalledTimes(2);
    expect(manager.getCredentialProvider).toHaveBeenCalledWith({
      accountId: '111111111111',
    });
    expect(await a.config.region()).toBe('us-east-1');
    expect(await c.config.region()).toBe('eu-west-1');
    expect(await a.config.maxAttempts()).toBe(2);
    // one retry policy and user agent for every client of the plugins (-node)
    expect(a.config.retryMode).toBe('adaptive');
    expect(a.config.customUserAgent).toEqual([
      ['aws-glue-backstage', nodePackage.version],
      ['aws-glue-backstage-backend'],
    ]);
    // the connection and each attempt have a timeout
    const handler = a.config.requestHandler as any;
    expect(await handler.configProvider).toMatchObject({
      connectionTimeout: 1_000,
      requestTimeout: 2_000,
      throwOnRequestTimeout: true,
    });
    const endpoint = await a.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe(
      'http://127.0.0.1:4599',
    );
    expect(await a.config.credentials()).toMatchObject({
      accessKeyId: '111111111111',
    });
  });

  it('names the account when it has no credentials, and tries again later', async () => {
    const manager = credentialsManager();
    manager.getCredentialProvider.mockRejectedValueOnce(
      new Error('no such account'),
    );
    const factory = new DefaultGlueClientFactory({
      credentialsManager: manager,
      config: {
        maxAttempts: 3,
        timeouts: { connectionMs: 1_000, requestMs: 2_000, callMs: 5_000 },
      },
    });
    const error = await factory
      .getClient({ accountId: '222222222222', region: 'us-east-1' })
      .catch(e => e);
    // a 400 saying which account, not a 500
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'No AWS credentials for account 222222222222: add it under aws.accounts in the backend config (no such account)',
    );
    await expect(
      factory.getClient({ accountId: '222222222222', region: 'us-east-1' }),
    ).resolves.toBeDefined();
  });

  it('reads aws.accounts from config', async () => {
    const factory = DefaultGlueClientFactory.fromConfig(
      new ConfigReader({
        aws: {
          accounts: [
            {
              accountId: '123456789012',
              accessKeyId: 'AKIDEXAMPLE',
              secretAccessKey: 'x',
            },
          ],
        },
      }),
      {
        maxAttempts: 3,
        timeouts: { connectionMs: 1_000, requestMs: 2_000, callMs: 5_000 },
      },
    );
    const client = await factory.getClient({
      accountId: '123456789012',
      region: 'us-east-1',
    });
    expect(await client.config.credentials()).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
    });
    expect(await client.config.maxAttempts()).toBe(3);
  });
});
