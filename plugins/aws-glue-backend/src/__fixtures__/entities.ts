/**
 * Test entities shaped like the ones the AWS Glue catalog module writes
 * (plugins/catalog-backend-module-aws-glue/src/lib/buildEntities.ts), with
 * the `relations` the catalog would compute from `spec.dependsOn`.
 */
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  GLUE_ANNOTATIONS as A,
  GlueLineageEdge,
  GlueTriggerAction,
  GlueTriggerPredicate,
  writeGlueLineage,
  writeGlueTriggerActions,
  writeGlueTriggerPredicate,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  awsGlueProviderLocation,
  awsGlueProviderName,
} from '@aws-glue-backstage/plugin-aws-glue-node';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/**
 * The catalog provider config these entities were synced by: one provider
 * `demo` reading both regions the fixtures use.
 */
export const PROVIDERS_CONFIG = {
  catalog: {
    providers: {
      awsGlue: {
        demo: { accountId: ACCOUNT, regions: [REGION, 'eu-west-1'] },
      },
    },
  },
};

/** The provider units of {@link PROVIDERS_CONFIG}. */
export const PROVIDER_UNITS = [REGION, 'eu-west-1'].map(region => ({
  id: 'demo',
  accountId: ACCOUNT,
  region,
  providerName: awsGlueProviderName('demo', region),
}));

const arn = (type: string, name: string, region = REGION) =>
  `arn:aws:glue:${region}:${ACCOUNT}:${type}/${name}`;

function synced(
  kind: 'Component' | 'Resource' | 'System',
  name: string,
  resourceKind: string,
  resourceArn: string,
  glueName: string,
  extra: Record<string, string | undefined>,
  spec: Record<string, unknown>,
  region = REGION,
): Entity {
  const provider = awsGlueProviderName('demo', region);
  const annotations: Record<string, string> = {
    [ANNOTATION_LOCATION]: awsGlueProviderLocation(provider),
    [ANNOTATION_ORIGIN_LOCATION]: awsGlueProviderLocation(provider),
    [ANNOTATION_AWS_ARN]: resourceArn,
    [ANNOTATION_AWS_ACCOUNT_ID]: ACCOUNT,
    [A.region]: region,
    [A.name]: glueName,
    [A.resourceKind]: resourceKind,
    [A.provider]: provider,
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) annotations[key] = value;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { namespace: 'default', name, title: glueName, annotations },
    spec: {
      owner: 'group:default/data-platform',
      lifecycle: 'production',
      ...spec,
    },
  };
}

export function jobEntity(
  glueName: string,
  options: { name?: string; lineage?: GlueLineageEdge[]; region?: string } = {},
): Entity {
  const region = options.region ?? REGION;
  return synced(
    'Component',
    options.name ?? glueName,
    'job',
    arn('job', glueName, region),
    glueName,
    {
      [A.jobCommand]: 'glueetl',
      [A.lineage]: options.lineage?.length
        ? writeGlueLineage(options.lineage)
        : undefined,
    },
    { type: 'glue-job' },
    region,
  );
}

export function triggerEntity(
  glueName: string,
  options: {
    type: string;
    state?: string;
    schedule?: string;
    predicate?: GlueTriggerPredicate;
    actions: GlueTriggerAction[];
    description?: string;
  },
): Entity {
  const entity = synced(
    'Resource',
    `trigger-${glueName}`,
    'trigger',
    arn('trigger', glueName),
    glueName,
    {
      [A.triggerType]: options.type,
      [A.triggerState]: options.state ?? 'ACTIVATED',
      [A.triggerSchedule]: options.schedule,
      [A.triggerPredicate]: options.predicate
        ? writeGlueTriggerPredicate(options.predicate)
        : undefined,
      [A.triggerActions]: writeGlueTriggerActions(options.actions),
    },
    { type: 'glue-trigger' },
  );
  if (options.description) entity.metadata.description = options.description;
  return entity;
}

export function datasetEntity(name: string, location: string): Entity {
  return synced(
    'Resource',
    name,
    'dataset',
    `arn:aws:s3:::${location.slice('s3://'.length)}`,
    location,
    { [A.datasetLocation]: location },
    { type: 's3-prefix' },
  );
}

export function workflowEntity(glueName: string): Entity {
  return synced(
    'System',
    glueName,
    'workflow',
    arn('workflow', glueName),
    glueName,
    {},
    {},
  );
}

/** Fills `spec.dependsOn` and both sides' `relations`, like the catalog does. */
export function link(entities: Entity[], pairs: [Entity, Entity][]): Entity[] {
  for (const [from, to] of pairs) {
    const fromRef = stringifyEntityRef(from);
    const toRef = stringifyEntityRef(to);
    from.spec = {
      ...from.spec,
      dependsOn: [...((from.spec?.dependsOn as string[]) ?? []), toRef],
    };
    from.relations = [
      ...(from.relations ?? []),
      { type: RELATION_DEPENDS_ON, targetRef: toRef },
    ];
    to.relations = [
      ...(to.relations ?? []),
      { type: RELATION_DEPENDENCY_OF, targetRef: fromRef },
    ];
  }
  return entities;
}

const lineage = (
  direction: 'input' | 'output',
  location: string,
  dataset: Entity,
  key: string,
): GlueLineageEdge => ({
  direction,
  location,
  entityRef: stringifyEntityRef(dataset),
  source: `default-argument:${key}`,
});

/**
 * The demo fixture's freshers-in chain (examples/glue/demo.yaml):
 * triggering_job (A) --SUCCEEDED--> trigger start-freshers-in-dependent-job
 * (T) --starts--> freshers_in_dependent_job (B); A writes
 * s3://freshers-in/staging/triggering/ (D), which B reads; A reads
 * s3://freshers-in/input-data/ (D0); the error handler ingest-failure-alert
 * (ANY: triggering_job FAILED, upstream_job FAILED) starts
 * pipeline-failure-alert.
 */
export function freshersChain() {
  const input = datasetEntity(
    's3-freshers-in-input-data',
    's3://freshers-in/input-data/',
  );
  const staging = datasetEntity(
    's3-freshers-in-staging-triggering',
    's3://freshers-in/staging/triggering/',
  );
  const output = datasetEntity(
    's3-freshers-in-dependent-output',
    's3://freshers-in/dependent-output/',
  );
  const a = jobEntity('triggering_job', {
    lineage: [
      lineage('input', 's3://freshers-in/input-data/', input, '--input'),
      lineage(
        'output',
        's3://freshers-in/staging/triggering/',
        staging,
        '--output',
      ),
    ],
  });
  const b = jobEntity('freshers_in_dependent_job', {
    lineage: [
      lineage(
        'input',
        's3://freshers-in/staging/triggering/',
        staging,
        '--input',
      ),
      lineage(
        'output',
        's3://freshers-in/dependent-output/',
        output,
        '--output',
      ),
    ],
  });
  const t = triggerEntity('start-freshers-in-dependent-job', {
    type: 'CONDITIONAL',
    description: 'when triggering_job SUCCEEDED',
    predicate: {
      Logical: 'AND',
      Conditions: [
        {
          LogicalOperator: 'EQUALS',
          JobName: 'triggering_job',
          State: 'SUCCEEDED',
        },
      ],
    },
    actions: [
      {
        JobName: 'freshers_in_dependent_job',
        Arguments: { '--dependency-param': 'value' },
      },
    ],
  });
  const alertJob = jobEntity('pipeline-failure-alert');
  const alert = triggerEntity('ingest-failure-alert', {
    type: 'CONDITIONAL',
    predicate: {
      Logical: 'ANY',
      Conditions: [
        {
          LogicalOperator: 'EQUALS',
          JobName: 'triggering_job',
          State: 'FAILED',
        },
        { LogicalOperator: 'EQUALS', JobName: 'upstream_job', State: 'FAILED' },
      ],
    },
    actions: [{ JobName: 'pipeline-failure-alert' }],
  });
  const entities = link(
    [a, b, t, input, staging, output, alertJob, alert],
    [
      [b, t],
      [b, staging],
      [t, a],
      [staging, a],
      [output, b],
      [a, input],
      [alertJob, alert],
      [alert, a],
    ],
  );
  return { entities, a, b, t, input, staging, output, alert, alertJob };
}

/**
 * Hand-written entities (anyone can register one) that claim to be a Glue
 * trigger and job, with broken structured annotations, each depending on
 * `target` (another team's job). Four bad annotations in all.
 */
export function brokenEntities(target: Entity) {
  const handWritten = (
    kind: 'Component' | 'Resource',
    name: string,
    annotations: Record<string, string>,
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { namespace: 'default', name, annotations },
    spec: {
      type: 'other',
      owner: 'group:default/mallory',
      lifecycle: 'experimental',
    },
  });
  const nullCondition = handWritten('Resource', 'null-condition', {
    [A.resourceKind]: 'trigger',
    [A.name]: 'null-condition',
    [A.triggerType]: 'CONDITIONAL',
    [A.triggerPredicate]: '{"Conditions":[null]}',
    [A.triggerActions]: '[null]',
  });
  const nullPredicate = handWritten('Resource', 'null-predicate', {
    [A.resourceKind]: 'trigger',
    [A.name]: 'null-predicate',
    [A.triggerPredicate]: '[null]',
  });
  const nullLineage = handWritten('Component', 'null-lineage', {
    [A.resourceKind]: 'job',
    [A.name]: 'null-lineage',
    [A.lineage]: '[null]',
  });
  const entities = link(
    [nullCondition, nullPredicate, nullLineage],
    [
      [nullCondition, target],
      [nullPredicate, target],
      [nullLineage, target],
    ],
  );
  return {
    entities,
    /** `[entity ref, annotation key]` of each bad annotation. */
    problems: [
      [stringifyEntityRef(nullCondition), A.triggerPredicate],
      [stringifyEntityRef(nullCondition), A.triggerActions],
      [stringifyEntityRef(nullPredicate), A.triggerPredicate],
      [stringifyEntityRef(nullLineage), A.lineage],
    ] as [string, string][],
  };
}
