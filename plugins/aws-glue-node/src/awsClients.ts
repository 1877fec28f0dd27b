import { GlueClient, GlueClientConfig } from '@aws-sdk/client-glue';
import { InputError } from '@backstage/errors';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import packageJson from '../package.json';

/**
 * The defaults of every AWS client these plugins make. Adaptive retries
 * back off on throttling across all calls of a client; ten attempts ride out
 * 30% throttling plus 5% server errors (the fault drills' figure).
 *
 * @public
 */
export const AWS_CLIENT_DEFAULTS = {
  maxAttempts: 10,
  /** Establishing a connection. */
  connectionTimeoutMs: 3_000,
  /** One attempt's request and response, after the connection. */
  requestTimeoutMs: 15_000,
} as const;

/**
 * How an AWS client of these plugins is set up.
 *
 * @public
 */
export interface AwsClientOptions {
  region: string;
  /** An endpoint instead of AWS's (the emulator, a VPC endpoint). */
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Which package calls, for the user agent: e.g. `catalog` or `backend`. */
  component: string;
}

/**
 * The SDK config of an AWS client (Glue, the tagging API, CloudWatch Logs,
 * ...): one retry policy, timeouts on the connection and on every attempt
 * (the SDK's defaults have none: a stuck socket waits forever), and a user
 * agent with this package's version.
 *
 * @public
 */
export function awsClientConfig(options: AwsClientOptions) {
  return {
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? AWS_CLIENT_DEFAULTS.maxAttempts,
    customUserAgent: [
      ['aws-glue-backstage', packageJson.version],
      [`aws-glue-backstage-${options.component}`],
    ] as [string, string?][],
    requestHandler: new NodeHttpHandler({
      connectionTimeout:
        options.connectionTimeoutMs ?? AWS_CLIENT_DEFAULTS.connectionTimeoutMs,
      requestTimeout:
        options.requestTimeoutMs ?? AWS_CLIENT_DEFAULTS.requestTimeoutMs,
      throwOnRequestTimeout: true,
    }),
  } satisfies GlueClientConfig;
}

/**
 * A Glue client of these plugins (see {@link awsClientConfig}).
 *
 * @public
 */
export function createGlueClient(options: AwsClientOptions): GlueClient {
  return new GlueClient(awsClientConfig(options));
}

/**
 * The SDK credentials of an account from `aws.accounts`
 * (`@backstage/integration-aws-node`); an `InputError` naming the account
 * when none is configured for it.
 *
 * @public
 */
export async function credentialsForAccount(
  manager: AwsCredentialsManager,
  accountId: string,
): Promise<AwsCredentialIdentityProvider> {
  try {
    const { sdkCredentialProvider } = await manager.getCredentialProvider({
      accountId,
    });
    return sdkCredentialProvider;
  } catch (error) {
    throw new InputError(
      `No AWS credentials for account ${accountId}: add it under aws.accounts in the backend config (${
        (error as Error).message
      })`,
    );
  }
}

/**
 * An abort signal for one call: aborted at `deadlineMs` from now, or when
 * `parent` (a task's or a request's signal) aborts, whichever comes first.
 * Pass it as the SDK's `abortSignal`, so that retries stop at the deadline
 * too.
 *
 * @public
 */
export function deadlineSignal(
  deadlineMs: number,
  parent?: AbortSignal,
): AbortSignal {
  const timeout = AbortSignal.timeout(deadlineMs);
  return parent ? AbortSignal.any([parent, timeout]) : timeout;
}
