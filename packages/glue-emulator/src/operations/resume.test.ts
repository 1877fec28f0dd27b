import {
  EntityNotFoundException,
  GetJobRunCommand,
  GetWorkflowRunCommand,
  GetWorkflowRunsCommand,
  GlueClient,
  IllegalWorkflowStateException,
  InvalidInputException,
  Node,
  ResumeWorkflowRunCommand,
  StartWorkflowRunCommand,
  WorkflowRun,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from '../emulator';
import type { Fixture } from '../fixture';
import { errorOf, glueClient, manualClock, MINUTE } from '../__testUtils__';

const role = 'arn:aws:iam::123456789012:role/GlueJobRole';

const job = (Name: string, outcomes: string[]) => ({
  Name,
  Role: role,
  Command: { Name: 'glueetl', ScriptLocation: `s3://scripts/${Name}.py` },
  GlueVersion: '4.0',
  WorkerType: 'G.1X',
  NumberOfWorkers: 2,
  Simulation: { durationSeconds: 300, history: 0, outcomes },
});

const succeeded = (JobName: string) => ({
  LogicalOperator: 'EQUALS' as const,
  JobName,
  State: 'SUCCEEDED' as const,
});

/**
 * wf: go -> left + right (in parallel) -> AND -> join + crawl. `right` fails
 * its first run; `resume` is the workflow's Simulation.resume, if any.
 */
function workflowFixture(
  rightOutcomes: string[],
  resume?: { outcome: 'SUCCEEDED'; durationSeconds: number },
): Fixture {
  return {
    seed: 3,
    accounts: [
      {
        accountId: '123456789012',
        regions: {
          'us-east-1': {
            jobs: [
              job('left', ['SUCCEEDED']),
              job('right', rightOutcomes),
              job('join', ['SUCCEEDED']),
            ],
            crawlers: [
              {
                Name: 'wf-crawl',
                Role: role,
                Targets: { S3Targets: [{ Path: 's3://out/' }] },
                Simulation: { durationSeconds: 60, failureRate: 0, history: 0 },
              },
            ],
            workflows: [
              {
                Name: 'wf',
                DefaultRunProperties: { env: 'test' },
                ...(resume ? { Simulation: { resume } } : {}),
              },
            ],
            triggers: [
              {
                Name: 'go',
                WorkflowName: 'wf',
                Type: 'ON_DEMAND',
                Simulation: { history: 0 },
                Actions: [
                  { JobName: 'left' },
                  { JobName: 'right', Arguments: { '--side': 'right' } },
                ],
              },
              {
                Name: 'join-both',
                WorkflowName: 'wf',
                Type: 'CONDITIONAL',
                Predicate: {
                  Logical: 'AND',
                  Conditions: [succeeded('left'), succeeded('right')],
                },
                Actions: [{ JobName: 'join' }, { CrawlerName: 'wf-crawl' }],
              },
            ],
          },
        },
      },
    ],
  };
}

describe('ResumeWorkflowRun', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;
  let clock: ReturnType<typeof manualClock>;

  async function start(fixture: Fixture) {
    clock = manualClock();
    emulator = await startGlueEmulator({ fixture, port: 0, clock });
    glue = glueClient(emulator.url);
  }
  afterEach(() => emulator?.stop());

  const getRun = async (RunId: string): Promise<WorkflowRun> =>
    (
      await glue.send(
        new GetWorkflowRunCommand({ Name: 'wf', RunId, IncludeGraph: true }),
      )
    ).Run!;
  const node = (run: WorkflowRun, name: string): Node =>
    run.Graph!.Nodes!.find(n => n.Name === name)!;
  const resume = (RunId: string, NodeIds: string[]) =>
    glue.send(new ResumeWorkflowRunCommand({ Name: 'wf', RunId, NodeIds }));

  /** Starts wf and lets it finish with `right` FAILED. */
  async function failedRun(): Promise<WorkflowRun> {
    const { RunId } = await glue.send(
      new StartWorkflowRunCommand({ Name: 'wf' }),
    );
    clock.advance(MINUTE);
    const running = await getRun(RunId!);
    expect(running.Status).toBe('RUNNING');
    const early = await errorOf(
      resume(RunId!, [node(running, 'right').UniqueId!]),
    );
    expect(early).toBeInstanceOf(IllegalWorkflowStateException);
    expect(early.message).toMatch(/is RUNNING; only a finished run/);
    clock.advance(30 * MINUTE);
    const done = await getRun(RunId!);
    expect(done.Status).toBe('COMPLETED');
    expect(done.Statistics).toMatchObject({
      TotalActions: 2,
      SucceededActions: 1,
      FailedActions: 1,
    });
    return done;
  }

  it('runs the named failed node again in a new run; downstream follows, successes carry over', async () => {
    await start(workflowFixture(['FAILED', 'SUCCEEDED']));
    const original = await failedRun();
    const rightId = node(original, 'right').UniqueId!;
    const leftRun = node(original, 'left').JobDetails!.JobRuns![0];

    const out = await resume(original.WorkflowRunId!, [rightId]);
    expect(out.NodeIds).toEqual([rightId]);
    expect(out.RunId).toMatch(/^wr_[0-9a-f]{64}$/);
    expect(out.RunId).not.toBe(original.WorkflowRunId);

    const resumed = await getRun(out.RunId!);
    expect(resumed.PreviousRunId).toBe(original.WorkflowRunId);
    expect(resumed.Status).toBe('RUNNING');
    expect(resumed.WorkflowRunProperties).toEqual({ env: 'test' });
    // left succeeded before: the same run, not a new one.
    expect(node(resumed, 'left').JobDetails!.JobRuns).toEqual([leftRun]);
    const [rightAgain] = node(resumed, 'right').JobDetails!.JobRuns!;
    expect(rightAgain.Id).not.toBe(
      node(original, 'right').JobDetails!.JobRuns![0].Id,
    );
    expect(rightAgain.TriggerName).toBe('go');
    expect(rightAgain.Arguments).toEqual({
      '--side': 'right',
      '--WORKFLOW_NAME': 'wf',
      '--WORKFLOW_RUN_ID': out.RunId,
    });

    clock.advance(30 * MINUTE);
    const done = await getRun(out.RunId!);
    expect(done.Status).toBe('COMPLETED');
    expect(done.Statistics).toMatchObject({
      TotalActions: 4,
      SucceededActions: 4,
      FailedActions: 0,
    });
    // The AND trigger fired with left's success from the original run.
    const [joinRun] = node(done, 'join').JobDetails!.JobRuns!;
    const withPreds = await glue.send(
      new GetJobRunCommand({
        JobName: 'join',
        RunId: joinRun.Id,
        PredecessorsIncluded: true,
      }),
    );
    expect(withPreds.JobRun!.TriggerName).toBe('join-both');
    expect(withPreds.JobRun!.PredecessorRuns).toEqual([
      { JobName: 'left', RunId: leftRun.Id },
      { JobName: 'right', RunId: rightAgain.Id },
    ]);
    expect(node(done, 'wf-crawl').CrawlerDetails!.Crawls![0].State).toBe(
      'SUCCEEDED',
    );

    // Both runs are listed, newest first; the original is left as it was.
    const { Runs } = await glue.send(
      new GetWorkflowRunsCommand({ Name: 'wf' }),
    );
    expect(Runs!.map(r => r.WorkflowRunId)).toEqual([
      out.RunId,
      original.WorkflowRunId,
    ]);
    expect(Runs![1].Statistics!.FailedActions).toBe(1);
    expect(Runs![1].PreviousRunId).toBeUndefined();
  });

  it('refuses what Glue refuses', async () => {
    await start(workflowFixture(['FAILED', 'SUCCEEDED']));
    const original = await failedRun();
    const runId = original.WorkflowRunId!;
    const refusal = async (ids: string[]) => {
      const e = await errorOf(resume(runId, ids));
      expect(e).toBeInstanceOf(InvalidInputException);
      return e.message as string;
    };
    expect(await refusal([node(original, 'left').UniqueId!])).toMatch(
      /\(job left\) is SUCCEEDED in workflow run .*only nodes that failed/,
    );
    expect(await refusal([node(original, 'join').UniqueId!])).toMatch(
      /\(job join\) did not run in workflow run/,
    );
    expect(await refusal([node(original, 'join-both').UniqueId!])).toMatch(
      /is a trigger; only job and crawler nodes/,
    );
    expect(await refusal(['wnode_nope'])).toBe(
      `Node wnode_nope is not a node of the workflow run ${runId}`,
    );
    expect(await refusal([])).toMatch(/nodeIds/);

    const unknownRun = await errorOf(
      resume('wr_nope', [node(original, 'right').UniqueId!]),
    );
    expect(unknownRun).toBeInstanceOf(EntityNotFoundException);
    const unknownWorkflow = await errorOf(
      glue.send(
        new ResumeWorkflowRunCommand({
          Name: 'nope',
          RunId: runId,
          NodeIds: ['x'],
        }),
      ),
    );
    expect(unknownWorkflow).toBeInstanceOf(EntityNotFoundException);

    // Once resumed and succeeded, the resumed run has nothing left to resume.
    const { RunId } = await resume(runId, [node(original, 'right').UniqueId!]);
    clock.advance(60 * MINUTE);
    const done = await getRun(RunId!);
    const again = await errorOf(
      resume(RunId!, [node(done, 'right').UniqueId!]),
    );
    expect(again).toBeInstanceOf(IllegalWorkflowStateException);
    expect(again.message).toMatch(/has no failed or stopped nodes/);
  });

  it("ends a resumed run as the workflow's Simulation.resume says", async () => {
    // right would fail every time; the workflow scripts resumed runs.
    await start(
      workflowFixture(['FAILED'], {
        outcome: 'SUCCEEDED',
        durationSeconds: 10,
      }),
    );
    const original = await failedRun();
    const { RunId } = await resume(original.WorkflowRunId!, [
      node(original, 'right').UniqueId!,
    ]);
    // right, then join and the crawl: about 10 s each (+-40%) plus 5 s.
    clock.advance(40_000);
    const done = await getRun(RunId!);
    expect(done.Status).toBe('COMPLETED');
    expect(done.Statistics).toMatchObject({
      TotalActions: 4,
      SucceededActions: 4,
    });
  });
});
