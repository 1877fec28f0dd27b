import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  DEFAULT_INPUT_ARGUMENT_PATTERNS,
  DEFAULT_OUTPUT_ARGUMENT_PATTERNS,
} from '../lib/lineage';
import { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-node';
import { readProviderConfigs } from './config';

const ROOT = 'catalog.providers.awsGlue';
const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';

function read(awsGlue: JsonObject | undefined) {
  return readProviderConfigs(
    new ConfigReader(
      awsGlue === undefined ? {} : { catalog: { providers: { awsGlue } } },
    ),
  );
}

/** One provider `prod` with a valid base and the given overrides. */
function prod(overrides: JsonObject): JsonObject {
  return { prod: { accountId: ACCOUNT, regions: ['us-east-1'], ...overrides } };
}

describe('readProviderConfigs', () => {
  it('returns nothing without config', () => {
    expect(read(undefined)).toEqual([]);
    expect(readProviderConfigs(new ConfigReader({ catalog: {} }))).toEqual([]);
  });

  it('reads a single provider (keys directly under awsGlue) with defaults', () => {
    const configs = read({ accountId: ACCOUNT, regions: ['us-east-1'] });
    expect(configs).toHaveLength(1);
    const [config] = configs;
    expect(config).toEqual({
      id: 'default',
      accountId: ACCOUNT,
      regions: ['us-east-1'],
      partition: 'aws',
      path: 'catalog.providers.awsGlue',
      endpoint: undefined,
      schedule: undefined,
      namespace: 'default',
      nameTemplate: '{{ name }}',
      filters: {
        jobs: { include: [], exclude: [] },
        triggers: { include: [], exclude: [] },
        requiredTags: {},
      },
      ownership: {
        tagKeys: ['owner', 'team'],
        rules: [],
        defaultOwner: 'group:default/unknown',
      },
      lifecycle: { tagKey: 'lifecycle', defaultValue: 'production' },
      system: { tagKey: 'system' },
      workflowsAsSystems: true,
      lineage: {
        enabled: true,
        inputArgumentPatterns: DEFAULT_INPUT_ARGUMENT_PATTERNS,
        outputArgumentPatterns: DEFAULT_OUTPUT_ARGUMENT_PATTERNS,
      },
      redactor: expect.any(ArgumentRedactor),
      maxRemovalShare: 0.5,
      maxAttempts: 10,
      maxPages: 2000,
      taggingConcurrency: 8,
    });
    expect(config.redactor.isSecret('--db-password', 'x')).toBe(true);
    expect(config.redactor.isSecret('--input', 's3://a/b/')).toBe(false);
  });

  it('reads a record of providers keyed by id', () => {
    const configs = read({
      production: { accountId: ACCOUNT, regions: ['us-east-1'] },
      analytics: { accountId: OTHER_ACCOUNT, regions: ['us-east-1'] },
    });
    expect(configs.map(c => [c.id, c.accountId, c.regions])).toEqual([
      ['production', ACCOUNT, ['us-east-1']],
      ['analytics', OTHER_ACCOUNT, ['us-east-1']],
    ]);
  });

  it('gives a schedule without a timeout the default one (45 s)', () => {
    const [config] = read(
      prod({ schedule: { frequency: { minutes: 30 }, initialDelay: 'PT5S' } }),
    );
    expect(config.schedule).toMatchObject({
      frequency: { minutes: 30 },
      timeout: { seconds: 45 },
      initialDelay: { seconds: 5 },
    });
  });

  it('reads every option', () => {
    const [config] = read(
      prod({
        endpoint: 'http://localhost:4599',
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
        namespace: 'glue',
        entityNameTemplate: 'glue-{{ name }}',
        filters: {
          jobs: { include: ['^orders_'], exclude: ['_test$'] },
          triggers: { include: ['^t_'], exclude: ['_old$'] },
          requiredTags: { env: 'prod', owner: '*' },
        },
        ownership: {
          tagKeys: ['squad'],
          rules: [
            { pattern: '^finance_', owner: 'Finance' },
            { pattern: '^hr_', owner: 'user:jdoe' },
          ],
          defaultOwner: 'Data-Platform',
        },
        lifecycle: { tagKey: 'stage', default: 'experimental' },
        system: { tagKey: 'domain' },
        workflows: { enabled: false },
        lineage: {
          enabled: false,
          inputArguments: ['--from*'],
          outputArguments: ['--to*'],
        },
        redaction: {
          keyPatterns: ['^--customer-ssn$'],
          valuePatterns: ['^sk_live_'],
        },
        removalGuard: { maxRemovalShare: 0.2 },
        maxAttempts: 3,
        tagging: { concurrency: 16 },
      }),
    );
    expect(config).toMatchObject({
      id: 'prod',
      endpoint: 'http://localhost:4599',
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
      namespace: 'glue',
      nameTemplate: 'glue-{{ name }}',
      filters: {
        jobs: { include: [/^orders_/], exclude: [/_test$/] },
        triggers: { include: [/^t_/], exclude: [/_old$/] },
        requiredTags: { env: 'prod', owner: '*' },
      },
      ownership: {
        tagKeys: ['squad'],
        rules: [
          { pattern: /^finance_/, owner: 'group:glue/finance' },
          { pattern: /^hr_/, owner: 'user:glue/jdoe' },
        ],
        defaultOwner: 'group:glue/data-platform',
      },
      lifecycle: { tagKey: 'stage', defaultValue: 'experimental' },
      system: { tagKey: 'domain' },
      workflowsAsSystems: false,
      lineage: {
        enabled: false,
        inputArgumentPatterns: ['--from*'],
        outputArgumentPatterns: ['--to*'],
      },
      maxRemovalShare: 0.2,
      maxAttempts: 3,
      taggingConcurrency: 16,
    });
    // custom redaction patterns are added to the defaults
    expect(config.redactor.isSecret('--CUSTOMER-SSN', '1')).toBe(true);
    expect(config.redactor.isSecret('--x', 'sk_live_abc')).toBe(true);
    expect(config.redactor.isSecret('--password', 'x')).toBe(true);
  });

  it.each([
    [['cn-north-1', 'cn-northwest-1'], 'aws-cn'],
    [['us-gov-west-1'], 'aws-us-gov'],
    [['eu-west-1', 'ap-southeast-2'], 'aws'],
  ])('derives the partition of %j: %s', (regions, partition) => {
    expect(read(prod({ regions }))[0].partition).toBe(partition);
  });

  it.each<[string, JsonObject, string[]]>([
    ['one account, one region', prod({}), ['{{ name }}']],
    [
      'one provider with two regions',
      prod({ regions: ['us-east-1', 'eu-west-1'] }),
      ['{{ name }}-{{ region }}'],
    ],
    [
      'two accounts in one region',
      {
        a: { accountId: ACCOUNT, regions: ['us-east-1'] },
        b: { accountId: OTHER_ACCOUNT, regions: ['us-east-1'] },
      },
      ['{{ name }}-{{ accountId }}', '{{ name }}-{{ accountId }}'],
    ],
    [
      'one account in two regions, split over providers',
      {
        a: { accountId: ACCOUNT, regions: ['us-east-1'] },
        b: { accountId: ACCOUNT, regions: ['eu-west-1'] },
      },
      ['{{ name }}-{{ region }}', '{{ name }}-{{ region }}'],
    ],
    [
      'two accounts in two regions',
      {
        a: { accountId: ACCOUNT, regions: ['us-east-1'] },
        b: { accountId: OTHER_ACCOUNT, regions: ['eu-west-1'] },
      },
      [
        '{{ name }}-{{ accountId }}-{{ region }}',
        '{{ name }}-{{ accountId }}-{{ region }}',
      ],
    ],
    [
      'an explicit template beside a default one',
      {
        a: {
          accountId: ACCOUNT,
          regions: ['us-east-1'],
          entityNameTemplate: '{{ name }}',
        },
        b: { accountId: ACCOUNT, regions: ['eu-west-1'] },
      },
      ['{{ name }}', '{{ name }}-{{ region }}'],
    ],
  ])('uses the default name template for %s', (_, awsGlue, templates) => {
    expect(read(awsGlue).map(c => c.nameTemplate)).toEqual(templates);
  });

  describe('rejects invalid config naming its path', () => {
    it.each<[string, JsonObject, string]>([
      [
        'a short accountId',
        prod({ accountId: '12345' }),
        `${ROOT}.prod.accountId`,
      ],
      [
        'an accountId with letters',
        prod({ accountId: '12345678901a' }),
        `${ROOT}.prod.accountId`,
      ],
      [
        'an unquoted (numeric) accountId',
        prod({ accountId: 123456789012 }),
        `${ROOT}.prod.accountId`,
      ],
      [
        'a missing accountId',
        { prod: { regions: ['us-east-1'] } },
        `${ROOT}.prod.accountId`,
      ],
      ['empty regions', prod({ regions: [] }), `${ROOT}.prod.regions`],
      [
        'a bad region name',
        prod({ regions: ['us-east-1', 'US-WEST-2'] }),
        `${ROOT}.prod.regions[1]`,
      ],
      [
        'a region without a number',
        prod({ regions: ['useast'] }),
        `${ROOT}.prod.regions[0]`,
      ],
      [
        'a duplicate region',
        prod({ regions: ['us-east-1', 'eu-west-1', 'us-east-1'] }),
        `${ROOT}.prod.regions`,
      ],
      [
        'regions from two partitions',
        prod({ regions: ['us-east-1', 'cn-north-1'] }),
        `${ROOT}.prod.regions`,
      ],
      [
        'a non-http endpoint',
        prod({ endpoint: 'ftp://localhost:4599' }),
        `${ROOT}.prod.endpoint`,
      ],
      [
        'an endpoint that is not a URL',
        prod({ endpoint: 'localhost 4599' }),
        `${ROOT}.prod.endpoint`,
      ],
      [
        'an upper-case namespace',
        prod({ namespace: 'Glue' }),
        `${ROOT}.prod.namespace`,
      ],
      [
        'a namespace with an underscore',
        prod({ namespace: 'glue_ns' }),
        `${ROOT}.prod.namespace`,
      ],
      [
        'a template without {{ name }}',
        prod({ entityNameTemplate: 'glue-{{ region }}' }),
        `${ROOT}.prod.entityNameTemplate`,
      ],
      [
        'a template with an unknown variable',
        prod({ entityNameTemplate: '{{ name }}-{{ env }}' }),
        `${ROOT}.prod.entityNameTemplate`,
      ],
      [
        'a template with an unknown snake_case variable',
        prod({ entityNameTemplate: '{{ name }}-{{ account_id }}' }),
        `${ROOT}.prod.entityNameTemplate`,
      ],
      [
        'a bad job include regex',
        prod({ filters: { jobs: { include: ['('] } } }),
        `${ROOT}.prod.filters.jobs.include[0]`,
      ],
      [
        'a bad job exclude regex',
        prod({ filters: { jobs: { exclude: ['ok', '[z-a]'] } } }),
        `${ROOT}.prod.filters.jobs.exclude[1]`,
      ],
      [
        'a bad trigger include regex',
        prod({ filters: { triggers: { include: ['*x'] } } }),
        `${ROOT}.prod.filters.triggers.include[0]`,
      ],
      [
        'a job pattern both included and excluded',
        prod({ filters: { jobs: { include: ['^a'], exclude: ['^a'] } } }),
        `${ROOT}.prod.filters.jobs`,
      ],
      [
        'a trigger pattern both included and excluded',
        prod({
          filters: { triggers: { include: ['x', '^t'], exclude: ['^t'] } },
        }),
        `${ROOT}.prod.filters.triggers`,
      ],
      [
        'a bad redaction key pattern',
        prod({ redaction: { keyPatterns: ['('] } }),
        `${ROOT}.prod.redaction.keyPatterns[0]`,
      ],
      [
        'a bad redaction value pattern',
        prod({ redaction: { valuePatterns: ['ok', '+x'] } }),
        `${ROOT}.prod.redaction.valuePatterns[1]`,
      ],
      [
        'a bad ownership rule pattern',
        prod({ ownership: { rules: [{ pattern: '(', owner: 'team-a' }] } }),
        `${ROOT}.prod.ownership.rules[0].pattern`,
      ],
      [
        'a bad ownership rule owner',
        prod({
          ownership: {
            rules: [
              { pattern: '^a', owner: 'team-a' },
              { pattern: '^b', owner: 'component:default/b' },
            ],
          },
        }),
        `${ROOT}.prod.ownership.rules[1].owner`,
      ],
      [
        'a defaultOwner of the wrong kind',
        prod({ ownership: { defaultOwner: 'component:default/foo' } }),
        `${ROOT}.prod.ownership.defaultOwner`,
      ],
      [
        'a defaultOwner with nothing usable',
        prod({ ownership: { defaultOwner: '!!!' } }),
        `${ROOT}.prod.ownership.defaultOwner`,
      ],
      [
        'an argument pattern that is both input and output',
        prod({
          lineage: {
            inputArguments: ['--data*'],
            outputArguments: ['--data*'],
          },
        }),
        `${ROOT}.prod.lineage`,
      ],
      [
        'maxRemovalShare 1.5',
        prod({ removalGuard: { maxRemovalShare: 1.5 } }),
        `${ROOT}.prod.removalGuard.maxRemovalShare`,
      ],
      [
        'a negative maxRemovalShare',
        prod({ removalGuard: { maxRemovalShare: -0.1 } }),
        `${ROOT}.prod.removalGuard.maxRemovalShare`,
      ],
      ['maxAttempts 0', prod({ maxAttempts: 0 }), `${ROOT}.prod.maxAttempts`],
      [
        'tagging.concurrency 0',
        prod({ tagging: { concurrency: 0 } }),
        `${ROOT}.prod.tagging.concurrency`,
      ],
      [
        'tagging.concurrency above 64',
        prod({ tagging: { concurrency: 65 } }),
        `${ROOT}.prod.tagging.concurrency`,
      ],
      [
        'fractional tagging.concurrency',
        prod({ tagging: { concurrency: 1.5 } }),
        `${ROOT}.prod.tagging.concurrency`,
      ],
      [
        'fractional maxAttempts',
        prod({ maxAttempts: 2.5 }),
        `${ROOT}.prod.maxAttempts`,
      ],
      [
        'an invalid schedule duration',
        prod({ schedule: { frequency: 'bogus', timeout: { minutes: 1 } } }),
        `${ROOT}.prod.schedule`,
      ],
      [
        'the same account and region in two providers',
        {
          a: { accountId: ACCOUNT, regions: ['us-east-1', 'eu-west-1'] },
          b: { accountId: ACCOUNT, regions: ['eu-west-1'] },
        },
        `${ROOT}.b`,
      ],
    ])('%s', (_, awsGlue, path) => {
      expect(() => read(awsGlue)).toThrow(path);
    });

    it('names the other provider when two read the same account and region', () => {
      expect(() =>
        read({
          a: { accountId: ACCOUNT, regions: ['us-east-1'] },
          b: { accountId: ACCOUNT, regions: ['us-east-1'] },
        }),
      ).toThrow(/account 123456789012 region us-east-1 .*provider 'a'/);
    });

    it('accepts the same region in two accounts', () => {
      expect(
        read({
          a: { accountId: ACCOUNT, regions: ['us-east-1'] },
          b: { accountId: OTHER_ACCOUNT, regions: ['us-east-1'] },
        }),
      ).toHaveLength(2);
    });

    it.each<[string, JsonObject, string]>([
      [
        'a bad accountId',
        { accountId: '12345', regions: ['us-east-1'] },
        `${ROOT}.accountId`,
      ],
      [
        'a bad region name',
        { accountId: ACCOUNT, regions: ['us-east-1', 'nowhere'] },
        `${ROOT}.regions[1]`,
      ],
      [
        'a bad filter regex',
        {
          accountId: ACCOUNT,
          regions: ['us-east-1'],
          filters: { jobs: { include: ['('] } },
        },
        `${ROOT}.filters.jobs.include[0]`,
      ],
    ])(
      'names the real path (no made-up "default" segment) in the single-provider form: %s',
      (_, awsGlue, path) => {
        let message = '';
        try {
          read(awsGlue);
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toContain(path);
        expect(message).not.toContain(`${ROOT}.default`);
      },
    );
  });
});
