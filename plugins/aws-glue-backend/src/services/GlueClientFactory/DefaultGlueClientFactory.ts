import { GlueClient } from '@aws-sdk/client-glue';
import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { GlueClientFactory, GlueClientTarget } from './GlueClientFactory';

/** The user agent suffix of this plugin's Glue calls. */
export const USER_AGENT: [string, string] = [
  'backstage-plugin-aws-glue-backend',
  '0.1.0',
];

/** Options of {@link DefaultGlueClientFactory}. */
export interface DefaultGlueClientFactoryOptions {
  credentialsManager: AwsCredentialsManager;
  /** A Glue endpoint to use instead of AWS's (the emulator, a VPC endpoint). */
  endpoint?: string;
  /** SDK attempts per call, including the first (default 3). */
  maxAttempts?: number;
}

/**
 * Creates Glue clients lazily, one per account x region, with credentials
 * from `aws.accounts` (`@backstage/integration-aws-node`), standard retries
 * and this plugin's user agent.
 */
export class DefaultGlueClientFactory implements GlueClientFactory {
  private readonly clients = new Map<string, Promise<GlueClient>>();

  static fromConfig(
    config: Config,
    options: { endpoint?: string; maxAttempts?: number },
  ): DefaultGlueClientFactory {
    return new DefaultGlueClientFactory({
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
      ...options,
    });
  }

  constructor(private readonly options: DefaultGlueClientFactoryOptions) {}

  getClient(target: GlueClientTarget): Promise<GlueClient> {
    const key = `${target.accountId}/${target.region}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.createClient(target);
      this.clients.set(key, client);
      // A failure (no credentials for the account) is not cached.
      client.catch(() => this.clients.delete(key));
    }
    return client;
  }

  private async createClient(target: GlueClientTarget): Promise<GlueClient> {
    let credentials;
    try {
      credentials = await this.options.credentialsManager.getCredentialProvider(
        { accountId: target.accountId },
      );
    } catch (error) {
      throw new Error(
        `No AWS credentials for account ${
          target.accountId
        }; configure it under aws.accounts: ${(error as Error).message}`,
      );
    }
    return new GlueClient({
      region: target.region,
      endpoint: this.options.endpoint,
      credentials: credentials.sdkCredentialProvider,
      customUserAgent: [USER_AGENT],
      retryMode: 'standard',
      maxAttempts: this.options.maxAttempts ?? 3,
    });
  }
}
