/*
 * The Glue account of the chains section: one nightly trigger chain, about
 * 200 nodes, whose run history the emulator generates for 90 days.
 *
 * `first` is started by a SCHEDULED trigger once a day; each of the `width`
 * jobs of level 0 by its own CONDITIONAL trigger watching `first`; each job
 * of level k > 0 by its own trigger watching every job of level k - 1 (ANY:
 * SUCCEEDED); `last` by one trigger watching the top level. Every night is
 * one execution: the emulator links each trigger-started run to the run that
 * fired it (PredecessorRuns), so all of a night's runs hang off its `first`.
 *
 * Walking up from `last` reaches the schedule at depth 2 * levels + 3 (19
 * for 8 levels, within the plugin's largest maxDepth, 20). With width 12
 * and 8 levels: 98 jobs + 98 triggers = 196 nodes. The cron fires 6 to 7
 * hours before the emulator's frozen start, so every execution has ended.
 */
import type {
  Fixture,
  FixtureJob,
  FixtureTrigger,
} from '@aws-glue-backstage/glue-emulator';

export const CHAINS_ACCOUNT = '123456789012';
export const CHAINS_REGION = 'us-east-1';

export interface ScheduledChainShape {
  width: number;
  levels: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const FIRST_JOB = 'nightly-first';
export const LAST_JOB = 'nightly-last';
export const SCHEDULE_TRIGGER = 'nightly-schedule';
export const levelJobName = (level: number, index: number) =>
  `nightly-l${pad(level)}-j${index}`;

/** Nodes of the chain seen from its last job, and the depth that reaches them all. */
export function scheduledChainNodes(shape: ScheduledChainShape): {
  jobs: number;
  triggers: number;
  depth: number;
} {
  const inner = shape.width * shape.levels;
  return { jobs: inner + 2, triggers: inner + 2, depth: 2 * shape.levels + 3 };
}

/**
 * A daily cron whose last firing is 6 to 7 hours before `nowMs` (UTC), so
 * that last night's execution has ended at the emulator's (frozen) start.
 */
export function nightlyCron(nowMs: number): string {
  const hour = (new Date(nowMs).getUTCHours() + 18) % 24;
  return `cron(0 ${hour} * * ? *)`;
}

function job(name: string): FixtureJob {
  return {
    Name: name,
    Role: `arn:aws:iam::${CHAINS_ACCOUNT}:role/GlueJobRole`,
    Command: {
      Name: 'glueetl',
      ScriptLocation: `s3://bench-scripts/${name}.py`,
      PythonVersion: '3',
    },
    GlueVersion: '4.0',
    WorkerType: 'G.1X',
    NumberOfWorkers: 2,
    // a timed-out run ends within the hour (the default is 48 hours)
    Timeout: 60,
    Tags: { owner: 'data-platform' },
    // ~0.3% of runs end badly, so about 3 nights in 4 succeed across 98 jobs
    // (the emulator's 7% default fails nearly every night of such a chain)
    Simulation: { failureRate: 0.002, timeoutRate: 0.0005, stopRate: 0.0005 },
  };
}

function conditional(
  name: string,
  watched: string[],
  starts: string,
): FixtureTrigger {
  return {
    Name: name,
    Type: 'CONDITIONAL',
    State: 'ACTIVATED',
    Predicate: {
      ...(watched.length > 1 ? { Logical: 'ANY' as const } : {}),
      Conditions: watched.map(JobName => ({
        LogicalOperator: 'EQUALS' as const,
        JobName,
        State: 'SUCCEEDED',
      })),
    },
    Actions: [{ JobName: starts }],
    Tags: { owner: 'data-platform' },
  };
}

/** The jobs level `level` watches: `first` for level 0, else the level below. */
const watchedBy = (level: number, width: number): string[] =>
  level === 0
    ? [FIRST_JOB]
    : Array.from({ length: width }, (_, j) => levelJobName(level - 1, j));

export function scheduledChainFixture(options: {
  shape: ScheduledChainShape;
  nowMs: number;
}): Fixture {
  const { width, levels } = options.shape;
  const jobs: FixtureJob[] = [job(FIRST_JOB)];
  const triggers: FixtureTrigger[] = [
    {
      Name: SCHEDULE_TRIGGER,
      Type: 'SCHEDULED',
      State: 'ACTIVATED',
      Schedule: nightlyCron(options.nowMs),
      Actions: [{ JobName: FIRST_JOB }],
      Tags: { owner: 'data-platform' },
    },
  ];
  for (let level = 0; level < levels; level++) {
    for (let i = 0; i < width; i++) {
      const name = levelJobName(level, i);
      jobs.push(job(name));
      triggers.push(
        conditional(
          `nightly-start-l${pad(level)}-j${i}`,
          watchedBy(level, width),
          name,
        ),
      );
    }
  }
  jobs.push(job(LAST_JOB));
  triggers.push(
    conditional('nightly-start-last', watchedBy(levels, width), LAST_JOB),
  );
  return {
    seed: 1,
    accounts: [
      {
        accountId: CHAINS_ACCOUNT,
        regions: { [CHAINS_REGION]: { jobs, triggers } },
      },
    ],
  };
}
