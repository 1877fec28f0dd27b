import { Config } from '@backstage/config';

/**
 * Where the AWS Glue catalog module's providers are configured: one provider
 * (`accountId` directly under it, id `default`) or a record keyed by id.
 *
 * @public
 */
export const AWS_GLUE_PROVIDERS_CONFIG_ROOT = 'catalog.providers.awsGlue';

/**
 * One configured provider, before validation.
 *
 * @public
 */
export interface AwsGlueProviderEntry {
  id: string;
  /** Its config path, for error messages. */
  path: string;
  config: Config;
}

/**
 * One account x region a provider reads: each is its own entity provider,
 * with its own schedule and its own full mutation.
 *
 * @public
 */
export interface AwsGlueProviderUnit {
  id: string;
  accountId: string;
  region: string;
  /** The entity provider's name, see {@link awsGlueProviderName}. */
  providerName: string;
}

/**
 * The configured providers, in config order.
 *
 * @public
 */
export function readAwsGlueProviderEntries(
  config: Config,
): AwsGlueProviderEntry[] {
  const root = config.getOptionalConfig(AWS_GLUE_PROVIDERS_CONFIG_ROOT);
  if (!root) {
    return [];
  }
  if (root.has('accountId')) {
    return [
      { id: 'default', path: AWS_GLUE_PROVIDERS_CONFIG_ROOT, config: root },
    ];
  }
  return root.keys().map(id => ({
    id,
    path: `${AWS_GLUE_PROVIDERS_CONFIG_ROOT}.${id}`,
    config: root.getConfig(id),
  }));
}

/**
 * The name of the entity provider that syncs one account x region of a
 * configured provider: `AwsGlueEntityProvider:<id>:<region>`.
 *
 * @public
 */
export function awsGlueProviderName(id: string, region: string): string {
  return `AwsGlueEntityProvider:${id}:${region}`;
}

/**
 * Every account x region the configured providers read. Lenient: the
 * catalog module validates the same config at start-up and fails there; a
 * provider without an account or regions simply has no units here.
 *
 * @public
 */
export function readAwsGlueProviderUnits(
  config: Config,
): AwsGlueProviderUnit[] {
  return readAwsGlueProviderEntries(config).flatMap(entry => {
    const accountId = entry.config.getOptionalString('accountId');
    const regions = entry.config.getOptionalStringArray('regions') ?? [];
    return accountId
      ? regions.map(region => ({
          id: entry.id,
          accountId,
          region,
          providerName: awsGlueProviderName(entry.id, region),
        }))
      : [];
  });
}
