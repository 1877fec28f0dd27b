import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  DEFAULT_INPUT_ARGUMENT_PATTERNS,
  DEFAULT_OUTPUT_ARGUMENT_PATTERNS,
  LineageOptions,
} from '../lib/lineage';
import { defaultNameTemplate, validateNameTemplate } from '../lib/naming';
import {
  isOwnerRef,
  normalizeOwnerRef,
  OwnershipOptions,
  OwnershipRule,
} from '../lib/ownership';
import {
  ArgumentRedactor,
  invalidConfig,
  readHttpUrl,
  readRegExpList,
} from '@aws-glue-backstage/plugin-aws-glue-node';
import {
  AWS_CLIENT_DEFAULTS,
  AWS_GLUE_PROVIDERS_CONFIG_ROOT,
  readAwsGlueProviderEntries,
} from '@aws-glue-backstage/plugin-aws-glue-node';
import { DEFAULT_MAX_PAGES, DEFAULT_TAGGING_CONCURRENCY } from './GlueReader';
import { awsPartitionOf } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ResourceFilters } from '../lib/filters';
import { DEFAULT_SYNC_TIMEOUT } from './syncTimeout';

/** The config root of this module's providers. */
export const CONFIG_ROOT = AWS_GLUE_PROVIDERS_CONFIG_ROOT;

/**
 * One configured provider: an account and its regions, with mapping options.
 *
 * @public
 */
export interface AwsGlueProviderConfig {
  /** The provider id: the key under `catalog.providers.awsGlue`. */
  id: string;
  /** Its config path, for messages. */
  path: string;
  accountId: string;
  regions: string[];
  /** The AWS partition, from the regions (`aws`, `aws-cn`, `aws-us-gov`). */
  partition: string;
  endpoint?: string;
  schedule?: SchedulerServiceTaskScheduleDefinition;
  namespace: string;
  nameTemplate: string;
  filters: ResourceFilters;
  ownership: OwnershipOptions;
  lifecycle: { tagKey: string; defaultValue: string };
  system: { tagKey: string };
  workflowsAsSystems: boolean;
  lineage: LineageOptions;
  redactor: ArgumentRedactor;
  /** The largest share (0..1) of one unit's entities a single sync may remove. */
  maxRemovalShare: number;
  /** SDK max attempts per call (adaptive retry). */
  maxAttempts: number;
  /** Pages one listing may take before the sync fails. */
  maxPages: number;
  /** Tagging API calls by ARN list in flight at once. */
  taggingConcurrency: number;
}

function fail(path: string, problem: string): never {
  throw invalidConfig(path, problem);
}

/** Compiled regular expressions at `key`, each checked (with the path in the error). */
function readPatterns(config: Config, key: string, path: string): RegExp[] {
  return readRegExpList(config, key, `${path}.${key}`, '').map(
    pattern => new RegExp(pattern),
  );
}

function readNameFilter(config: Config | undefined, path: string) {
  const filter = {
    include: config ? readPatterns(config, 'include', path) : [],
    exclude: config ? readPatterns(config, 'exclude', path) : [],
  };
  const both = filter.include
    .map(p => p.source)
    .filter(source => filter.exclude.some(e => e.source === source));
  if (both.length > 0) {
    fail(path, `pattern ${both[0]} is both included and excluded`);
  }
  return filter;
}

/** The account, its regions (one partition), and an optional endpoint. */
function readAccount(config: Config, path: string) {
  const accountId = config.getString('accountId');
  if (!/^\d{12}$/.test(accountId)) {
    fail(
      `${path}.accountId`,
      `expected a 12-digit AWS account id, got '${accountId}'`,
    );
  }
  const regions = readRegions(config, path);
  const endpoint = readHttpUrl(config, 'endpoint', `${path}.endpoint`);
  return {
    accountId,
    regions,
    partition: awsPartitionOf(regions[0]),
    endpoint,
  };
}

function readRegions(config: Config, path: string): string[] {
  const regions = config.getStringArray('regions');
  if (regions.length === 0) {
    fail(`${path}.regions`, 'list at least one region');
  }
  regions.forEach((region, index) => {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
      fail(
        `${path}.regions[${index}]`,
        `'${region}' is not an AWS region name`,
      );
    }
  });
  if (new Set(regions).size !== regions.length) {
    fail(`${path}.regions`, 'a region is listed twice');
  }
  const partitions = new Set(regions.map(awsPartitionOf));
  if (partitions.size > 1) {
    fail(
      `${path}.regions`,
      `regions from different partitions (${[...partitions].join(
        ', ',
      )}) need separate providers`,
    );
  }
  return regions;
}

function readSchedule(
  config: Config,
  path: string,
): SchedulerServiceTaskScheduleDefinition | undefined {
  if (!config.has('schedule')) {
    return undefined;
  }
  try {
    const schedule = config.getConfig('schedule');
    // Without a timeout: one sized for a quick takeover (see syncTimeout.ts).
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      schedule.has('timeout')
        ? schedule
        : new ConfigReader({
            ...schedule.get<JsonObject>(),
            timeout: { ...DEFAULT_SYNC_TIMEOUT },
          }),
    );
  } catch (error) {
    return fail(`${path}.schedule`, (error as Error).message);
  }
}

/** The namespace and the entity name template. */
function readNaming(
  config: Config,
  path: string,
  context: { multiRegion: boolean; multiAccount: boolean },
) {
  const namespace = config.getOptionalString('namespace') ?? 'default';
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(namespace) || namespace.length > 63) {
    fail(
      `${path}.namespace`,
      `'${namespace}' is not a valid namespace (lower-case letters, digits and single dashes)`,
    );
  }
  const nameTemplate =
    config.getOptionalString('entityNameTemplate') ??
    defaultNameTemplate(context);
  const templateProblem = validateNameTemplate(nameTemplate);
  if (templateProblem) {
    fail(`${path}.entityNameTemplate`, templateProblem);
  }
  return { namespace, nameTemplate };
}

function readFilters(config: Config, path: string): ResourceFilters {
  const filtersConfig = config.getOptionalConfig('filters');
  const requiredTags: Record<string, string> = {};
  const requiredTagsConfig = filtersConfig?.getOptionalConfig('requiredTags');
  for (const key of requiredTagsConfig?.keys() ?? []) {
    requiredTags[key] = requiredTagsConfig!.getString(key);
  }
  return {
    jobs: readNameFilter(
      filtersConfig?.getOptionalConfig('jobs'),
      `${path}.filters.jobs`,
    ),
    triggers: readNameFilter(
      filtersConfig?.getOptionalConfig('triggers'),
      `${path}.filters.triggers`,
    ),
    requiredTags,
  };
}

function readOwnershipRule(
  rule: Config,
  rulePath: string,
  namespace: string,
): OwnershipRule {
  const owner = normalizeOwnerRef(rule.getString('owner'), namespace);
  if (!owner) {
    fail(
      `${rulePath}.owner`,
      `'${rule.getString('owner')}' is not a user or group entity ref`,
    );
  }
  try {
    return { pattern: new RegExp(rule.getString('pattern')), owner };
  } catch (error) {
    return fail(
      `${rulePath}.pattern`,
      `not a valid regular expression: ${(error as Error).message}`,
    );
  }
}

function readOwnership(
  config: Config,
  path: string,
  namespace: string,
): OwnershipOptions {
  const ownershipConfig = config.getOptionalConfig('ownership');
  const defaultOwnerValue =
    ownershipConfig?.getOptionalString('defaultOwner') ??
    'group:default/unknown';
  const defaultOwner = normalizeOwnerRef(defaultOwnerValue, namespace);
  if (!defaultOwner || !isOwnerRef(defaultOwner)) {
    fail(
      `${path}.ownership.defaultOwner`,
      `'${defaultOwnerValue}' is not a user or group entity ref`,
    );
  }
  const rules = (ownershipConfig?.getOptionalConfigArray('rules') ?? []).map(
    (rule, index) =>
      readOwnershipRule(rule, `${path}.ownership.rules[${index}]`, namespace),
  );
  const tagKeys = ownershipConfig?.getOptionalStringArray('tagKeys') ?? [
    'owner',
    'team',
  ];
  return { tagKeys, rules, defaultOwner };
}

function readLineage(config: Config, path: string): LineageOptions {
  const lineageConfig = config.getOptionalConfig('lineage');
  const lineage: LineageOptions = {
    enabled: lineageConfig?.getOptionalBoolean('enabled') ?? true,
    inputArgumentPatterns:
      lineageConfig?.getOptionalStringArray('inputArguments') ??
      DEFAULT_INPUT_ARGUMENT_PATTERNS,
    outputArgumentPatterns:
      lineageConfig?.getOptionalStringArray('outputArguments') ??
      DEFAULT_OUTPUT_ARGUMENT_PATTERNS,
  };
  const overlap = lineage.inputArgumentPatterns.filter(p =>
    lineage.outputArgumentPatterns.includes(p),
  );
  if (overlap.length > 0) {
    fail(
      `${path}.lineage`,
      `argument pattern '${overlap[0]}' is listed as both input and output`,
    );
  }
  return lineage;
}

/** The default redaction patterns and the configured extra ones. */
function readRedaction(config: Config, path: string): ArgumentRedactor {
  const keyPatterns = readRegExpList(
    config,
    'redaction.keyPatterns',
    `${path}.redaction.keyPatterns`,
  );
  const valuePatterns = readRegExpList(
    config,
    'redaction.valuePatterns',
    `${path}.redaction.valuePatterns`,
  );
  return ArgumentRedactor.withExtraPatterns({ keyPatterns, valuePatterns });
}

/** The removal guard, the SDK's attempts, the pages per listing and the tagging calls in flight. */
function readLimits(config: Config, path: string) {
  const maxRemovalShare =
    config.getOptionalNumber('removalGuard.maxRemovalShare') ?? 0.5;
  if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
    fail(
      `${path}.removalGuard.maxRemovalShare`,
      `expected a share between 0 and 1, got ${maxRemovalShare}`,
    );
  }
  const maxAttempts =
    config.getOptionalNumber('maxAttempts') ?? AWS_CLIENT_DEFAULTS.maxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 20) {
    fail(
      `${path}.maxAttempts`,
      `expected a whole number from 1 to 20, got ${maxAttempts}`,
    );
  }
  const maxPages =
    config.getOptionalNumber('maxPagesPerListing') ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    fail(
      `${path}.maxPagesPerListing`,
      `expected a whole number of at least 1, got ${maxPages}`,
    );
  }
  const taggingConcurrency =
    config.getOptionalNumber('tagging.concurrency') ??
    DEFAULT_TAGGING_CONCURRENCY;
  if (
    !Number.isInteger(taggingConcurrency) ||
    taggingConcurrency < 1 ||
    taggingConcurrency > 64
  ) {
    fail(
      `${path}.tagging.concurrency`,
      `expected a whole number from 1 to 64, got ${taggingConcurrency}`,
    );
  }
  return { maxRemovalShare, maxAttempts, maxPages, taggingConcurrency };
}

/** Lifecycle and system tags, and whether workflows become Systems. */
function readClassification(config: Config) {
  return {
    lifecycle: {
      tagKey: config.getOptionalString('lifecycle.tagKey') ?? 'lifecycle',
      defaultValue:
        config.getOptionalString('lifecycle.default') ?? 'production',
    },
    system: { tagKey: config.getOptionalString('system.tagKey') ?? 'system' },
    workflowsAsSystems:
      config.getOptionalConfig('workflows')?.getOptionalBoolean('enabled') ??
      true,
  };
}

/** One provider's config, section by section (the first problem throws). */
function readOne(
  id: string,
  path: string,
  config: Config,
  context: { multiRegion: boolean; multiAccount: boolean },
): AwsGlueProviderConfig {
  const account = readAccount(config, path);
  const schedule = readSchedule(config, path);
  const naming = readNaming(config, path, context);
  const filters = readFilters(config, path);
  const ownership = readOwnership(config, path, naming.namespace);
  const lineage = readLineage(config, path);
  const redactor = readRedaction(config, path);
  const limits = readLimits(config, path);
  return {
    id,
    path,
    ...account,
    schedule,
    ...naming,
    filters,
    ownership,
    ...readClassification(config),
    lineage,
    redactor,
    ...limits,
  };
}

/**
 * Reads every provider under `catalog.providers.awsGlue`: either one provider
 * (the keys directly under it) or a record of providers keyed by id.
 * Invalid config throws an `InputError` naming the config path.
 *
 * @public
 */
export function readProviderConfigs(config: Config): AwsGlueProviderConfig[] {
  const entries = readAwsGlueProviderEntries(config).map(
    e => [e.id, e.path, e.config] as const,
  );

  // Names get the region/account only when the configured providers read
  // several of them: the same config always gives the same names.
  const accounts = new Set<string>();
  const regions = new Set<string>();
  for (const [, , providerConfig] of entries) {
    const account = providerConfig.getOptionalString('accountId');
    if (account) accounts.add(account);
    for (const region of providerConfig.getOptionalStringArray('regions') ??
      []) {
      regions.add(region);
    }
  }
  const context = {
    multiAccount: accounts.size > 1,
    multiRegion: regions.size > 1,
  };
  const configs = entries.map(([id, path, providerConfig]) => {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) {
      fail(path, 'provider ids may only use letters, digits, _ and -');
    }
    return { path, provider: readOne(id, path, providerConfig, context) };
  });
  const seen = new Map<string, string>();
  for (const { path, provider } of configs) {
    for (const region of provider.regions) {
      const key = `${provider.accountId}/${region}`;
      const other = seen.get(key);
      if (other) {
        fail(
          path,
          `account ${provider.accountId} region ${region} is already read by provider '${other}'; two providers would fight over the same entities`,
        );
      }
      seen.set(key, provider.id);
    }
  }
  return configs.map(c => c.provider);
}
