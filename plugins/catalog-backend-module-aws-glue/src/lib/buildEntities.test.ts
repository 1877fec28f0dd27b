import type { Crawler, Job, Trigger, Workflow } from '@aws-sdk/client-glue';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  componentEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  GLUE_ANNOTATIONS,
  GlueLineageEdge,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { buildEntities, MappingOptions } from './buildEntities';
import {
  DEFAULT_INPUT_ARGUMENT_PATTERNS,
  DEFAULT_OUTPUT_ARGUMENT_PATTERNS,
} from './lineage';
import { isValidEntityName } from './naming';
import { REDACTED } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-node';
import { GlueInventory } from './types';
import { SECRET_SHAPES } from '@aws-glue-backstage/plugin-aws-glue-node/testUtils';

// ---------------------------------------------------------------------------
// Helpers

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const arn = (
  type: 'job' | 'trigger' | 'workflow' | 'crawler',
  name: string,
  region = REGION,
) => `arn:aws:glue:${region}:${ACCOUNT}:${type}/${name}`;

const validators: Record<string, { check(data: unknown): Promise<boolean> }> = {
  component: componentEntityV1alpha1Validator,
  resource: resourceEntityV1alpha1Validator,
  system: systemEntityV1alpha1Validator,
};
const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/**
 * Every entity passes its kind's catalog-model validator and the catalog's
 * field-format policies, and names are unique per kind + namespace,
 * compared case-insensitively as the catalog does.
 */
async function expectValidEntities(entities: Entity[]) {
  const seen = new Map<string, string>();
  for (const entity of entities) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const validator = validators[kind];
    expect(validator).toBeDefined();
    await expect(validator.check(entity)).resolves.toBe(true);
    await expect(policy.enforce(entity)).resolves.toBeDefined();
    expect(isValidEntityName(entity.metadata.name)).toBe(true);
    const key = `${kind}:${(
      entity.metadata.namespace ?? 'default'
    ).toLocaleLowerCase('en-US')}/${entity.metadata.name.toLocaleLowerCase(
      'en-US',
    )}`;
    expect({ key, duplicateOf: seen.get(key) }).toEqual({
      key,
      duplicateOf: undefined,
    });
    seen.set(key, entity.metadata.title ?? entity.metadata.name);
  }
}

/** Every dependsOn / system ref points at an entity of the same result. */
function expectResolvableRelations(entities: Entity[]) {
  const refs = new Set(entities.map(e => stringifyEntityRef(e)));
  for (const entity of entities) {
    const spec = (entity.spec ?? {}) as {
      dependsOn?: string[];
      system?: string;
      owner?: string;
    };
    for (const target of spec.dependsOn ?? []) {
      const from = stringifyEntityRef(entity);
      expect({ from, target, resolves: refs.has(target) }).toEqual({
        from,
        target,
        resolves: true,
      });
    }
    if (spec.system) {
      const system = stringifyEntityRef(
        parseEntityRef(spec.system, {
          defaultKind: 'system',
          defaultNamespace: entity.metadata.namespace,
        }),
      );
      expect(refs.has(system)).toBe(true);
    }
    const owner = parseEntityRef(spec.owner!, { defaultKind: 'group' });
    expect(['user', 'group']).toContain(owner.kind);
    expect(isValidEntityName(owner.name)).toBe(true);
  }
}

function options(overrides: Partial<MappingOptions> = {}): MappingOptions {
  return {
    providerId: 'test',
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
    redactor: ArgumentRedactor.withDefaults(),
    ...overrides,
  };
}

const titleOf = (e: Entity) => e.metadata.title;
const byTitle = (entities: Entity[], kind: string, title: string) => {
  const found = entities.filter(e => e.kind === kind && titleOf(e) === title);
  expect(found).toHaveLength(1);
  return found[0];
};
const job = (entities: Entity[], name: string) =>
  byTitle(entities, 'Component', name);
const trigger = (entities: Entity[], name: string) => {
  const found = entities.filter(
    e =>
      e.kind === 'Resource' &&
      e.spec?.type === 'glue-trigger' &&
      titleOf(e) === name,
  );
  expect(found).toHaveLength(1);
  return found[0];
};
const dataset = (entities: Entity[], location: string) => {
  const found = entities.filter(
    e =>
      e.kind === 'Resource' &&
      e.metadata.annotations?.[GLUE_ANNOTATIONS.datasetLocation] === location,
  );
  expect(found).toHaveLength(1);
  return found[0];
};
const refOf = (e: Entity) => stringifyEntityRef(e);
const dependsOn = (e: Entity) => [...((e.spec?.dependsOn as string[]) ?? [])];
const sorted = (values: string[]) => [...values].sort();
const lineageOf = (e: Entity): GlueLineageEdge[] =>
  JSON.parse(e.metadata.annotations?.[GLUE_ANNOTATIONS.lineage] ?? '[]');

describe('expectValidEntities (the helper itself)', () => {
  const component = (name: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'glue-job',
      lifecycle: 'production',
      owner: 'group:default/x',
    },
  });

  it('accepts valid entities', async () => {
    await expect(
      expectValidEntities([component('report'), component('other')]),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['an invalid name', [component('has space')]],
    ['a name over 63 characters', [component('x'.repeat(64))]],
    ['names equal but for case', [component('Report'), component('report')]],
    [
      'a missing spec field',
      [{ ...component('a'), spec: { type: 'glue-job', owner: 'x' } }],
    ],
  ])('rejects %s', async (_, entities) => {
    await expect(expectValidEntities(entities)).rejects.toThrow();
  });
});

// ---------------------------------------------------------------------------
// The inventory, modelled on the seed article (trigger-based execution and
// job chaining through S3), plus the awkward cases.

const SECRETS = [
  'hunter2',
  'abc123',
  'Sup3rS3cret',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
];

function seedJobs(): Job[] {
  return [
    {
      Name: 'triggering_job',
      Command: {
        Name: 'glueetl',
        ScriptLocation: 's3://freshers-in/scripts/triggering.py',
      },
      GlueVersion: '4.0',
      WorkerType: 'G.1X',
      NumberOfWorkers: 2,
    },
    {
      Name: 'freshers_in_dependent_job',
      Command: { Name: 'glueetl' },
      GlueVersion: '4.0',
    },
    {
      Name: 'upstream_job',
      Command: { Name: 'glueetl' },
      DefaultArguments: { '--output': 's3://freshers-in/output-data/' },
    },
    {
      Name: 'glueetl',
      Command: { Name: 'glueetl', ScriptLocation: 's3://freshers-in/scripts/' },
      DefaultArguments: {
        '--input': 's3://freshers-in/output-data',
        '--dependent-param': 'value',
        '--job-bookmark-option': 'job-bookmark-enable',
      },
    },
    {
      Name: 'visual_orders_job',
      Command: { Name: 'glueetl' },
      JobMode: 'VISUAL',
      CodeGenConfigurationNodes: {
        'node-1': {
          S3CsvSource: {
            Name: 'raw csv',
            Paths: ['s3://freshers-in/raw-csv/'],
            QuoteChar: 'quote',
            Separator: 'comma',
          },
        },
        'node-2': {
          S3GlueParquetTarget: {
            Name: 'curated',
            Inputs: ['node-1'],
            Path: 's3://freshers-in/curated/orders',
          },
        },
        'node-3': {
          CatalogTarget: {
            Name: 'catalog',
            Inputs: ['node-1'],
            Database: 'sales',
            Table: 'orders',
          },
        },
      } as Job['CodeGenConfigurationNodes'],
    },
    {
      Name: 'aggregate_job',
      Command: { Name: 'glueetl' },
    },
    {
      Name: 'alert_job',
      Command: { Name: 'pythonshell' },
    },
    {
      Name: 'secrets_job',
      Command: { Name: 'glueetl' },
      DefaultArguments: {
        '--db-password': 'hunter2',
        '--api-token': 'abc123',
        '--jdbc-url':
          'jdbc:postgresql://etl_user:Sup3rS3cret@db.example.com:5432/sales',
        '--aws-id': 'AKIAIOSFODNN7EXAMPLE',
        '--blob': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        '--enable-metrics': 'true',
      },
    },
  ];
}

function seedTriggers(): Trigger[] {
  return [
    {
      Name: 'dependency_trigger',
      Type: 'CONDITIONAL',
      State: 'ACTIVATED',
      Actions: [
        {
          JobName: 'freshers_in_dependent_job',
          Arguments: { '--dependency-param': 'value' },
        },
      ],
      Predicate: {
        Conditions: [
          {
            LogicalOperator: 'EQUALS',
            JobName: 'triggering_job',
            State: 'SUCCEEDED',
          },
        ],
      },
    },
    {
      Name: 'and_trigger',
      WorkflowName: 'orders_workflow',
      Type: 'CONDITIONAL',
      State: 'ACTIVATED',
      Actions: [
        {
          JobName: 'aggregate_job',
          Arguments: { '--source-extra': 's3://freshers-in/reference-data' },
        },
      ],
      Predicate: {
        Logical: 'AND',
        Conditions: [
          {
            LogicalOperator: 'EQUALS',
            JobName: 'upstream_job',
            State: 'SUCCEEDED',
          },
          { LogicalOperator: 'EQUALS', JobName: 'glueetl', State: 'SUCCEEDED' },
        ],
      },
    },
    {
      Name: 'any_trigger',
      WorkflowName: 'orders_workflow',
      Type: 'CONDITIONAL',
      State: 'ACTIVATED',
      Actions: [{ JobName: 'alert_job' }],
      Predicate: {
        Logical: 'ANY',
        Conditions: [
          { LogicalOperator: 'EQUALS', JobName: 'glueetl', State: 'FAILED' },
          {
            LogicalOperator: 'EQUALS',
            JobName: 'visual_orders_job',
            State: 'FAILED',
          },
        ],
      },
    },
    {
      Name: 'audit_start',
      WorkflowName: 'audit_workflow',
      Type: 'ON_DEMAND',
      State: 'CREATED',
      Actions: [{ JobName: 'glueetl' }],
    },
    {
      Name: 'ghost_trigger',
      Type: 'CONDITIONAL',
      State: 'ACTIVATED',
      Actions: [{ JobName: 'triggering_job' }],
      Predicate: {
        Conditions: [
          {
            LogicalOperator: 'EQUALS',
            JobName: 'deleted_job',
            State: 'SUCCEEDED',
          },
        ],
      },
    },
    {
      Name: 'crawl_after_visual',
      Type: 'CONDITIONAL',
      State: 'ACTIVATED',
      Actions: [{ CrawlerName: 'freshers_landing_crawler' }],
      Predicate: {
        Conditions: [
          {
            LogicalOperator: 'EQUALS',
            JobName: 'visual_orders_job',
            State: 'SUCCEEDED',
          },
        ],
      },
    },
    {
      Name: 'secrets_trigger',
      Type: 'SCHEDULED',
      State: 'ACTIVATED',
      Schedule: 'cron(15 2 * * ? *)',
      Actions: [
        {
          JobName: 'secrets_job',
          Arguments: {
            '--api-token': 'abc123',
            '--db-password': 'hunter2',
            '--run-date': 'today',
          },
        },
      ],
    },
  ];
}

function seedWorkflows(): Workflow[] {
  return [{ Name: 'orders_workflow' }, { Name: 'audit_workflow' }];
}

function seedCrawlers(): Crawler[] {
  return [
    {
      Name: 'freshers_landing_crawler',
      DatabaseName: 'sales',
      Targets: { S3Targets: [{ Path: 's3://freshers-in/curated/orders/' }] },
    },
  ];
}

function seedTags(region = REGION): Map<string, Record<string, string>> {
  return new Map<string, Record<string, string>>([
    [
      arn('job', 'triggering_job', region),
      { owner: 'Data-Platform', lifecycle: 'experimental' },
    ],
    [arn('job', 'freshers_in_dependent_job', region), { team: 'analytics' }],
    [arn('job', 'upstream_job', region), { owner: 'Data-Platform' }],
    [
      arn('job', 'glueetl', region),
      { owner: 'Data-Platform', team: 'analytics' },
    ],
    [arn('job', 'aggregate_job', region), { owner: 'data-platform' }],
    [arn('job', 'alert_job', region), { owner: 'DATA-PLATFORM' }],
  ]);
}

function seedInventory(overrides: Partial<GlueInventory> = {}): GlueInventory {
  return {
    partition: 'aws',
    accountId: ACCOUNT,
    region: REGION,
    jobs: seedJobs(),
    triggers: seedTriggers(),
    workflows: seedWorkflows(),
    crawlers: seedCrawlers(),
    tags: seedTags(),
    ...overrides,
  };
}

const ALL_JOBS = seedJobs().map(j => j.Name!);
const ALL_TRIGGERS = seedTriggers().map(t => t.Name!);

// ---------------------------------------------------------------------------

describe('buildEntities on the seed inventory', () => {
  let entities: Entity[];
  let warnings: string[];
  let counts: Record<string, number>;

  beforeAll(async () => {
    ({ entities, warnings, counts } = await buildEntities(
      seedInventory(),
      options(),
    ));
  });

  const OUTPUT_DATA = 's3://freshers-in/output-data/';
  const RAW_CSV = 's3://freshers-in/raw-csv/';
  const CURATED = 's3://freshers-in/curated/orders/';
  const TABLE = 'glue://sales/orders';
  const REFERENCE = 's3://freshers-in/reference-data/';

  it('produces valid, uniquely named entities whose relations resolve', async () => {
    expect(entities.length).toBeGreaterThan(0);
    await expectValidEntities(entities);
    expectResolvableRelations(entities);
  });

  it('counts what it synced', () => {
    expect(counts).toEqual({
      job: 8,
      trigger: 7,
      workflow: 2,
      crawler: 1,
      dataset: 5,
    });
    expect(entities).toHaveLength(23);
  });

  it.each([
    ['Component', 'glue-job', ALL_JOBS],
    ['Resource', 'glue-trigger', ALL_TRIGGERS],
    ['Resource', 'glue-crawler', ['freshers_landing_crawler']],
    ['System', undefined, ['orders_workflow', 'audit_workflow']],
    ['Resource', 's3-prefix', [OUTPUT_DATA, RAW_CSV, CURATED, REFERENCE]],
    ['Resource', 'glue-table', [TABLE]],
  ])('maps to %s %s', (kind, type, titles) => {
    expect(
      sorted(
        entities
          .filter(e => e.kind === kind && e.spec?.type === type)
          .map(e => e.metadata.title!),
      ),
    ).toEqual(sorted(titles));
  });

  it.each([
    ['Component', 'triggering_job', 'component:default/triggering_job'],
    ['Component', 'glueetl', 'component:default/glueetl'],
    ['System', 'orders_workflow', 'system:default/orders_workflow'],
  ])('keeps the valid Glue name of %s %s', (kind, title, ref) => {
    expect(refOf(byTitle(entities, kind, title))).toBe(ref);
  });

  it.each([
    ['dependency_trigger', 'resource:default/trigger-dependency_trigger'],
    ['and_trigger', 'resource:default/trigger-and_trigger'],
  ])('prefixes trigger %s', (name, ref) => {
    expect(refOf(trigger(entities, name))).toBe(ref);
  });

  it('prefixes crawlers', () => {
    expect(
      refOf(byTitle(entities, 'Resource', 'freshers_landing_crawler')),
    ).toBe('resource:default/crawler-freshers_landing_crawler');
  });

  it('normalises the trailing slash so reader and writer share one dataset', () => {
    const shared = dataset(entities, OUTPUT_DATA);
    expect(dependsOn(job(entities, 'glueetl'))).toContain(refOf(shared));
    expect(dependsOn(shared)).toEqual(['component:default/upstream_job']);
  });

  describe('dependsOn', () => {
    const cases: [string, () => Entity, () => string[]][] = [
      [
        'job freshers_in_dependent_job -> its trigger',
        () => job(entities, 'freshers_in_dependent_job'),
        () => ['resource:default/trigger-dependency_trigger'],
      ],
      [
        'job triggering_job -> the trigger that starts it',
        () => job(entities, 'triggering_job'),
        () => ['resource:default/trigger-ghost_trigger'],
      ],
      [
        'job glueetl -> its starter and the dataset it reads',
        () => job(entities, 'glueetl'),
        () => [
          'resource:default/trigger-audit_start',
          refOf(dataset(entities, OUTPUT_DATA)),
        ],
      ],
      [
        'job upstream_job -> nothing (it only writes)',
        () => job(entities, 'upstream_job'),
        () => [],
      ],
      [
        'job aggregate_job -> its trigger and the trigger-argument dataset',
        () => job(entities, 'aggregate_job'),
        () => [
          'resource:default/trigger-and_trigger',
          refOf(dataset(entities, REFERENCE)),
        ],
      ],
      [
        'job alert_job -> the ANY trigger',
        () => job(entities, 'alert_job'),
        () => ['resource:default/trigger-any_trigger'],
      ],
      [
        'job visual_orders_job -> the visual source it reads',
        () => job(entities, 'visual_orders_job'),
        () => [refOf(dataset(entities, RAW_CSV))],
      ],
      [
        'job secrets_job -> its scheduled trigger',
        () => job(entities, 'secrets_job'),
        () => ['resource:default/trigger-secrets_trigger'],
      ],
      [
        'trigger dependency_trigger -> the job it watches',
        () => trigger(entities, 'dependency_trigger'),
        () => ['component:default/triggering_job'],
      ],
      [
        'AND trigger -> both watched jobs',
        () => trigger(entities, 'and_trigger'),
        () => ['component:default/upstream_job', 'component:default/glueetl'],
      ],
      [
        'ANY trigger -> both watched jobs',
        () => trigger(entities, 'any_trigger'),
        () => [
          'component:default/glueetl',
          'component:default/visual_orders_job',
        ],
      ],
      [
        'trigger watching a missing job -> nothing',
        () => trigger(entities, 'ghost_trigger'),
        () => [],
      ],
      [
        'on-demand trigger -> nothing',
        () => trigger(entities, 'audit_start'),
        () => [],
      ],
      [
        'crawler trigger -> the job it watches',
        () => trigger(entities, 'crawl_after_visual'),
        () => ['component:default/visual_orders_job'],
      ],
      [
        'crawler -> the trigger that starts it and its S3 target',
        () => byTitle(entities, 'Resource', 'freshers_landing_crawler'),
        () => [
          'resource:default/trigger-crawl_after_visual',
          refOf(dataset(entities, CURATED)),
        ],
      ],
      [
        'dataset output-data -> its writer',
        () => dataset(entities, OUTPUT_DATA),
        () => ['component:default/upstream_job'],
      ],
      [
        'dataset curated/orders -> the visual job writing it',
        () => dataset(entities, CURATED),
        () => ['component:default/visual_orders_job'],
      ],
      [
        'table sales.orders -> the visual job writing it',
        () => dataset(entities, TABLE),
        () => ['component:default/visual_orders_job'],
      ],
      [
        'dataset raw-csv -> nobody (only read)',
        () => dataset(entities, RAW_CSV),
        () => [],
      ],
    ];
    it.each(cases)('%s', (_, entity, expected) => {
      expect(sorted(dependsOn(entity()))).toEqual(sorted(expected()));
    });
  });

  it.each([
    [
      'dependency_trigger',
      'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
    ],
    [
      'and_trigger',
      'Starts aggregate_job when upstream_job SUCCEEDED and glueetl SUCCEEDED',
    ],
    [
      'any_trigger',
      'Starts alert_job when glueetl FAILED or visual_orders_job FAILED',
    ],
    [
      'crawl_after_visual',
      'Starts crawler freshers_landing_crawler when visual_orders_job SUCCEEDED',
    ],
    // the last '*' could open emphasis, so it is escaped; it renders the same
    ['secrets_trigger', 'Starts secrets_job on schedule cron(15 2 * * ? \\*)'],
    ['audit_start', 'Starts glueetl when started on demand'],
  ])('describes trigger %s', (name, description) => {
    expect(trigger(entities, name).metadata.description).toBe(description);
  });

  it('records the trigger type, state, predicate and actions', () => {
    const annotations = trigger(entities, 'dependency_trigger').metadata
      .annotations!;
    expect(annotations[GLUE_ANNOTATIONS.triggerType]).toBe('CONDITIONAL');
    expect(annotations[GLUE_ANNOTATIONS.triggerState]).toBe('ACTIVATED');
    expect(JSON.parse(annotations[GLUE_ANNOTATIONS.triggerPredicate])).toEqual(
      seedTriggers()[0].Predicate,
    );
    expect(JSON.parse(annotations[GLUE_ANNOTATIONS.triggerActions])).toEqual([
      {
        JobName: 'freshers_in_dependent_job',
        Arguments: { '--dependency-param': 'value' },
      },
    ]);
    expect(
      trigger(entities, 'secrets_trigger').metadata.annotations![
        GLUE_ANNOTATIONS.triggerSchedule
      ],
    ).toBe('cron(15 2 * * ? *)');
  });

  it('flags a trigger that watches a job that does not exist', () => {
    const ghost = trigger(entities, 'ghost_trigger');
    expect(
      ghost.metadata.annotations![GLUE_ANNOTATIONS.missingReferences],
    ).toBe('deleted_job');
    expect(JSON.stringify(entities)).not.toContain(
      'component:default/deleted_job',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('ghost_trigger');
    expect(warnings[0]).toContain('deleted_job');
    for (const name of ALL_TRIGGERS.filter(n => n !== 'ghost_trigger')) {
      expect(
        trigger(entities, name).metadata.annotations![
          GLUE_ANNOTATIONS.missingReferences
        ],
      ).toBeUndefined();
    }
  });

  it.each<
    [string, () => Entity, GlueLineageEdge[] | (() => GlueLineageEdge[])]
  >([
    [
      'upstream_job (default argument)',
      () => job(entities, 'upstream_job'),
      () => [
        {
          direction: 'output',
          location: OUTPUT_DATA,
          entityRef: refOf(dataset(entities, OUTPUT_DATA)),
          source: 'default-argument:--output',
        },
      ],
    ],
    [
      'glueetl (default argument without trailing slash)',
      () => job(entities, 'glueetl'),
      () => [
        {
          direction: 'input',
          location: OUTPUT_DATA,
          entityRef: refOf(dataset(entities, OUTPUT_DATA)),
          source: 'default-argument:--input',
        },
      ],
    ],
    [
      'visual_orders_job (visual nodes)',
      () => job(entities, 'visual_orders_job'),
      () => [
        {
          direction: 'input',
          location: RAW_CSV,
          entityRef: refOf(dataset(entities, RAW_CSV)),
          source: 'visual-node:node-1',
        },
        {
          direction: 'output',
          location: CURATED,
          entityRef: refOf(dataset(entities, CURATED)),
          source: 'visual-node:node-2',
        },
        {
          direction: 'output',
          location: TABLE,
          entityRef: refOf(dataset(entities, TABLE)),
          source: 'visual-node:node-3',
        },
      ],
    ],
    [
      'aggregate_job (trigger argument)',
      () => job(entities, 'aggregate_job'),
      () => [
        {
          direction: 'input',
          location: REFERENCE,
          entityRef: refOf(dataset(entities, REFERENCE)),
          source: 'trigger-argument:and_trigger:--source-extra',
        },
      ],
    ],
    [
      'the crawler (S3 target)',
      () => byTitle(entities, 'Resource', 'freshers_landing_crawler'),
      () => [
        {
          direction: 'input',
          location: CURATED,
          entityRef: refOf(dataset(entities, CURATED)),
          source: 'crawler-target',
        },
      ],
    ],
  ])('records the lineage of %s with its source', (_, entity, expected) => {
    const edges = typeof expected === 'function' ? expected() : expected;
    expect(lineageOf(entity())).toEqual(edges);
  });

  it('has no lineage annotation on jobs without lineage', () => {
    for (const name of ['triggering_job', 'alert_job', 'secrets_job']) {
      expect(
        job(entities, name).metadata.annotations![GLUE_ANNOTATIONS.lineage],
      ).toBeUndefined();
    }
  });

  it.each([
    ['Component', 'triggering_job', 'group:default/data-platform'],
    ['Component', 'freshers_in_dependent_job', 'group:default/analytics'],
    ['Component', 'glueetl', 'group:default/data-platform'], // owner before team
    ['Component', 'aggregate_job', 'group:default/data-platform'],
    ['Component', 'alert_job', 'group:default/data-platform'],
    ['Component', 'visual_orders_job', 'group:default/unknown'],
    ['Component', 'secrets_job', 'group:default/unknown'],
    // untagged triggers inherit the owner of the job they start
    ['Resource', 'dependency_trigger', 'group:default/analytics'],
    ['Resource', 'ghost_trigger', 'group:default/data-platform'],
    ['Resource', 'and_trigger', 'group:default/data-platform'],
    ['Resource', 'crawl_after_visual', 'group:default/unknown'],
    ['Resource', 'freshers_landing_crawler', 'group:default/unknown'],
    // workflows: the most common owner of their members
    ['System', 'orders_workflow', 'group:default/data-platform'],
    ['System', 'audit_workflow', 'group:default/data-platform'],
    // datasets: the owner of their first writer (else reader)
    [
      'Resource',
      's3://freshers-in/output-data/',
      'group:default/data-platform',
    ],
    ['Resource', 's3://freshers-in/curated/orders/', 'group:default/unknown'],
    [
      'Resource',
      's3://freshers-in/reference-data/',
      'group:default/data-platform',
    ],
  ])('gives %s %s the owner %s', (kind, title, owner) => {
    expect(byTitle(entities, kind, title).spec?.owner).toBe(owner);
  });

  it.each([
    ['triggering_job', 'experimental'],
    ['glueetl', 'production'],
  ])('gives job %s the lifecycle %s', (name, lifecycle) => {
    expect(job(entities, name).spec?.lifecycle).toBe(lifecycle);
  });

  it.each([
    ['Component', 'upstream_job', 'system:default/orders_workflow'],
    ['Component', 'aggregate_job', 'system:default/orders_workflow'],
    ['Component', 'alert_job', 'system:default/orders_workflow'],
    ['Component', 'visual_orders_job', 'system:default/orders_workflow'],
    ['Component', 'glueetl', undefined], // in two workflows
    ['Component', 'triggering_job', undefined],
    ['Component', 'freshers_in_dependent_job', undefined],
    ['Resource', 'and_trigger', 'system:default/orders_workflow'],
    ['Resource', 'any_trigger', 'system:default/orders_workflow'],
    ['Resource', 'audit_start', 'system:default/audit_workflow'],
    ['Resource', 'dependency_trigger', undefined],
    ['Resource', 'freshers_landing_crawler', undefined],
  ])('gives %s %s the system %s', (kind, title, system) => {
    expect(byTitle(entities, kind, title).spec?.system).toBe(system);
  });

  it('lists every workflow of a job', () => {
    expect(
      sorted(
        job(entities, 'glueetl').metadata.annotations![
          GLUE_ANNOTATIONS.workflows
        ].split(','),
      ),
    ).toEqual(['audit_workflow', 'orders_workflow']);
  });

  it.each(SECRETS)('never lets the secret %j reach an entity', secret => {
    const json = JSON.stringify(entities);
    expect(json).not.toContain(secret);
    expect(json.toLocaleLowerCase('en-US')).not.toContain(
      secret.toLocaleLowerCase('en-US'),
    );
  });

  it('redacts secret default and trigger arguments but keeps the rest', () => {
    expect(
      JSON.parse(
        job(entities, 'secrets_job').metadata.annotations![
          GLUE_ANNOTATIONS.jobDefaultArguments
        ],
      ),
    ).toEqual({
      '--db-password': REDACTED,
      '--api-token': REDACTED,
      '--jdbc-url': REDACTED,
      '--aws-id': REDACTED,
      '--blob': REDACTED,
      '--enable-metrics': 'true',
    });
    expect(
      JSON.parse(
        trigger(entities, 'secrets_trigger').metadata.annotations![
          GLUE_ANNOTATIONS.triggerActions
        ],
      ),
    ).toEqual([
      {
        JobName: 'secrets_job',
        Arguments: {
          '--api-token': REDACTED,
          '--db-password': REDACTED,
          '--run-date': 'today',
        },
      },
    ]);
  });

  it('annotates every entity with ARN, account, region, name, kind, provider and locations', () => {
    for (const entity of entities) {
      const a = entity.metadata.annotations!;
      expect(a[ANNOTATION_AWS_ARN]).toMatch(/^arn:aws:(glue|s3):/);
      expect(a[ANNOTATION_AWS_ACCOUNT_ID]).toBe(ACCOUNT);
      expect(a[GLUE_ANNOTATIONS.region]).toBe(REGION);
      expect(a[GLUE_ANNOTATIONS.name]).toBe(entity.metadata.title);
      expect(a[GLUE_ANNOTATIONS.provider]).toBe('test');
      expect(a[ANNOTATION_LOCATION]).toBe('aws-glue:test');
      expect(a[ANNOTATION_ORIGIN_LOCATION]).toBe(a[ANNOTATION_LOCATION]);
      expect(entity.metadata.links?.length).toBeGreaterThan(0);
    }
    expect(
      job(entities, 'glueetl').metadata.annotations![ANNOTATION_AWS_ARN],
    ).toBe(arn('job', 'glueetl'));
    expect(
      trigger(entities, 'and_trigger').metadata.annotations![
        ANNOTATION_AWS_ARN
      ],
    ).toBe(arn('trigger', 'and_trigger'));
  });

  it.each([
    ['glueetl', GLUE_ANNOTATIONS.jobBookmarkOption, 'job-bookmark-enable'],
    [
      'upstream_job',
      GLUE_ANNOTATIONS.jobBookmarkOption,
      'job-bookmark-disable',
    ],
    ['visual_orders_job', GLUE_ANNOTATIONS.jobMode, 'VISUAL'],
    ['triggering_job', GLUE_ANNOTATIONS.jobMode, 'SCRIPT'],
    ['triggering_job', GLUE_ANNOTATIONS.jobWorkerType, 'G.1X'],
    ['triggering_job', GLUE_ANNOTATIONS.jobNumberOfWorkers, '2'],
    ['alert_job', GLUE_ANNOTATIONS.jobCommand, 'pythonshell'],
  ])('annotates job %s with %s = %s', (name, key, value) => {
    expect(job(entities, name).metadata.annotations![key]).toBe(value);
  });

  it.each([
    ['glueetl', ['glueetl', 'bookmark-enabled']],
    ['triggering_job', ['glueetl', 'glue-4-0']],
    ['visual_orders_job', ['glueetl', 'visual']],
  ])('tags job %s', (name, tags) => {
    expect(job(entities, name).metadata.tags).toEqual(tags);
  });
});

// ---------------------------------------------------------------------------

describe('buildEntities options', () => {
  const build = (
    overrides: Partial<MappingOptions>,
    inventory = seedInventory(),
  ) => buildEntities(inventory, options(overrides));
  const noFilters = options().filters;

  it.each<[string, MappingOptions['filters'], string[], string[]]>([
    [
      'job include',
      { ...noFilters, jobs: { include: [/^glue/, /^upstream/], exclude: [] } },
      ['glueetl', 'upstream_job'],
      ALL_TRIGGERS,
    ],
    [
      'job exclude',
      { ...noFilters, jobs: { include: [], exclude: [/secrets/, /^visual/] } },
      ALL_JOBS.filter(n => n !== 'secrets_job' && n !== 'visual_orders_job'),
      ALL_TRIGGERS,
    ],
    [
      'job include and exclude',
      { ...noFilters, jobs: { include: [/_job$/], exclude: [/^a/] } },
      [
        'triggering_job',
        'freshers_in_dependent_job',
        'upstream_job',
        'visual_orders_job',
        'secrets_job',
      ],
      ALL_TRIGGERS,
    ],
    [
      'trigger include',
      { ...noFilters, triggers: { include: [/^and_|^any_/], exclude: [] } },
      ALL_JOBS,
      ['and_trigger', 'any_trigger'],
    ],
    [
      'trigger exclude',
      { ...noFilters, triggers: { include: [], exclude: [/ghost/] } },
      ALL_JOBS,
      ALL_TRIGGERS.filter(n => n !== 'ghost_trigger'),
    ],
    [
      'a required tag with any value',
      { ...noFilters, requiredTags: { owner: '*' } },
      [
        'triggering_job',
        'upstream_job',
        'glueetl',
        'aggregate_job',
        'alert_job',
      ],
      [],
    ],
    [
      'a required tag with an exact value',
      { ...noFilters, requiredTags: { owner: 'Data-Platform' } },
      ['triggering_job', 'upstream_job', 'glueetl'],
      [],
    ],
    [
      'two required tags',
      { ...noFilters, requiredTags: { owner: '*', team: '*' } },
      ['glueetl'],
      [],
    ],
  ])('filters by %s', async (_, filters, jobs, triggers) => {
    const { entities } = await build({ filters });
    await expectValidEntities(entities);
    expectResolvableRelations(entities);
    expect(
      sorted(
        entities.filter(e => e.kind === 'Component').map(titleOf) as string[],
      ),
    ).toEqual(sorted(jobs));
    expect(
      sorted(
        entities
          .filter(e => e.spec?.type === 'glue-trigger')
          .map(titleOf) as string[],
      ),
    ).toEqual(sorted(triggers));
  });

  it('warns about and does not relate to a filtered-out job', async () => {
    const { entities, warnings } = await build({
      filters: {
        ...noFilters,
        jobs: { include: [], exclude: [/^secrets_job$/] },
      },
    });
    const secrets = trigger(entities, 'secrets_trigger');
    expect(
      secrets.metadata.annotations![GLUE_ANNOTATIONS.missingReferences],
    ).toBe('secrets_job');
    expect(warnings.some(w => w.includes('secrets_trigger'))).toBe(true);
    expect(JSON.stringify(entities)).not.toContain(
      'component:default/secrets_job',
    );
  });

  it('warns once, in the singular, about a job a trigger both starts and watches', async () => {
    const { warnings } = await build(
      {},
      seedInventory({
        jobs: [],
        triggers: [
          {
            Name: 'loop',
            Type: 'CONDITIONAL',
            Actions: [{ JobName: 'gone' }],
            Predicate: { Conditions: [{ JobName: 'gone', State: 'FAILED' }] },
          },
        ],
        workflows: [],
        crawlers: [],
      }),
    );
    expect(warnings).toEqual([
      'trigger loop refers to gone, which is not synced (missing in Glue or filtered out); no relation was made',
    ]);
  });

  it('emits no Systems and no spec.system with workflowsAsSystems: false', async () => {
    const { entities, counts } = await build({ workflowsAsSystems: false });
    await expectValidEntities(entities);
    expectResolvableRelations(entities);
    expect(entities.filter(e => e.kind === 'System')).toEqual([]);
    expect(entities.filter(e => e.spec?.system !== undefined)).toEqual([]);
    expect(counts.workflow).toBe(0);
    // membership is still recorded
    expect(
      job(entities, 'upstream_job').metadata.annotations![
        GLUE_ANNOTATIONS.workflows
      ],
    ).toBe('orders_workflow');
  });

  it('emits no datasets and no lineage with lineage.enabled: false', async () => {
    const { entities, counts } = await build({
      lineage: { ...options().lineage, enabled: false },
    });
    await expectValidEntities(entities);
    expectResolvableRelations(entities);
    expect(counts.dataset).toBe(0);
    expect(
      entities.filter(
        e =>
          e.metadata.annotations?.[GLUE_ANNOTATIONS.resourceKind] === 'dataset',
      ),
    ).toEqual([]);
    expect(
      entities.filter(e => e.metadata.annotations?.[GLUE_ANNOTATIONS.lineage]),
    ).toEqual([]);
    expect(dependsOn(job(entities, 'glueetl'))).toEqual([
      'resource:default/trigger-audit_start',
    ]);
    expect(dependsOn(job(entities, 'visual_orders_job'))).toEqual([]);
    expect(
      dependsOn(byTitle(entities, 'Resource', 'freshers_landing_crawler')),
    ).toEqual(['resource:default/trigger-crawl_after_visual']);
  });

  it('uses custom lineage argument patterns', async () => {
    const { entities } = await build({
      lineage: {
        enabled: true,
        inputArgumentPatterns: ['--dependent-param', '--read_*'],
        outputArgumentPatterns: ['--write_*'],
      },
    });
    // --input / --output no longer mean anything
    expect(dependsOn(job(entities, 'glueetl'))).toEqual([
      'resource:default/trigger-audit_start',
    ]);
    expect(lineageOf(job(entities, 'upstream_job'))).toEqual([]);
  });

  it('lets transformers replace and drop entities, with context', async () => {
    const jobTransformer = jest.fn((resource: Job, context: any) => {
      const entity: Entity = context.defaultEntity;
      return {
        ...entity,
        metadata: {
          ...entity.metadata,
          labels: { 'glue-name-length': String(resource.Name!.length) },
        },
        spec: { ...entity.spec, lifecycle: 'transformed' },
      };
    });
    const triggerTransformer = jest.fn((resource: Trigger, context: any) =>
      resource.Name === 'ghost_trigger' ? undefined : context.defaultEntity,
    );
    const datasetTransformer = jest.fn(async () => undefined);
    const { entities } = await build({
      transformers: {
        job: jobTransformer,
        trigger: triggerTransformer,
        dataset: datasetTransformer,
      },
    });
    await expectValidEntities(entities);

    expect(jobTransformer).toHaveBeenCalledTimes(ALL_JOBS.length);
    expect(jobTransformer).toHaveBeenCalledWith(
      expect.objectContaining({ Name: 'triggering_job' }),
      {
        providerId: 'test',
        accountId: ACCOUNT,
        region: REGION,
        tags: { owner: 'Data-Platform', lifecycle: 'experimental' },
        defaultEntity: expect.objectContaining({ kind: 'Component' }),
      },
    );
    for (const entity of entities.filter(e => e.kind === 'Component')) {
      expect(entity.spec?.lifecycle).toBe('transformed');
      expect(entity.metadata.labels?.['glue-name-length']).toBe(
        String(entity.metadata.title!.length),
      );
    }

    expect(triggerTransformer).toHaveBeenCalledTimes(ALL_TRIGGERS.length);
    expect(
      entities.filter(e => e.spec?.type === 'glue-trigger').map(titleOf),
    ).not.toContain('ghost_trigger');
    expect(entities.filter(e => e.spec?.type === 'glue-trigger')).toHaveLength(
      ALL_TRIGGERS.length - 1,
    );

    expect(datasetTransformer).toHaveBeenCalledTimes(5);
    expect(datasetTransformer).toHaveBeenCalledWith(
      {
        type: 's3-prefix',
        location: 's3://freshers-in/output-data/',
        arn: 'arn:aws:s3:::freshers-in/output-data/',
        readers: ['component:default/glueetl'],
        writers: ['component:default/upstream_job'],
      },
      expect.objectContaining({ tags: {} }),
    );
    expect(
      entities.filter(
        e =>
          e.metadata.annotations?.[GLUE_ANNOTATIONS.resourceKind] === 'dataset',
      ),
    ).toEqual([]);
  });

  it('uses an ownership rule before inheritance and the default', async () => {
    const { entities } = await build({
      ownership: {
        tagKeys: ['owner', 'team'],
        rules: [{ pattern: /^visual_/, owner: 'group:default/bi' }],
        defaultOwner: 'group:default/unknown',
      },
    });
    expect(job(entities, 'visual_orders_job').spec?.owner).toBe(
      'group:default/bi',
    );
    // the crawl trigger starts a crawler whose owner is the default
    expect(trigger(entities, 'crawl_after_visual').spec?.owner).toBe(
      'group:default/unknown',
    );
  });

  it('lets a system tag win over workflow membership', async () => {
    const tags = seedTags();
    tags.set(arn('job', 'upstream_job'), {
      owner: 'Data-Platform',
      system: 'lakehouse',
    });
    const { entities } = await build({}, seedInventory({ tags }));
    const system = job(entities, 'upstream_job').spec?.system as string;
    expect(
      parseEntityRef(system, {
        defaultKind: 'system',
        defaultNamespace: 'default',
      }),
    ).toEqual({ kind: 'system', namespace: 'default', name: 'lakehouse' });
  });

  it('puts everything in the configured namespace', async () => {
    const { entities } = await build({
      namespace: 'glue',
      ownership: {
        tagKeys: ['owner', 'team'],
        rules: [],
        defaultOwner: 'group:glue/unknown',
      },
    });
    await expectValidEntities(entities);
    expectResolvableRelations(entities);
    for (const entity of entities) {
      expect(entity.metadata.namespace).toBe('glue');
    }
    expect(job(entities, 'glueetl').spec?.owner).toBe(
      'group:glue/data-platform',
    );
    expect(dependsOn(trigger(entities, 'dependency_trigger'))).toEqual([
      'component:glue/triggering_job',
    ]);
  });

  it('renders a name template with the region', async () => {
    const { entities } = await build({
      nameTemplate: '{{ name }}-{{ region }}',
    });
    await expectValidEntities(entities);
    expectResolvableRelations(entities);
    expect(refOf(job(entities, 'triggering_job'))).toBe(
      'component:default/triggering_job-us-east-1',
    );
    expect(refOf(trigger(entities, 'dependency_trigger'))).toBe(
      'resource:default/trigger-dependency_trigger-us-east-1',
    );
    expect(
      refOf(byTitle(entities, 'Resource', 'freshers_landing_crawler')),
    ).toBe('resource:default/crawler-freshers_landing_crawler-us-east-1');
    expect(refOf(byTitle(entities, 'System', 'orders_workflow'))).toBe(
      'system:default/orders_workflow-us-east-1',
    );
    expect(dependsOn(job(entities, 'freshers_in_dependent_job'))).toEqual([
      'resource:default/trigger-dependency_trigger-us-east-1',
    ]);
    expect(dependsOn(trigger(entities, 'dependency_trigger'))).toEqual([
      'component:default/triggering_job-us-east-1',
    ]);
    expect(job(entities, 'upstream_job').spec?.system).toBe(
      'system:default/orders_workflow-us-east-1',
    );
  });

  it('gives two regions read with a region template disjoint entity refs (each unit owns its entities)', async () => {
    const template = { nameTemplate: '{{ name }}-{{ region }}' };
    const east = await build(template);
    const west = await build(
      template,
      seedInventory({ region: 'eu-west-1', tags: seedTags('eu-west-1') }),
    );
    const eastRefs = new Set(east.entities.map(refOf));
    const shared = west.entities.map(refOf).filter(ref => eastRefs.has(ref));
    expect(shared).toEqual([]);
  });

  it('keeps names stable whatever else is in the inventory', async () => {
    const full = await build({});
    const only = await build(
      {},
      seedInventory({
        jobs: seedJobs().filter(j => j.Name === 'glueetl'),
        triggers: [],
        workflows: [],
        crawlers: [],
      }),
    );
    expect(refOf(job(only.entities, 'glueetl'))).toBe(
      refOf(job(full.entities, 'glueetl')),
    );
    expect(refOf(dataset(only.entities, 's3://freshers-in/output-data/'))).toBe(
      refOf(dataset(full.entities, 's3://freshers-in/output-data/')),
    );
  });
});

// ---------------------------------------------------------------------------

describe('buildEntities with hostile names', () => {
  const hostileNames = [
    'Report',
    'report',
    'REPORT',
    'report.',
    'Daily Orders ETL',
    'daily-orders-etl',
    'daily_orders_etl',
    'ジョブ-データ',
    'Café Crème job',
    'x'.repeat(255),
    `X${'x'.repeat(254)}`,
    'job-0123456789',
    '---',
  ];

  it('gives valid, distinct entities for jobs, triggers and crawlers', async () => {
    const inventory = seedInventory({
      jobs: hostileNames.map(Name => ({ Name, Command: { Name: 'glueetl' } })),
      triggers: hostileNames.map(Name => ({
        Name,
        Type: 'CONDITIONAL',
        Actions: [{ JobName: Name }],
        Predicate: { Conditions: [{ JobName: 'Report', State: 'SUCCEEDED' }] },
      })),
      crawlers: hostileNames.map(Name => ({
        Name,
        Targets: {
          S3Targets: [{ Path: `s3://bucket/${encodeURIComponent(Name)}/` }],
        },
      })),
      workflows: hostileNames.map(Name => ({ Name })),
      tags: new Map(),
    });
    const { entities, warnings } = await buildEntities(inventory, options());
    expect(warnings).toEqual([]);
    await expectValidEntities(entities);
    expectResolvableRelations(entities);
    expect(entities.filter(e => e.kind === 'Component')).toHaveLength(
      hostileNames.length,
    );
    expect(entities.filter(e => e.kind === 'System')).toHaveLength(
      hostileNames.length,
    );
    expect(refOf(job(entities, 'report'))).toBe('component:default/report');
    expect(refOf(job(entities, 'Report'))).not.toBe('component:default/report');
    // every trigger depends on the one "Report" job, not on "report"
    const reportRef = refOf(job(entities, 'Report'));
    for (const name of hostileNames) {
      expect(dependsOn(trigger(entities, name))).toEqual([reportRef]);
      expect(dependsOn(job(entities, name))).toEqual([
        refOf(trigger(entities, name)),
      ]);
    }
  });
});

// ---------------------------------------------------------------------------

describe('buildEntities and secrets in lineage', () => {
  it('never copies credentials written into an S3 URI into a dataset', async () => {
    const { entities } = await buildEntities(
      seedInventory({
        jobs: [
          {
            Name: 'legacy_s3a_job',
            Command: { Name: 'glueetl' },
            DefaultArguments: {
              '--input': 's3a://etl_user:hunter2@freshers-in/raw/',
            },
          },
        ],
        triggers: [],
        workflows: [],
        crawlers: [],
      }),
      options(),
    );
    await expectValidEntities(entities);
    expect(JSON.stringify(entities)).not.toContain('hunter2');
  });
});

// ---------------------------------------------------------------------------

describe('buildEntities and secret shapes in every Glue text', () => {
  const HOSTILE_DESCRIPTION =
    '# Fake heading [Re-authenticate to AWS](https://evil.example) <img src=x onerror=alert(1)> <a href="https://evil.example">here</a> ![x](https://evil.example/p.png)';

  /** One job, trigger, workflow and crawler per shape, each carrying it everywhere. */
  function shapesInventory(): GlueInventory {
    const jobs: Job[] = SECRET_SHAPES.map((shape, i) => ({
      Name: `shape_job_${i}`,
      Description: shape.text,
      Command: {
        Name: 'glueetl',
        ScriptLocation: shape.anywhere,
      },
      DefaultArguments: {
        [shape.key]: shape.value,
        '--input': shape.anywhere,
        '--output': `s3://ok-bucket/out/,${shape.anywhere}`,
        '--enable-metrics': 'true',
      },
    }));
    jobs.push({
      Name: 'hostile_job',
      Description: HOSTILE_DESCRIPTION,
      Command: { Name: 'glueetl' },
    });
    const triggers: Trigger[] = SECRET_SHAPES.map((shape, i) => ({
      Name: `shape_trigger_${i}`,
      Description: shape.text,
      WorkflowName: `shape_workflow_${i}`,
      Type: 'ON_DEMAND',
      Actions: [
        {
          JobName: `shape_job_${i}`,
          Arguments: {
            [shape.key]: shape.value,
            '--input': shape.anywhere,
            '--run-date': 'today',
          },
        },
      ],
    }));
    triggers.push({
      Name: 'hostile_trigger',
      Description: HOSTILE_DESCRIPTION,
      Type: 'SCHEDULED',
      Schedule: 'cron(0 * * * ? *)',
      Actions: [{ JobName: 'hostile_job' }],
    });
    const workflows: Workflow[] = SECRET_SHAPES.map((shape, i) => ({
      Name: `shape_workflow_${i}`,
      Description: shape.text,
    }));
    workflows.push({
      Name: 'hostile_workflow',
      Description: HOSTILE_DESCRIPTION,
    });
    const crawlers: Crawler[] = SECRET_SHAPES.map((shape, i) => ({
      Name: `shape_crawler_${i}`,
      Description: shape.text,
      DatabaseName: 'sales',
      Targets: { S3Targets: [{ Path: shape.anywhere }] },
    }));
    crawlers.push({
      Name: 'hostile_crawler',
      Description: HOSTILE_DESCRIPTION,
    });
    return seedInventory({
      jobs,
      triggers,
      workflows,
      crawlers,
      tags: new Map(),
    });
  }

  let entities: Entity[];
  beforeAll(async () => {
    ({ entities } = await buildEntities(shapesInventory(), options()));
  });

  it('emits valid entities whose relations resolve', async () => {
    expect(entities.length).toBeGreaterThan(4 * SECRET_SHAPES.length);
    await expectValidEntities(entities);
    expectResolvableRelations(entities);
  });

  it.each(SECRET_SHAPES.map(shape => [shape.name, shape] as const))(
    'lets no part of %s reach an entity',
    (_, shape) => {
      const json = JSON.stringify(entities);
      // also with Markdown escapes removed, as the description renders
      const unescaped = json.replace(/\\/g, '');
      for (const secret of shape.secrets) {
        expect(json).not.toContain(secret);
        expect(unescaped).not.toContain(secret);
      }
    },
  );

  it('still redacts argument by argument and keeps the lineage of S3 URIs with credentials', () => {
    const defaults = JSON.parse(
      job(entities, 'shape_job_0').metadata.annotations![
        GLUE_ANNOTATIONS.jobDefaultArguments
      ],
    );
    expect(defaults).toEqual({
      '--input': REDACTED,
      '--output': REDACTED,
      '--enable-metrics': 'true',
    });
    expect(
      sorted(
        lineageOf(job(entities, 'shape_job_1')).map(
          e => `${e.direction} ${e.location}`,
        ),
      ),
    ).toEqual([
      'input s3://bucket/x/',
      'output s3://bucket/x/',
      'output s3://ok-bucket/out/',
    ]);
    expect(
      job(entities, 'shape_job_1').metadata.annotations![
        GLUE_ANNOTATIONS.jobScriptLocation
      ],
    ).toBe('s3://bucket/x/');
  });

  it('writes descriptions in which no link, image, heading or tag can start', () => {
    for (const entity of entities) {
      const description = entity.metadata.description ?? '';
      expect({ entity: refOf(entity), description }).toEqual({
        entity: refOf(entity),
        description: expect.not.stringMatching(/(?<!\\)[[<]|(?<!\\)\]\(|^#/),
      });
      expect(description).not.toContain('\n');
    }
    for (const entity of [
      job(entities, 'hostile_job'),
      byTitle(entities, 'System', 'hostile_workflow'),
      byTitle(entities, 'Resource', 'hostile_crawler'),
    ]) {
      expect(entity.metadata.description).toBe(
        '\\# Fake heading \\[Re-authenticate to AWS\\](https\\://evil.example) \\<img src=x onerror=alert(1)> \\<a href="https\\://evil.example">here\\</a> !\\[x\\](https\\://evil.example/p.png)',
      );
    }
    expect(trigger(entities, 'hostile_trigger').metadata.description).toMatch(
      /^Starts hostile_job on schedule cron\(0 \* \* \* \? \\\*\)\. # Fake heading \\\[Re-authenticate/,
    );
  });
});
