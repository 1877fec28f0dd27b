import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  GLUE_ANNOTATIONS as A,
  GLUE_NOT_STARTED,
  GlueChainExecution,
  GlueChainExecutionsResponse,
  GlueExecutionNode,
  GlueRunTriageResponse,
  GlueWorkflowResumePreview,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { ACCOUNT, REGION, jobArn } from './fixtures';

/**
 * Chain executions of upstream_job -> glueetl -> downstream, latest first:
 * `jr_up_3` (glueetl FAILED, downstream not started), `jr_up_2` (landed
 * 2h30m after its schedule: late for the 2h SLA) and `jr_up_1` (on time).
 */

export const UPSTREAM = 'component:default/upstream_job';
export const GLUEETL = 'component:default/glueetl';
export const DOWNSTREAM = 'component:default/downstream';

/** The glueetl job Component the executions are asked for. */
export const glueetlEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    namespace: 'default',
    name: 'glueetl',
    annotations: {
      [ANNOTATION_AWS_ARN]: jobArn('glueetl'),
      [ANNOTATION_AWS_ACCOUNT_ID]: ACCOUNT,
      [A.region]: REGION,
      [A.name]: 'glueetl',
      [A.resourceKind]: 'job',
    },
  },
  spec: { type: 'glue-job', lifecycle: 'production', owner: 'group:default/a' },
};

const at = (day: number, time: string) => `2025-03-0${day}T${time}:00.000Z`;

function node(
  nodeId: string,
  jobName: string,
  overrides: Partial<GlueExecutionNode>,
): GlueExecutionNode {
  return {
    nodeId,
    jobName,
    state: 'SUCCEEDED',
    attempt: 0,
    predecessorRunIds: [],
    critical: true,
    ...overrides,
  };
}

/** A run of each job on `day`: upstream from 02:00, then the others. */
function runsOf(
  day: number,
  times: { up: string; etl: [string, string]; down: [string, string] },
): GlueExecutionNode[] {
  return [
    node(UPSTREAM, 'upstream_job', {
      runId: `jr_up_${day - 3}`,
      startedOn: at(day, '02:00'),
      completedOn: at(day, times.up),
      durationSeconds:
        (Date.parse(at(day, times.up)) - Date.parse(at(day, '02:00'))) / 1000,
      triggerName: 'nightly',
    }),
    node(GLUEETL, 'glueetl', {
      runId: `jr_etl_${day - 3}`,
      startedOn: at(day, times.etl[0]),
      completedOn: at(day, times.etl[1]),
      durationSeconds:
        (Date.parse(at(day, times.etl[1])) -
          Date.parse(at(day, times.etl[0]))) /
        1000,
      triggerName: 'after-upstream',
      predecessorRunIds: [`jr_up_${day - 3}`],
      triggerDelaySeconds: 60,
    }),
    node(DOWNSTREAM, 'downstream', {
      runId: `jr_down_${day - 3}`,
      startedOn: at(day, times.down[0]),
      completedOn: at(day, times.down[1]),
      durationSeconds:
        (Date.parse(at(day, times.down[1])) -
          Date.parse(at(day, times.down[0]))) /
        1000,
      triggerName: 'after-glueetl',
      predecessorRunIds: [`jr_etl_${day - 3}`],
      triggerDelaySeconds: 120,
    }),
  ];
}

function execution(
  day: number,
  overrides: Partial<GlueChainExecution>,
): GlueChainExecution {
  return {
    id: `jr_up_${day - 3}`,
    root: {
      runId: `jr_up_${day - 3}`,
      jobName: 'upstream_job',
      kind: 'SCHEDULED',
      triggerName: 'nightly',
      scheduledFor: at(day, '02:00'),
    },
    state: 'SUCCEEDED',
    startedOn: at(day, '02:00'),
    deadline: at(day, '04:00'),
    late: false,
    nodes: [],
    problems: [],
    ...overrides,
  };
}

const failedRuns = runsOf(6, {
  up: '02:30',
  etl: ['02:31', '02:41'],
  down: ['00:00', '00:00'],
});

export const executionsResponse: GlueChainExecutionsResponse = {
  entityRef: GLUEETL,
  rows: [
    { nodeId: UPSTREAM, title: 'upstream_job', kind: 'job' },
    { nodeId: GLUEETL, title: 'glueetl', kind: 'job' },
    { nodeId: DOWNSTREAM, title: 'downstream', kind: 'job' },
  ],
  executions: [
    execution(6, {
      state: 'FAILED',
      completedOn: at(6, '02:41'),
      nodes: [
        failedRuns[0],
        {
          ...failedRuns[1],
          state: 'FAILED',
          errorMessage: 'An error occurred while calling o95.save',
        },
        node(DOWNSTREAM, 'downstream', {
          state: GLUE_NOT_STARTED,
          critical: false,
        }),
      ],
      problems: ['The run index has no run of downstream after jr_etl_3'],
    }),
    execution(5, {
      completedOn: at(5, '04:30'),
      landingSeconds: 9000,
      late: true,
      nodes: runsOf(5, {
        up: '03:00',
        etl: ['03:01', '04:20'],
        down: ['04:22', '04:30'],
      }),
    }),
    execution(4, {
      completedOn: at(4, '03:30'),
      landingSeconds: 5400,
      nodes: runsOf(4, {
        up: '02:30',
        etl: ['02:31', '03:15'],
        down: ['03:17', '03:30'],
      }),
    }),
  ],
  sla: { kind: 'duration', seconds: 7200 },
  limits: { executions: 14, maxNodes: 50 },
  problems: [],
};

/** Why glueetl's run jr_etl_3 failed. */
export const glueetlTriage: GlueRunTriageResponse = {
  jobName: 'glueetl',
  runId: 'jr_etl_3',
  state: 'FAILED',
  errorMessage: 'An error occurred while calling o95.save',
  log: [
    {
      group: '/aws-glue/jobs/error',
      stream: 'jr_etl_3',
      lines: [
        {
          timestamp: '2025-03-06T02:40:58.000Z',
          message:
            'Connecting to jdbc:postgresql://db:5432/sales?password=<redacted>',
        },
        {
          timestamp: '2025-03-06T02:41:00.000Z',
          message:
            'py4j.protocol.Py4JJavaError: An error occurred while calling o95.save',
        },
      ],
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Ferror/log-events/jr_etl_3',
    },
    {
      group: '/aws-glue/jobs/logs-v2',
      stream: 'jr_etl_3-driver',
      lines: [],
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Flogs-v2/log-events/jr_etl_3-driver',
      error: 'The specified log stream does not exist.',
    },
  ],
  lastSuccess: { runId: 'jr_etl_2', startedOn: at(5, '03:01') },
  changes: [
    {
      kind: 'argument',
      field: '--batch_size',
      before: '10000',
      after: '50000',
    },
    { kind: 'argument', field: '--api_token', after: '<redacted>' },
    { kind: 'definition', field: 'numberOfWorkers', before: '10', after: '2' },
  ],
  effectiveArguments: [
    { key: '--input', value: 's3://sales/raw/', source: 'default' },
    { key: '--batch_size', value: '50000', source: 'run-overrides-default' },
    { key: '--api_token', value: '<redacted>', source: 'run' },
  ],
};

/** What resuming sales-pipeline's run wr_0002 runs again. */
export const resumePreview: GlueWorkflowResumePreview = {
  workflowName: 'sales-pipeline',
  runId: 'wr_0002',
  nodeIds: ['n-customers'],
  willRun: ['customers-daily-etl', 'sales-report'],
  resumable: true,
};
