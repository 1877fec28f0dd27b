import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_AWS_GLUE_SLA,
  GLUE_ANNOTATIONS as A,
  GLUE_SLA_TAG,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-node';
import * as api from '../../index';
import { baseEntity } from './baseEntity';
import { GlueUnitContext, JobTransformerInput } from './types';

const unit: GlueUnitContext = {
  providerId: 'AwsGlueEntityProvider:prod:us-east-1',
  partition: 'aws',
  accountId: '123456789012',
  region: 'us-east-1',
  namespace: 'glue',
  redactor: ArgumentRedactor.withDefaults(),
};

const jobInput = (job: JobTransformerInput['job']): JobTransformerInput => ({
  unit,
  job,
  resolved: {
    kind: 'job',
    glueName: job.Name!,
    arn: `arn:aws:glue:us-east-1:123456789012:job/${job.Name}`,
    entityName: 'nightly-load',
    entityRef: 'component:glue/nightly-load',
    tags: {},
    owner: 'group:glue/data',
    lifecycle: 'production',
  },
  startedBy: ['resource:glue/trigger-nightly'],
  lineage: [],
  workflows: [],
});

describe('baseEntity', () => {
  it('writes the name, title, plain description and the common annotations first', () => {
    const resolved = {
      kind: 'crawler' as const,
      glueName: 'x',
      arn: 'arn:x',
      entityName: 'crawler-x',
      entityRef: 'resource:glue/crawler-x',
      tags: {},
      owner: 'group:glue/data',
    };
    const entity = baseEntity(
      { unit, resolved },
      {
        description: 'Reads [a link](javascript:alert(1))\nand more',
        annotations: { extra: 1, empty: '', none: undefined },
        links: [],
        spec: { owner: 'group:glue/data' },
      },
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        namespace: 'glue',
        name: 'crawler-x',
        title: 'x',
        description: expect.not.stringContaining('\n'),
        annotations: {
          [ANNOTATION_LOCATION]:
            'aws-glue:AwsGlueEntityProvider:prod:us-east-1',
          [ANNOTATION_ORIGIN_LOCATION]:
            'aws-glue:AwsGlueEntityProvider:prod:us-east-1',
          [ANNOTATION_AWS_ARN]: 'arn:x',
          [ANNOTATION_AWS_ACCOUNT_ID]: '123456789012',
          [A.region]: 'us-east-1',
          [A.name]: 'x',
          [A.resourceKind]: 'crawler',
          [A.provider]: 'AwsGlueEntityProvider:prod:us-east-1',
          extra: '1',
        },
        links: [],
      },
      spec: { owner: 'group:glue/data' },
    });
    expect(entity.metadata.description).not.toContain('[a link](');
    expect(Object.keys(entity.metadata.annotations!)[0]).toBe(
      ANNOTATION_LOCATION,
    );
  });
});

describe('the SLA tag', () => {
  it('becomes the SLA annotation of jobs and workflows only', () => {
    const entityOf = (kind: 'job' | 'workflow' | 'crawler') =>
      baseEntity(
        {
          unit,
          resolved: {
            kind,
            glueName: 'x',
            arn: 'arn:x',
            entityName: 'x',
            entityRef: 'component:glue/x',
            tags: { [GLUE_SLA_TAG]: ' 06:30 Europe/Berlin ' },
            owner: 'group:glue/data',
          },
        },
        { description: 'x', links: [], spec: {} },
      ).metadata.annotations![ANNOTATION_AWS_GLUE_SLA];
    expect(entityOf('job')).toBe('06:30 Europe/Berlin');
    expect(entityOf('workflow')).toBe('06:30 Europe/Berlin');
    expect(entityOf('crawler')).toBeUndefined();
  });
});

describe('defaultJobTransformer', () => {
  it('links the source of a job kept in Git', () => {
    const entity = api.defaultJobTransformer(
      jobInput({
        Name: 'nightly-load',
        SourceControlDetails: {
          Provider: 'GITHUB',
          Owner: 'octo',
          Repository: 'etl',
          Branch: 'main',
          Folder: 'jobs/nightly',
          AuthToken: 'ghp_secret',
        },
      }),
    );
    expect(entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION]).toBe(
      'url:https://github.com/octo/etl/tree/main/jobs/nightly/',
    );
    expect(JSON.stringify(entity)).not.toContain('ghp_secret');
  });

  it.each([
    ['no source control', undefined],
    [
      'a hostile folder',
      {
        Provider: 'GITHUB' as const,
        Owner: 'octo',
        Repository: 'etl',
        Branch: 'main',
        Folder: '../../evil',
      },
    ],
    [
      'CodeCommit',
      { Provider: 'AWS_CODE_COMMIT' as const, Owner: 'x', Repository: 'etl' },
    ],
  ])('has no source location with %s', (_, details) => {
    const entity = api.defaultJobTransformer(
      jobInput({ Name: 'nightly-load', SourceControlDetails: details }),
    );
    expect(entity.metadata.annotations).not.toHaveProperty(
      ANNOTATION_SOURCE_LOCATION,
    );
  });

  it('depends on its triggers and the datasets it reads, each once', () => {
    const entity = api.defaultJobTransformer({
      ...jobInput({ Name: 'nightly-load' }),
      startedBy: ['resource:glue/trigger-a', 'resource:glue/trigger-a'],
      lineage: [
        {
          direction: 'input',
          location: 's3://in/',
          entityRef: 'resource:glue/s3-in',
          source: 'default-argument:--input',
        },
        {
          direction: 'output',
          location: 's3://out/',
          entityRef: 'resource:glue/s3-out',
          source: 'default-argument:--output',
        },
      ],
    });
    expect(entity.spec?.dependsOn).toEqual([
      'resource:glue/trigger-a',
      'resource:glue/s3-in',
    ]);
    expect(entity.metadata.annotations?.[A.lineage]).toBeDefined();
  });
});

describe('the package', () => {
  it('exports a default transformer per kind', () => {
    expect(
      Object.keys(api)
        .filter(k => k.startsWith('default'))
        .sort(),
    ).toEqual([
      'default',
      'defaultCrawlerTransformer',
      'defaultDatasetTransformer',
      'defaultJobTransformer',
      'defaultTriggerTransformer',
      'defaultWorkflowTransformer',
    ]);
  });
});
