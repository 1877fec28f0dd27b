import { GLUE_NOT_STARTED } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  buildExecutions,
  buildWorkflowExecution,
  ExecutionsInput,
  slaDeadline,
} from './executions';
import { StoredJobRun } from './shapes';

const arn = (name: string) => `arn:aws:glue:eu-west-1:123456789012:job/${name}`;
const ref = (name: string) => `component:default/${name}`;
const jobs = ['upstream_job', 'glueetl', 'report'].map(name => ({
  arn: arn(name),
  nodeId: ref(name),
  name,
}));

const at = (hhmm: string, day = '2026-03-02') => `${day}T${hhmm}:00.000Z`;

function run(
  job: string,
  id: string,
  state: string,
  start: string,
  end: string | undefined,
  extra: Partial<StoredJobRun> = {},
) {
  return {
    jobArn: arn(job),
    run: {
      id,
      jobName: job,
      state,
      startedOn: start,
      ...(end ? { completedOn: end } : {}),
      arguments: {},
      predecessorRuns: [],
      ...extra,
    } as StoredJobRun,
  };
}

const after = (job: string, runId: string, trigger = 'after-up') => ({
  triggerName: trigger,
  predecessorRuns: [{ jobName: job, runId }],
});

const base: Omit<ExecutionsInput, 'runs'> = {
  jobs,
  downstream: new Map([
    [ref('upstream_job'), [ref('glueetl')]],
    [ref('glueetl'), [ref('report')]],
  ]),
  triggerTypes: new Map([
    ['nightly', 'SCHEDULED'],
    ['after-up', 'CONDITIONAL'],
  ]),
  limit: 14,
  maxNodes: 200,
  now: Date.parse('2026-03-03T12:00:00Z'),
};

describe('buildExecutions', () => {
  it('links runs by PredecessorRuns from a scheduled root, with delays, landing and the critical path', () => {
    const [execution] = buildExecutions({
      ...base,
      sla: { kind: 'duration', seconds: 3600 },
      runs: [
        run(
          'glueetl',
          'jr_b',
          'SUCCEEDED',
          at('02:21'),
          at('02:40'),
          after('upstream_job', 'jr_a'),
        ),
        run('upstream_job', 'jr_a', 'SUCCEEDED', at('02:00'), at('02:20'), {
          triggerName: 'nightly',
        }),
        run(
          'report',
          'jr_c',
          'SUCCEEDED',
          at('02:41'),
          at('03:10'),
          after('glueetl', 'jr_b', 'after-etl'),
        ),
      ],
    });
    expect(execution.id).toBe('jr_a');
    expect(execution.root).toEqual({
      runId: 'jr_a',
      jobName: 'upstream_job',
      kind: 'SCHEDULED',
      triggerName: 'nightly',
      scheduledFor: at('02:00'),
    });
    expect(execution.state).toBe('SUCCEEDED');
    expect(
      execution.nodes.map(n => [n.jobName, n.triggerDelaySeconds, n.critical]),
    ).toEqual([
      ['upstream_job', undefined, true],
      ['glueetl', 60, true],
      ['report', 60, true],
    ]);
    expect(execution.completedOn).toBe(at('03:10'));
    expect(execution.landingSeconds).toBe(70 * 60);
    expect(execution.deadline).toBe(at('03:00'));
    expect(execution.late).toBe(true);
  });

  it('shows what a failed node did not start, and keeps executions apart, latest first', () => {
    const executions = buildExecutions({
      ...base,
      runs: [
        run(
          'upstream_job',
          'jr_1',
          'SUCCEEDED',
          at('02:00', '2026-03-01'),
          at('02:20', '2026-03-01'),
          { triggerName: 'nightly' },
        ),
        run(
          'glueetl',
          'jr_2',
          'SUCCEEDED',
          at('02:21', '2026-03-01'),
          at('02:30', '2026-03-01'),
          after('upstream_job', 'jr_1'),
        ),
        run('upstream_job', 'jr_3', 'FAILED', at('02:00'), at('02:05'), {
          triggerName: 'nightly',
          errorMessage: 'boom',
        }),
      ],
    });
    expect(executions.map(e => [e.id, e.state])).toEqual([
      ['jr_3', 'FAILED'],
      ['jr_1', 'SUCCEEDED'],
    ]);
    expect(
      executions[0].nodes.map(n => [n.jobName, n.state, n.predecessorRunIds]),
    ).toEqual([
      ['upstream_job', 'FAILED', []],
      ['glueetl', GLUE_NOT_STARTED, ['jr_3']],
      ['report', GLUE_NOT_STARTED, []],
    ]);
    // the older execution: report never ran after a success, so "not started" too
    expect(executions[1].nodes.map(n => n.state)).toEqual([
      'SUCCEEDED',
      'SUCCEEDED',
      GLUE_NOT_STARTED,
    ]);
  });

  it('a running execution has no landing time and is late only once its deadline passed', () => {
    const [execution] = buildExecutions({
      ...base,
      now: Date.parse(at('02:30')),
      sla: { kind: 'duration', seconds: 3600 },
      runs: [
        run('upstream_job', 'jr_a', 'RUNNING', at('02:00'), undefined, {
          triggerName: 'nightly',
        }),
      ],
    });
    expect(execution.state).toBe('RUNNING');
    expect(execution.landingSeconds).toBeUndefined();
    expect(execution.late).toBe(false);
    expect(execution.nodes).toHaveLength(1); // nothing is "not started" while running
  });

  it('cuts a cycle and an execution past the node limit, and says so', () => {
    const cyclic = buildExecutions({
      ...base,
      runs: [
        run('upstream_job', 'jr_a', 'SUCCEEDED', at('02:00'), at('02:10')),
        run('glueetl', 'jr_b', 'SUCCEEDED', at('02:11'), at('02:20'), {
          predecessorRuns: [
            { jobName: 'upstream_job', runId: 'jr_a' },
            { jobName: 'glueetl', runId: 'jr_b' },
            { jobName: 'report', runId: 'jr_c' },
          ],
        }),
        run(
          'report',
          'jr_c',
          'SUCCEEDED',
          at('02:21'),
          at('02:30'),
          after('glueetl', 'jr_b'),
        ),
      ],
    });
    expect(cyclic).toHaveLength(1);
    expect(cyclic[0].nodes.map(n => n.runId)).toEqual(['jr_a', 'jr_b', 'jr_c']);

    const many = buildExecutions({
      ...base,
      maxNodes: 2,
      runs: [
        run('upstream_job', 'jr_a', 'SUCCEEDED', at('02:00'), at('02:10')),
        run(
          'glueetl',
          'jr_b',
          'SUCCEEDED',
          at('02:11'),
          at('02:20'),
          after('upstream_job', 'jr_a'),
        ),
        run(
          'report',
          'jr_c',
          'SUCCEEDED',
          at('02:21'),
          at('02:30'),
          after('glueetl', 'jr_b'),
        ),
      ],
    });
    expect(many[0].nodes).toHaveLength(2);
    expect(many[0].problems.join()).toMatch(/Cut at 2/);
  });

  it('says when the root was started by a run the index does not hold', () => {
    const [execution] = buildExecutions({
      ...base,
      runs: [
        run(
          'glueetl',
          'jr_b',
          'SUCCEEDED',
          at('02:11'),
          at('02:20'),
          after('upstream_job', 'jr_gone'),
        ),
      ],
    });
    expect(execution.root.kind).toBe('CONDITIONAL');
    expect(execution.problems[0]).toMatch(
      /upstream_job jr_gone, which the run index does not hold/,
    );
  });

  it('ignores runs of jobs outside the chain and honours the limit', () => {
    const executions = buildExecutions({
      ...base,
      limit: 1,
      runs: [
        run('upstream_job', 'jr_1', 'SUCCEEDED', at('01:00'), at('01:10')),
        run('upstream_job', 'jr_2', 'SUCCEEDED', at('02:00'), at('02:10')),
        { ...run('elsewhere', 'jr_x', 'SUCCEEDED', at('03:00'), at('03:10')) },
      ],
    });
    expect(executions.map(e => e.id)).toEqual(['jr_2']);
  });
});

describe('slaDeadline', () => {
  it('is a time of day in the zone at or after the schedule, across daylight saving', () => {
    const sla = {
      kind: 'time-of-day' as const,
      hour: 6,
      minute: 30,
      zone: 'Europe/Berlin',
    };
    // winter: UTC+1
    expect(
      new Date(
        slaDeadline(sla, Date.parse('2026-01-15T01:00:00Z')),
      ).toISOString(),
    ).toBe('2026-01-15T05:30:00.000Z');
    // summer: UTC+2
    expect(
      new Date(
        slaDeadline(sla, Date.parse('2026-07-15T01:00:00Z')),
      ).toISOString(),
    ).toBe('2026-07-15T04:30:00.000Z');
    // scheduled after 06:30 local: the next day's
    expect(
      new Date(
        slaDeadline(sla, Date.parse('2026-01-15T07:00:00Z')),
      ).toISOString(),
    ).toBe('2026-01-16T05:30:00.000Z');
  });
});

describe('buildWorkflowExecution', () => {
  it('times the workflow run from the stored job runs, and shows the job nodes that did not run', () => {
    const execution = buildWorkflowExecution(
      {
        id: 'wr_1',
        status: 'COMPLETED',
        startedOn: at('02:00'),
        completedOn: at('02:30'),
        statistics: { FailedActions: 1 },
        nodes: [
          {
            id: 'n1',
            type: 'JOB',
            name: 'upstream_job',
            state: 'SUCCEEDED',
            runId: 'jr_a',
          },
          { id: 'n2', type: 'TRIGGER', name: 'after-up' },
          {
            id: 'n3',
            type: 'JOB',
            name: 'glueetl',
            state: 'FAILED',
            runId: 'jr_b',
          },
          { id: 'n4', type: 'JOB', name: 'report' },
        ],
        edges: [],
      },
      {
        workflowName: 'sales-pipeline',
        jobs: new Map(jobs.map(j => [j.name, j])),
        runs: [
          run(
            'glueetl',
            'jr_b',
            'FAILED',
            at('02:11'),
            at('02:30'),
            after('upstream_job', 'jr_a'),
          ),
          run('upstream_job', 'jr_a', 'SUCCEEDED', at('02:00'), at('02:10')),
        ],
        maxNodes: 200,
        now: Date.parse(at('03:00')),
      },
    );
    expect(execution).toMatchObject({
      id: 'wr_1',
      root: { runId: 'wr_1', jobName: 'sales-pipeline', kind: 'WORKFLOW' },
      state: 'FAILED',
      completedOn: at('02:30'),
      problems: [],
    });
    expect(
      execution.nodes.map(n => [
        n.jobName,
        n.state,
        n.triggerDelaySeconds,
        n.critical,
      ]),
    ).toEqual([
      ['upstream_job', 'SUCCEEDED', undefined, true],
      ['glueetl', 'FAILED', 60, true],
      ['report', GLUE_NOT_STARTED, undefined, false],
    ]);
  });
});
