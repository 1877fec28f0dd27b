import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_AWS_GLUE_JOB_ARN,
  GLUE_ANNOTATIONS as A,
  GlueChainResponse,
  GlueFleetJob,
  GlueFleetResponse,
  GlueJob,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueRunSummary,
  GlueTeamSummaryResponse,
  GlueTrendPoint,
  GlueTrendsResponse,
  GlueTrendWindow,
  GlueWorkflowRunsResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * Test and demo data shaped like what the catalog module and the backend
 * produce for the demo fixture (examples/glue/demo.yaml). Not exported from
 * the package entry.
 */

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const jobArn = (name: string) =>
  `arn:aws:glue:${REGION}:${ACCOUNT}:job/${name}`;
const consoleUrl = (name: string) =>
  `https://${REGION}.console.aws.amazon.com/gluestudio/home?region=${REGION}#/editor/job/${encodeURIComponent(
    name,
  )}/details`;

export const dependentJobEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    namespace: 'default',
    name: 'freshers_in_dependent_job',
    title: 'freshers_in_dependent_job',
    description:
      'Runs after triggering_job succeeds (trigger start-freshers-in-dependent-job)',
    annotations: {
      [ANNOTATION_AWS_ARN]: jobArn('freshers_in_dependent_job'),
      [ANNOTATION_AWS_ACCOUNT_ID]: ACCOUNT,
      [A.region]: REGION,
      [A.name]: 'freshers_in_dependent_job',
      [A.resourceKind]: 'job',
      [A.jobCommand]: 'glueetl',
      [A.jobGlueVersion]: '4.0',
    },
    links: [
      {
        url: consoleUrl('freshers_in_dependent_job'),
        title: 'AWS Glue console',
        icon: 'cloud',
      },
    ],
  },
  spec: {
    type: 'glue-job',
    lifecycle: 'production',
    owner: 'group:default/data-platform',
    dependsOn: ['resource:default/trigger-start-freshers-in-dependent-job'],
  },
  relations: [
    {
      type: 'ownedBy',
      targetRef: 'group:default/data-platform',
    },
    {
      type: 'dependsOn',
      targetRef: 'resource:default/trigger-start-freshers-in-dependent-job',
    },
  ],
};

/** A hand-written Component that links two Glue jobs. */
export const multiJobEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    namespace: 'default',
    name: 'freshers-in-pipeline',
    annotations: {
      [ANNOTATION_AWS_GLUE_JOB_ARN]: `${jobArn('triggering_job')},${jobArn(
        'freshers_in_dependent_job',
      )}`,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/data-platform',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/data-platform' }],
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { namespace: 'default', name: 'web-frontend' },
  spec: { type: 'website', lifecycle: 'production', owner: 'team-web' },
};

export const triggerEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    namespace: 'default',
    name: 'trigger-start-freshers-in-dependent-job',
    title: 'start-freshers-in-dependent-job',
    description:
      'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
    annotations: {
      [ANNOTATION_AWS_ARN]: `arn:aws:glue:${REGION}:${ACCOUNT}:trigger/start-freshers-in-dependent-job`,
      [ANNOTATION_AWS_ACCOUNT_ID]: ACCOUNT,
      [A.region]: REGION,
      [A.name]: 'start-freshers-in-dependent-job',
      [A.resourceKind]: 'trigger',
      [A.triggerType]: 'CONDITIONAL',
      [A.triggerState]: 'ACTIVATED',
      [A.triggerPredicate]: JSON.stringify({
        Logical: 'AND',
        Conditions: [
          {
            LogicalOperator: 'EQUALS',
            JobName: 'triggering_job',
            State: 'SUCCEEDED',
          },
          {
            LogicalOperator: 'EQUALS',
            CrawlerName: 'raw-crawler',
            CrawlState: 'SUCCEEDED',
          },
        ],
      }),
      [A.triggerActions]: JSON.stringify([
        {
          JobName: 'freshers_in_dependent_job',
          Arguments: {
            '--dependency-param': 'from-trigger',
            '--db-password': '<redacted>',
          },
          Timeout: 30,
        },
      ]),
    },
    links: [
      {
        url: `https://${REGION}.console.aws.amazon.com/glue/home?region=${REGION}#/v2/etl-configuration/triggers/view/start-freshers-in-dependent-job`,
        title: 'AWS Glue console',
        icon: 'cloud',
      },
    ],
  },
  spec: {
    type: 'glue-trigger',
    lifecycle: 'production',
    owner: 'group:default/data-platform',
    dependsOn: ['component:default/triggering_job'],
  },
  relations: [
    { type: 'dependsOn', targetRef: 'component:default/triggering_job' },
    {
      type: 'dependencyOf',
      targetRef: 'component:default/freshers_in_dependent_job',
    },
  ],
};

export const triggeringJobEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    namespace: 'default',
    name: 'triggering_job',
    title: 'triggering_job',
    annotations: {
      [ANNOTATION_AWS_ARN]: jobArn('triggering_job'),
      [ANNOTATION_AWS_ACCOUNT_ID]: ACCOUNT,
      [A.region]: REGION,
      [A.name]: 'triggering_job',
      [A.resourceKind]: 'job',
    },
  },
  spec: {
    type: 'glue-job',
    lifecycle: 'production',
    owner: 'group:default/data-platform',
  },
};

export const scheduledTriggerEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    namespace: 'default',
    name: 'trigger-crm-sync-weekdays',
    title: 'crm-sync-weekdays',
    description: 'Starts legacy_crm_sync on schedule cron(0 7 ? * MON-FRI *)',
    annotations: {
      [ANNOTATION_AWS_ARN]: `arn:aws:glue:${REGION}:${ACCOUNT}:trigger/crm-sync-weekdays`,
      [A.name]: 'crm-sync-weekdays',
      [A.resourceKind]: 'trigger',
      [A.triggerType]: 'SCHEDULED',
      [A.triggerState]: 'DEACTIVATED',
      [A.triggerSchedule]: 'cron(0 7 ? * MON-FRI *)',
      [A.triggerActions]: JSON.stringify([{ JobName: 'legacy_crm_sync' }]),
    },
  },
  spec: {
    type: 'glue-trigger',
    lifecycle: 'production',
    owner: 'group:default/data-platform',
  },
};

export const crawlerEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    namespace: 'default',
    name: 'crawler-curated-orders-crawler',
    title: 'curated-orders-crawler',
    description: 'AWS Glue crawler writing to database sales',
    annotations: {
      [ANNOTATION_AWS_ARN]: `arn:aws:glue:${REGION}:${ACCOUNT}:crawler/curated-orders-crawler`,
      [A.name]: 'curated-orders-crawler',
      [A.resourceKind]: 'crawler',
      [A.crawlerDatabase]: 'sales',
      [A.crawlerSchedule]: 'cron(30 4 * * ? *)',
      [A.workflows]: 'sales-pipeline',
      [A.lineage]: JSON.stringify([
        {
          direction: 'input',
          location: 's3://acme-curated/orders-aggregate/',
          entityRef: 'resource:default/s3-acme-curated-orders-aggregate',
          source: 'crawler-target',
        },
      ]),
    },
    links: [
      {
        url: `https://${REGION}.console.aws.amazon.com/glue/home?region=${REGION}#/v2/data-catalog/crawlers/view/curated-orders-crawler`,
        title: 'AWS Glue console',
      },
    ],
  },
  spec: {
    type: 'glue-crawler',
    lifecycle: 'production',
    owner: 'group:default/analytics',
    system: 'system:default/sales-pipeline',
  },
  relations: [
    {
      type: 'dependsOn',
      targetRef: 'resource:default/trigger-sales-after-aggregate',
    },
  ],
};

export const salesAfterAggregateTrigger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    namespace: 'default',
    name: 'trigger-sales-after-aggregate',
    title: 'sales-after-aggregate',
    description:
      'Starts crawler curated-orders-crawler when orders-aggregate SUCCEEDED',
    annotations: {
      [A.name]: 'sales-after-aggregate',
      [A.resourceKind]: 'trigger',
      [A.triggerType]: 'CONDITIONAL',
      [A.triggerActions]: JSON.stringify([
        { CrawlerName: 'curated-orders-crawler' },
      ]),
    },
  },
  spec: { type: 'glue-trigger', owner: 'group:default/analytics' },
};

export const workflowEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    namespace: 'default',
    name: 'sales-pipeline',
    title: 'sales-pipeline',
    annotations: {
      [ANNOTATION_AWS_ARN]: `arn:aws:glue:${REGION}:${ACCOUNT}:workflow/sales-pipeline`,
      [A.name]: 'sales-pipeline',
      [A.resourceKind]: 'workflow',
    },
  },
  spec: { owner: 'group:default/analytics' },
};

export function makeRun(overrides: Partial<GlueJobRun> = {}): GlueJobRun {
  const id = overrides.id ?? 'jr_0001';
  const jobName = overrides.jobName ?? 'freshers_in_dependent_job';
  return {
    id,
    jobName,
    jobArn: jobArn(jobName),
    attempt: 0,
    state: 'SUCCEEDED',
    startedOn: '2025-03-04T02:15:00.000Z',
    completedOn: '2025-03-04T02:22:00.000Z',
    lastModifiedOn: '2025-03-04T02:22:00.000Z',
    durationSeconds: 420,
    executionTimeSeconds: 400,
    dpuSeconds: 2000,
    dpuHours: 0.556,
    estimatedCost: 0.24,
    currency: 'USD',
    workerType: 'G.1X',
    numberOfWorkers: 5,
    glueVersion: '4.0',
    executionClass: 'STANDARD',
    timeoutMinutes: 45,
    triggerName: 'start-freshers-in-dependent-job',
    arguments: {
      '--input': 's3://freshers-in/staging/triggering/',
      '--db-password': '<redacted>',
    },
    predecessorRuns: [{ jobName: 'triggering_job', runId: 'jr_upstream_1' }],
    links: {
      console: `https://${REGION}.console.aws.amazon.com/gluestudio/home?region=${REGION}#/job/${jobName}/run/${id}`,
      logs: [
        {
          title: 'Output logs',
          url: `https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Foutput/log-events/${id}`,
        },
        {
          title: 'Error logs',
          url: `https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Ferror/log-events/${id}`,
        },
      ],
    },
    ...overrides,
  };
}

export function makeJob(overrides: Partial<GlueJob> = {}): GlueJob {
  const name = overrides.name ?? 'freshers_in_dependent_job';
  return {
    arn: jobArn(name),
    name,
    accountId: ACCOUNT,
    region: REGION,
    description:
      'Runs after triggering_job succeeds (trigger start-freshers-in-dependent-job)',
    command: 'glueetl',
    jobMode: 'SCRIPT',
    glueVersion: '4.0',
    workerType: 'G.1X',
    numberOfWorkers: 5,
    timeoutMinutes: 45,
    maxRetries: 0,
    maxConcurrentRuns: 1,
    executionClass: 'STANDARD',
    bookmarkOption: 'job-bookmark-enable',
    scriptLocation: 's3://freshers-in/scripts/dependent_job.py',
    connections: [],
    defaultArguments: {
      '--input': 's3://freshers-in/staging/triggering/',
      '--output': 's3://freshers-in/dependent-output/',
      '--dependency-param': 'default',
    },
    consoleUrl: consoleUrl(name),
    latestRun: makeRun({ jobName: name, state: 'FAILED', id: 'jr_latest' }),
    canStart: true,
    canStop: true,
    overridableArguments: ['--dependency-param'],
    ...overrides,
  };
}

export function makeRunsResponse(
  runs: GlueJobRun[],
  nextToken?: string,
): GlueJobRunsResponse {
  return {
    runs,
    nextToken,
    totals: {
      dpuHours: runs.reduce((s, r) => s + (r.dpuHours ?? 0), 0),
      estimatedCost: runs.reduce((s, r) => s + (r.estimatedCost ?? 0), 0),
      currency: 'USD',
    },
  };
}

/**
 * The chain of freshers_in_dependent_job: triggering_job (FAILED) -> trigger
 * -> the job (root) -> dataset -> glueetl (downstream reader).
 */
export const dependentJobChain: GlueChainResponse = {
  root: 'component:default/freshers_in_dependent_job',
  truncated: false,
  nodes: [
    {
      id: 'component:default/freshers_in_dependent_job',
      kind: 'job',
      title: 'freshers_in_dependent_job',
      depth: 0,
      latestRun: {
        id: 'jr_latest',
        state: 'SUCCEEDED',
        startedOn: '2025-03-04T02:15:00.000Z',
        completedOn: '2025-03-04T02:22:00.000Z',
      },
    },
    {
      id: 'resource:default/trigger-start-freshers-in-dependent-job',
      kind: 'trigger',
      title: 'start-freshers-in-dependent-job',
      depth: 1,
      trigger: {
        type: 'CONDITIONAL',
        state: 'ACTIVATED',
        logical: 'AND',
        description:
          'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
      },
    },
    {
      id: 'component:default/triggering_job',
      kind: 'job',
      title: 'triggering_job',
      depth: 2,
      latestRun: {
        id: 'jr_up',
        state: 'FAILED',
        startedOn: '2025-03-04T01:00:00.000Z',
        completedOn: '2025-03-04T01:10:00.000Z',
      },
    },
    {
      id: 'resource:default/s3-freshers-in-dependent-output',
      kind: 'dataset',
      title: 's3://freshers-in/dependent-output/',
      depth: 1,
    },
    {
      id: 'component:default/report_job',
      kind: 'job',
      title: 'report_job',
      depth: 2,
      latestRun: {
        id: 'jr_r',
        state: 'RUNNING',
        startedOn: '2025-03-04T03:00:00.000Z',
      },
    },
  ],
  edges: [
    {
      from: 'component:default/triggering_job',
      to: 'resource:default/trigger-start-freshers-in-dependent-job',
      kind: 'condition',
      label: 'AND: SUCCEEDED',
      state: 'SUCCEEDED',
    },
    {
      from: 'resource:default/trigger-start-freshers-in-dependent-job',
      to: 'component:default/freshers_in_dependent_job',
      kind: 'action',
      label: 'starts',
    },
    {
      from: 'component:default/freshers_in_dependent_job',
      to: 'resource:default/s3-freshers-in-dependent-output',
      kind: 'lineage',
      label: 'writes',
      source: 'default-argument:--output',
    },
    {
      from: 'resource:default/s3-freshers-in-dependent-output',
      to: 'component:default/report_job',
      kind: 'lineage',
      label: 'reads',
      source: 'default-argument:--input',
    },
  ],
};

export const workflowRuns: GlueWorkflowRunsResponse = {
  workflowName: 'sales-pipeline',
  runs: [
    {
      id: 'wr_0002',
      status: 'COMPLETED',
      startedOn: '2025-03-04T03:00:00.000Z',
      completedOn: '2025-03-04T03:40:00.000Z',
      statistics: {
        TotalActions: 5,
        SucceededActions: 4,
        FailedActions: 1,
        RunningActions: 0,
      },
      nodes: [
        { id: 'n-start', type: 'TRIGGER', name: 'sales-pipeline-start' },
        {
          id: 'n-orders',
          type: 'JOB',
          name: 'orders-daily-etl',
          state: 'SUCCEEDED',
          runId: 'jr_o',
        },
        {
          id: 'n-customers',
          type: 'JOB',
          name: 'customers-daily-etl',
          state: 'FAILED',
          runId: 'jr_c',
        },
      ],
      edges: [
        { from: 'n-start', to: 'n-orders' },
        { from: 'n-start', to: 'n-customers' },
      ],
    },
    {
      id: 'wr_0001',
      status: 'COMPLETED',
      startedOn: '2025-03-03T03:00:00.000Z',
      completedOn: '2025-03-03T03:35:00.000Z',
      statistics: { TotalActions: 6, SucceededActions: 6 },
      nodes: [
        { id: 'n-start', type: 'TRIGGER', name: 'sales-pipeline-start' },
        {
          id: 'n-orders',
          type: 'JOB',
          name: 'orders-daily-etl',
          state: 'SUCCEEDED',
        },
      ],
      edges: [{ from: 'n-start', to: 'n-orders' }],
    },
  ],
};

/** The latest run of a fleet job, as the run index has it. */
export function makeRunSummary(
  overrides: Partial<GlueRunSummary> = {},
): GlueRunSummary {
  return {
    id: 'jr_0001',
    attempt: 0,
    state: 'SUCCEEDED',
    startedOn: '2025-03-04T02:15:00.000Z',
    completedOn: '2025-03-04T02:22:00.000Z',
    durationSeconds: 420,
    dpuHours: 0.556,
    estimatedCost: 0.24,
    ...overrides,
  };
}

/** A job of the fleet overview: a synced job entity and its latest run. */
export function makeFleetJob(
  name: string,
  overrides: Partial<GlueFleetJob> = {},
): GlueFleetJob {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    owner: 'group:default/data-platform',
    arn: jobArn(name),
    name,
    accountId: ACCOUNT,
    region: REGION,
    latestRun: makeRunSummary(),
    failuresLast24h: 0,
    ...overrides,
  };
}

export function makeFleetResponse(
  jobs: GlueFleetJob[],
  overrides: Partial<GlueFleetResponse> = {},
): GlueFleetResponse {
  return {
    jobs,
    totalCount: jobs.length,
    counts: { failing: 0, active: 0, succeeded: 0, other: 0, neverRun: 0 },
    currency: 'USD',
    freshness: {
      lastEventAt: '2025-03-04T02:30:00.000Z',
      lastReconciledAt: '2025-03-04T02:25:00.000Z',
      storedRuns: 120,
    },
    ...overrides,
  };
}

/** One day of a trend with `runs` finished runs, `failed` of them failed. */
export function makeTrendPoint(
  date: string,
  runs: number,
  failed = 0,
  overrides: Partial<GlueTrendPoint> = {},
): GlueTrendPoint {
  const succeeded = runs - failed;
  return {
    date,
    runs,
    succeeded,
    failed,
    successRate: runs > 0 ? succeeded / runs : undefined,
    p50DurationSeconds: runs > 0 ? 300 : undefined,
    p95DurationSeconds: runs > 0 ? 600 : undefined,
    dpuHours: runs * 0.5,
    estimatedCost: runs * 0.22,
    ...overrides,
  };
}

/** `count` consecutive UTC days ending on `to`, oldest first. */
export function trendDays(count: number, to = '2025-03-04'): string[] {
  const end = Date.parse(`${to}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

export function makeTrendsResponse(
  points: GlueTrendPoint[],
  days: GlueTrendWindow = 30,
): GlueTrendsResponse {
  const sum = (key: 'runs' | 'succeeded' | 'failed' | 'dpuHours') =>
    points.reduce((total, p) => total + p[key], 0);
  const succeeded = sum('succeeded');
  const failed = sum('failed');
  return {
    days,
    from: points[0]?.date ?? '2025-03-04',
    to: points[points.length - 1]?.date ?? '2025-03-04',
    currency: 'USD',
    points,
    summary: {
      runs: sum('runs'),
      succeeded,
      failed,
      successRate:
        succeeded + failed > 0 ? succeeded / (succeeded + failed) : undefined,
      p95DurationSeconds: points.length ? 600 : undefined,
      dpuHours: sum('dpuHours'),
      estimatedCost: points.reduce((total, p) => total + p.estimatedCost, 0),
    },
    freshness: { lastEventAt: '2025-03-04T02:30:00.000Z', storedRuns: 120 },
  };
}

/** The summary of group:default/data-platform: two jobs, one failure. */
export function makeTeamSummary(
  overrides: Partial<GlueTeamSummaryResponse> = {},
): GlueTeamSummaryResponse {
  const team = (name: string) => ({
    entityRef: `component:default/${name}`,
    title: name,
    jobName: name,
    jobArn: `arn:aws:glue:us-east-1:123456789012:job/${name}`,
  });
  return {
    owner: 'group:default/data-platform',
    jobCount: 2,
    failuresLast24h: [
      {
        ...team('triggering_job'),
        run: makeRunSummary({
          id: 'jr_failed',
          state: 'FAILED',
          completedOn: '2025-03-04T02:20:00.000Z',
          errorMessage:
            "KeyError: '--db-password' was <redacted>\nTraceback (most recent call last)",
        }),
      },
    ],
    slowest: [
      { ...team('legacy_crm_sync'), p95DurationSeconds: 5400 },
      { ...team('triggering_job'), p95DurationSeconds: 620 },
    ],
    dearest: [
      { ...team('legacy_crm_sync'), estimatedCost: 41.5, dpuHours: 94.3 },
      { ...team('triggering_job'), estimatedCost: 3.25, dpuHours: 7.4 },
    ],
    costThisMonth: 12.5,
    costLastMonth: 44.75,
    currency: 'USD',
    points: trendDays(30).map((date, i) =>
      makeTrendPoint(date, 2, i % 7 ? 0 : 1),
    ),
    freshness: { lastEventAt: '2025-03-04T02:30:00.000Z', storedRuns: 120 },
    ...overrides,
  };
}
