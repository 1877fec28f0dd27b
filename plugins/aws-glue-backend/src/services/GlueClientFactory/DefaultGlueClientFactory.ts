import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GlueClient } from '@aws-sdk/client-glue';
import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import {
  AwsClientOptions,
  awsClientConfig,
  createGlueClient,
  credentialsForAccount,
} from '@aws-glue-backstage/plugin-aws-glue-node';
import { AwsGlueBackendConfig } from '../../lib/config';
import { GlueClientFactory, GlueClientTarget } from './GlueClientFactory';

/**
 * Options of {@link DefaultGlueClientFactory}.
 *
 * @public
 */
export interface DefaultGlueClientFactoryOptions {
  credentialsManager: AwsCredentialsManager;
  config: Pick<
    AwsGlueBackendConfig,
    'endpoint' | 'logsEndpoint' | 'maxAttempts' | 'timeouts'
  >;
}

/**
 * Creates Glue clients lazily, one per account x region, with credentials
 * from `aws.accounts` (`@backstage/integration-aws-node`) and the shared
 * client setup of `-node` (adaptive retries, timeouts, user agent).
 *
 * @public
 */
export class DefaultGlueClientFactory implements GlueClientFactory {
  private readonly clients = new Map<string, Promise<GlueClient>>();
  private readonly logsClients = new Map<
    string,
    Promise<CloudWatchLogsClient>
  >();

  static fromConfig(
    config: Config,
    pluginConfig: DefaultGlueClientFactoryOptions['config'],
  ): DefaultGlueClientFactory {
    return new DefaultGlueClientFactory({
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
      config: pluginConfig,
    });
  }

  constructor(private readonly options: DefaultGlueClientFactoryOptions) {}

  getClient(target: GlueClientTarget): Promise<GlueClient> {
    return this.cached(this.clients, target, async () =>
      createGlueClient(
        await this.clientOptions(target, this.options.config.endpoint),
      ),
    );
  }

  getLogsClient(target: GlueClientTarget): Promise<CloudWatchLogsClient> {
    return this.cached(
      this.logsClients,
      target,
      async () =>
        new CloudWatchLogsClient(
          awsClientConfig(
            await this.clientOptions(target, this.options.config.logsEndpoint),
          ),
        ),
    );
  }

  /** One client per account x region; a failure (no credentials for the account) is not cached. */
  private cached<T>(
    clients: Map<string, Promise<T>>,
    target: GlueClientTarget,
    create: () => Promise<T>,
  ): Promise<T> {
    const key = JSON.stringify([target.accountId, target.region]);
    let client = clients.get(key);
    if (!client) {
      client = create();
      clients.set(key, client);
      client.catch(() => clients.delete(key));
    }
    return client;
  }

  /** The one client setup (`-node`'s): credentials of the account, retries, timeouts, user agent. */
  private async clientOptions(
    target: GlueClientTarget,
    endpoint: string | undefined,
  ): Promise<AwsClientOptions> {
    const { config } = this.options;
    return {
      region: target.region,
      endpoint,
      credentials: await credentialsForAccount(
        this.options.credentialsManager,
        target.accountId,
      ),
      maxAttempts: config.maxAttempts,
      connectionTimeoutMs: config.timeouts.connectionMs,
      requestTimeoutMs: config.timeouts.requestMs,
      component: 'backend',
    };
  }
}
