import { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-node';
import { resolveInventory, ResolveOptions } from './resolve';
import { GlueInventory } from './types';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const arn = (type: string, name: string) =>
  `arn:aws:glue:${REGION}:${ACCOUNT}:${type}/${name}`;

function options(overrides: Partial<ResolveOptions> = {}): ResolveOptions {
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
      tagKeys: ['owner'],
      rules: [],
      defaultOwner: 'group:default/unknown',
    },
    lifecycle: { tagKey: 'lifecycle', defaultValue: 'production' },
    system: { tagKey: 'system' },
    workflowsAsSystems: true,
    lineage: {
      enabled: true,
      inputArgumentPatterns: ['--input*'],
      outputArgumentPatterns: ['--output*'],
    },
    redactor: ArgumentRedactor.withDefaults(),
    ...overrides,
  };
}

function inventory(overrides: Partial<GlueInventory> = {}): GlueInventory {
  return {
    partition: 'aws',
    accountId: ACCOUNT,
    region: REGION,
    jobs: [
      { Name: 'load', DefaultArguments: { '--output': 's3://lake/raw/' } },
      { Name: 'Report', DefaultArguments: { '--input': 's3://lake/raw/' } },
      { Name: 'audit' },
    ],
    triggers: [
      {
        Name: 'nightly',
        WorkflowName: 'pipeline',
        Actions: [{ JobName: 'ghost' }, { JobName: 'load' }],
      },
      {
        Name: 'after-load',
        WorkflowName: 'pipeline',
        Actions: [{ JobName: 'Report' }],
        Predicate: { Conditions: [{ JobName: 'load', State: 'SUCCEEDED' }] },
      },
    ],
    workflows: [{ Name: 'pipeline' }],
    crawlers: [
      { Name: 'raw', Targets: { S3Targets: [{ Path: 's3://lake/raw' }] } },
    ],
    tags: new Map<string, Record<string, string>>([
      [arn('job', 'load'), { owner: 'ingest', lifecycle: 'experimental' }],
      [arn('job', 'Report'), { owner: 'bi' }],
      [arn('job', 'audit'), { owner: 'bi', system: 'Compliance' }],
      [arn('crawler', 'raw'), { owner: 'ingest' }],
    ]),
    ...overrides,
  };
}

describe('resolveInventory', () => {
  const resolved = resolveInventory(inventory(), options());
  const job = (name: string) =>
    resolved.inputs.job.find(j => j.job.Name === name)!;
  const trigger = (name: string) =>
    resolved.inputs.trigger.find(t => t.trigger.Name === name)!;

  it('names every resource with its kind prefix and a hash where the name is not kept', () => {
    expect(resolved.inputs.job.map(j => j.resolved.entityRef)).toEqual([
      'component:default/load',
      expect.stringMatching(/^component:default\/report-[0-9a-f]{10}$/),
      'component:default/audit',
    ]);
    expect(resolved.inputs.trigger.map(t => t.resolved.entityRef)).toEqual([
      'resource:default/trigger-nightly',
      'resource:default/trigger-after-load',
    ]);
    expect(resolved.inputs.crawler[0].resolved).toMatchObject({
      entityName: 'crawler-raw',
      entityRef: 'resource:default/crawler-raw',
      arn: arn('crawler', 'raw'),
    });
    expect(resolved.inputs.workflow[0].resolved.entityRef).toBe(
      'system:default/pipeline',
    );
  });

  it('resolves owners from tags, and inherits them for triggers and workflows', () => {
    expect(job('load').resolved.owner).toBe('group:default/ingest');
    // the first action's job is not synced: the next one's owner
    expect(trigger('nightly').resolved.owner).toBe('group:default/ingest');
    expect(trigger('after-load').resolved.owner).toBe('group:default/bi');
    // members: load (ingest), Report (bi); a tie goes to the first
    expect(resolved.inputs.workflow[0].resolved.owner).toBe(
      'group:default/ingest',
    );
  });

  it('resolves systems: a system tag, else the one synced workflow', () => {
    expect(job('load').resolved.system).toBe('system:default/pipeline');
    expect(job('audit').resolved.system).toBe('system:default/compliance');
    expect(trigger('nightly').resolved.system).toBe('system:default/pipeline');
    const noSystems = resolveInventory(
      inventory(),
      options({ workflowsAsSystems: false }),
    );
    expect(noSystems.inputs.workflow).toEqual([]);
    expect(noSystems.inputs.job[0].resolved.system).toBeUndefined();
    expect(noSystems.inputs.trigger[0].resolved.system).toBeUndefined();
  });

  it('resolves lifecycles from tags, else the default', () => {
    expect(job('load').resolved.lifecycle).toBe('experimental');
    expect(job('audit').resolved.lifecycle).toBe('production');
  });

  it('relates triggers, jobs and datasets', () => {
    expect(job('Report').startedBy).toEqual([
      'resource:default/trigger-after-load',
    ]);
    expect(job('Report').workflows).toEqual(['pipeline']);
    expect(trigger('after-load').watches).toEqual(['component:default/load']);
    expect(trigger('nightly').missingReferences).toEqual(['ghost']);
    expect(resolved.warnings).toEqual([
      expect.stringContaining('trigger nightly refers to ghost'),
    ]);
    expect(job('load').lineage).toEqual([
      {
        direction: 'output',
        location: 's3://lake/raw/',
        // a location is not a valid name: slugged and hashed
        entityRef: resolved.inputs.dataset[0].resolved.entityRef,
        source: 'default-argument:--output',
      },
    ]);
  });

  it('finds one dataset per location, owned by its writer', () => {
    expect(resolved.inputs.dataset).toHaveLength(1);
    const [dataset] = resolved.inputs.dataset;
    expect(dataset.dataset).toEqual({
      type: 's3-prefix',
      location: 's3://lake/raw/',
      arn: 'arn:aws:s3:::lake/raw/',
      readers: [
        expect.stringMatching(/^component:default\/report-/),
        'resource:default/crawler-raw',
      ],
      writers: ['component:default/load'],
    });
    expect(dataset.resolved).toMatchObject({
      entityRef: expect.stringMatching(
        /^resource:default\/s3-lake-raw-[0-9a-f]{10}$/,
      ),
      owner: 'group:default/ingest',
      tags: {},
    });
  });

  it('carries the unit every entity is written with', () => {
    expect(resolved.unit).toEqual({
      providerId: 'test',
      partition: 'aws',
      accountId: ACCOUNT,
      region: REGION,
      namespace: 'default',
      redactor: expect.any(ArgumentRedactor),
    });
  });
});
