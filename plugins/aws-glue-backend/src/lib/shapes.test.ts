import { JobRunState as SdkJobRunState } from '@aws-sdk/client-glue';
import { GLUE_JOB_RUN_STATES } from '@aws-glue-backstage/plugin-aws-glue-common';
import { createRedactor } from './redaction';
import {
  JobRef,
  storedJobFromSdk,
  storedJobRunFromSdk,
  toGlueJobRun,
  toGlueWorkflowRun,
} from './shapes';

const redactor = createRedactor();
const pricing = { dpuHour: 0.44, flexDpuHour: 0.29, currency: 'USD' };
const job: JobRef = {
  arn: 'arn:aws:glue:us-east-1:123456789012:job/orders-daily-etl',
  partition: 'aws',
  region: 'us-east-1',
  accountId: '123456789012',
  name: 'orders-daily-etl',
};
const at = (seconds: number) => new Date(seconds * 1000);

describe('job runs', () => {
  it('maps a finished run with cost, links and redacted arguments', () => {
    const stored = storedJobRunFromSdk(
      {
        Id: 'jr_1',
        Attempt: 1,
        PreviousRunId: 'jr_0',
        TriggerName: 'orders-nightly',
        JobName: 'orders-daily-etl',
        StartedOn: at(1720059300),
        LastModifiedOn: at(1720060210),
        CompletedOn: at(1720060200),
        JobRunState: 'FAILED',
        ErrorMessage: 'Could not connect to jdbc:mysql://etl:hunter2@db/orders',
        Arguments: { '--run_date': 'auto', '--db-password': 'hunter2' },
        PredecessorRuns: [{ JobName: 'ingest', RunId: 'jr_up' }],
        ExecutionTime: 889,
        Timeout: 120,
        MaxCapacity: 10,
        WorkerType: 'G.1X',
        NumberOfWorkers: 10,
        LogGroupName: '/aws-glue/jobs',
        GlueVersion: '4.0',
        ExecutionClass: 'STANDARD',
      },
      redactor,
    );
    expect(JSON.stringify(stored)).not.toContain('hunter2');
    expect(toGlueJobRun(stored, { job, pricing, now: Date.now() })).toEqual({
      id: 'jr_1',
      jobName: 'orders-daily-etl',
      jobArn: job.arn,
      attempt: 1,
      state: 'FAILED',
      startedOn: '2024-07-04T02:15:00.000Z',
      completedOn: '2024-07-04T02:30:00.000Z',
      lastModifiedOn: '2024-07-04T02:30:10.000Z',
      durationSeconds: 900,
      executionTimeSeconds: 889,
      dpuSeconds: 8890,
      dpuHours: 2.469444,
      estimatedCost: 1.086556,
      currency: 'USD',
      workerType: 'G.1X',
      numberOfWorkers: 10,
      maxCapacity: 10,
      glueVersion: '4.0',
      executionClass: 'STANDARD',
      timeoutMinutes: 120,
      triggerName: 'orders-nightly',
      errorMessage: 'Could not connect to jdbc:<redacted>db/orders',
      previousRunId: 'jr_0',
      arguments: { '--run_date': 'auto', '--db-password': '<redacted>' },
      predecessorRuns: [{ jobName: 'ingest', runId: 'jr_up' }],
      links: {
        console:
          'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/orders-daily-etl/run/jr_1',
        logs: [
          {
            title: 'Output logs',
            url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Foutput$3FlogStreamNameFilter$3Djr_1',
          },
          {
            title: 'Error logs',
            url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Ferror$3FlogStreamNameFilter$3Djr_1',
          },
        ],
      },
    });
  });

  it('measures an active run up to now and survives a JSON round trip', () => {
    const stored = storedJobRunFromSdk(
      {
        Id: 'jr_2',
        JobName: 'orders-daily-etl',
        StartedOn: at(1000),
        JobRunState: 'RUNNING',
        ExecutionTime: 0,
        WorkerType: 'G.2X',
        NumberOfWorkers: 2,
      },
      redactor,
    );
    const cached = JSON.parse(JSON.stringify(stored));
    const run = toGlueJobRun(cached, {
      job,
      pricing,
      now: 1000 * 1000 + 75_400,
    });
    expect(run.durationSeconds).toBe(75);
    expect(run.state).toBe('RUNNING');
    expect(run.dpuSeconds).toBe(0);
    expect(run.arguments).toEqual({});
    expect(run.predecessorRuns).toEqual([]);
    expect(run.completedOn).toBeUndefined();
  });

  it('leaves the duration out for a finished run without a completion time', () => {
    const run = toGlueJobRun(
      {
        id: 'jr_3',
        state: 'FAILED',
        startedOn: '2024-01-01T00:00:00.000Z',
        arguments: {},
        predecessorRuns: [],
      },
      { job, pricing, now: Date.now() },
    );
    expect(run.durationSeconds).toBeUndefined();
    expect(run.attempt).toBe(0);
    expect(run.jobName).toBe('orders-daily-etl');
  });
});

describe('jobs', () => {
  it('summarises a job with redacted default arguments', () => {
    expect(
      storedJobFromSdk(
        {
          Name: 'orders-daily-etl',
          Description: 'Daily orders',
          Command: {
            Name: 'glueetl',
            ScriptLocation: 's3://scripts/orders.py',
          },
          DefaultArguments: {
            '--job-bookmark-option': 'job-bookmark-enable',
            '--secret-token': 'abc',
          },
          NonOverridableArguments: { '--env': 'prod' },
          Connections: { Connections: ['redshift-prod'] },
          MaxRetries: 1,
          Timeout: 2880,
          MaxCapacity: 10,
          WorkerType: 'G.1X',
          NumberOfWorkers: 10,
          GlueVersion: '4.0',
          ExecutionClass: 'STANDARD',
          ExecutionProperty: { MaxConcurrentRuns: 2 },
        },
        job,
        redactor,
      ),
    ).toEqual({
      arn: job.arn,
      name: 'orders-daily-etl',
      accountId: '123456789012',
      region: 'us-east-1',
      description: 'Daily orders',
      command: 'glueetl',
      jobMode: 'SCRIPT',
      glueVersion: '4.0',
      workerType: 'G.1X',
      numberOfWorkers: 10,
      maxCapacity: 10,
      timeoutMinutes: 2880,
      maxRetries: 1,
      maxConcurrentRuns: 2,
      executionClass: 'STANDARD',
      bookmarkOption: 'job-bookmark-enable',
      scriptLocation: 's3://scripts/orders.py',
      connections: ['redshift-prod'],
      defaultArguments: {
        '--job-bookmark-option': 'job-bookmark-enable',
        '--secret-token': '<redacted>',
      },
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/editor/job/orders-daily-etl/details',
      nonOverridableArgumentKeys: ['--env'],
    });
  });

  it('defaults the bookmark option, retries and concurrency', () => {
    const summary = storedJobFromSdk(
      { Name: 'x' },
      { ...job, name: 'x' },
      redactor,
    );
    expect(summary.bookmarkOption).toBe('job-bookmark-disable');
    expect(summary.maxRetries).toBe(0);
    expect(summary.maxConcurrentRuns).toBe(1);
    expect(summary.connections).toEqual([]);
    expect(summary.defaultArguments).toEqual({});
  });

  it('redacts the description and drops user-info from the script location', () => {
    const summary = storedJobFromSdk(
      {
        Name: 'x',
        Description: 'Loads sales; Password: hunter2',
        Command: {
          Name: 'glueetl',
          ScriptLocation: 's3://etl:pa/ss@scripts/x.py',
        },
      },
      { ...job, name: 'x' },
      redactor,
    );
    expect(summary.description).toBe('Loads sales; Password: <redacted>');
    expect(summary.scriptLocation).toBe('s3://scripts/x.py');
  });
});

describe('workflow runs', () => {
  it('gives each graph node its state in the run', () => {
    expect(
      toGlueWorkflowRun(
        {
          Name: 'sales',
          WorkflowRunId: 'wr_1',
          WorkflowRunProperties: { password: 'x' },
          StartedOn: at(100),
          CompletedOn: at(400),
          Status: 'COMPLETED',
          Statistics: {
            TotalActions: 3,
            SucceededActions: 2,
            FailedActions: 1,
          },
          Graph: {
            Nodes: [
              { Type: 'TRIGGER', Name: 'start', UniqueId: 'n1' },
              {
                Type: 'JOB',
                Name: 'etl',
                UniqueId: 'n2',
                JobDetails: {
                  JobRuns: [
                    { Id: 'jr_a0', JobRunState: 'FAILED', StartedOn: at(100) },
                    {
                      Id: 'jr_a1',
                      JobRunState: 'SUCCEEDED',
                      StartedOn: at(200),
                    },
                  ],
                },
              },
              {
                Type: 'CRAWLER',
                Name: 'crawl',
                UniqueId: 'n3',
                CrawlerDetails: {
                  Crawls: [{ State: 'FAILED', StartedOn: at(300) }],
                },
              },
              {
                Type: 'JOB',
                Name: 'never',
                UniqueId: 'n4',
                JobDetails: { JobRuns: [] },
              },
            ],
            Edges: [
              { SourceId: 'n1', DestinationId: 'n2' },
              { SourceId: 'n2', DestinationId: 'n3' },
            ],
          },
        },
        redactor,
      ),
    ).toEqual({
      id: 'wr_1',
      status: 'COMPLETED',
      startedOn: '1970-01-01T00:01:40.000Z',
      completedOn: '1970-01-01T00:06:40.000Z',
      statistics: { TotalActions: 3, SucceededActions: 2, FailedActions: 1 },
      nodes: [
        { id: 'n1', type: 'TRIGGER', name: 'start' },
        {
          id: 'n2',
          type: 'JOB',
          name: 'etl',
          state: 'SUCCEEDED',
          runId: 'jr_a1',
        },
        { id: 'n3', type: 'CRAWLER', name: 'crawl', state: 'FAILED' },
        { id: 'n4', type: 'JOB', name: 'never' },
      ],
      edges: [
        { from: 'n1', to: 'n2' },
        { from: 'n2', to: 'n3' },
      ],
    });
  });
});

describe('GLUE_JOB_RUN_STATES', () => {
  it("are exactly the AWS SDK's JobRunState, so the API's filter accepts every state Glue has", () => {
    expect([...GLUE_JOB_RUN_STATES].sort()).toEqual(
      Object.values(SdkJobRunState).sort(),
    );
  });
});
