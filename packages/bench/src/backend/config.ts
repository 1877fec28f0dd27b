/*
 * The config of a bench backend (what `backendWorker` starts), in the part
 * every section and drill writes the same way: listening on loopback, the
 * default auth policy off (optionally one static external-access token),
 * the emulated Glue account under `aws.accounts`, and the catalog rules.
 * The rest (catalog providers and locations, `awsGlue`, `events`, ...) is
 * the caller's.
 */
import type { JsonObject } from '@backstage/types';

/** The kinds the catalog accepts: the Glue module's, and an org's (Group, User). */
export const BENCH_CATALOG_KINDS = [
  'Component',
  'System',
  'Resource',
  'Location',
  'Group',
  'User',
];

export interface BenchBackendConfigOptions {
  port: number;
  database: JsonObject;
  /** A static external-access token, and the subject its calls are logged as. */
  externalAccess?: { token: string; subject: string };
  /**
   * The emulated account: its id is also the access key id (the emulator
   * reads the account from it); the secret is a dummy (default `x`).
   * Without it, no `aws` key.
   */
  awsAccount?: { accountId: string; secretAccessKey?: string };
  /** The kinds `catalog.rules` allows (default BENCH_CATALOG_KINDS). */
  catalogKinds?: string[];
  /** The rest of `catalog` (providers, locations). */
  catalog?: JsonObject;
  /** Other top-level keys (`app`, `awsGlue`, `events`, `permission`, ...). */
  extra?: JsonObject;
}

export function benchBackendConfig(
  options: BenchBackendConfigOptions,
): JsonObject {
  const { port, externalAccess, awsAccount } = options;
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { port, host: '127.0.0.1' },
      database: options.database,
      auth: {
        dangerouslyDisableDefaultAuthPolicy: true,
        ...(externalAccess
          ? {
              externalAccess: [
                {
                  type: 'static',
                  options: {
                    token: externalAccess.token,
                    subject: externalAccess.subject,
                  },
                },
              ],
            }
          : {}),
      },
    },
    ...(awsAccount
      ? {
          aws: {
            accounts: [
              {
                accountId: awsAccount.accountId,
                accessKeyId: awsAccount.accountId,
                secretAccessKey: awsAccount.secretAccessKey ?? 'x',
              },
            ],
          },
        }
      : {}),
    catalog: {
      rules: [{ allow: [...(options.catalogKinds ?? BENCH_CATALOG_KINDS)] }],
      ...options.catalog,
    },
    ...options.extra,
  };
}
