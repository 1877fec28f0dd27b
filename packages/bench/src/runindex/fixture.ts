/*
 * The Glue account of the run-index section: `jobs` generated jobs spread
 * evenly over `regions` regions of one account (the reconciler works the
 * account x region units in parallel), no triggers, workflows or crawlers
 * (nothing fires on its own while the bench measures; the provider runs
 * with lineage off, so the catalog holds one entity per job), each job with
 * `history` manual runs over the 90 days before start-up; plus probe jobs in
 * the first region that the bench starts runs on: `rix-event-NN`
 * (event-to-store delay) and `rix-drop-NN` (dropped events). Probe jobs'
 * histories only succeed, and they never retry.
 */
import {
  Fixture,
  FixtureJob,
  generateFixture,
} from '@aws-glue-backstage/glue-emulator';

export const RIX_ACCOUNT = '100000000001';
export const RIX_REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
];

export const eventProbe = (i: number) =>
  `rix-event-${String(i).padStart(2, '0')}`;
export const dropProbe = (i: number) =>
  `rix-drop-${String(i).padStart(2, '0')}`;

function probeJob(name: string): FixtureJob {
  return {
    Name: name,
    Role: `arn:aws:iam::${RIX_ACCOUNT}:role/data-platform-glue-role`,
    Command: {
      Name: 'glueetl',
      ScriptLocation: `s3://bench-scripts/${name}.py`,
      PythonVersion: '3',
    },
    GlueVersion: '4.0',
    WorkerType: 'G.1X',
    NumberOfWorkers: 2,
    MaxRetries: 0,
    Timeout: 60,
    Tags: { owner: 'data-platform' },
    Simulation: {
      // 240 s: with the bench's duration scale a live run takes a few seconds
      durationSeconds: 240,
      history: 3,
      failureRate: 0,
      timeoutRate: 0,
      stopRate: 0,
    },
  } as FixtureJob;
}

export interface RunIndexFixture {
  fixture: Fixture;
  regions: string[];
  /** Every job name (generated and probes). */
  jobNames: string[];
  eventJobs: string[];
  dropJobs: string[];
}

export function runIndexFixture(options: {
  jobs: number;
  regions: number;
  history: number;
  eventProbes: number;
  dropProbes: number;
}): RunIndexFixture {
  const regions = RIX_REGIONS.slice(0, Math.max(1, options.regions));
  // Kept as the generated object (the emulator trusts generated fixtures).
  const fixture = generateFixture({
    jobs: Math.ceil(options.jobs / regions.length),
    triggers: 0,
    workflows: 0,
    crawlers: 0,
    regions,
    seed: 1,
  });
  const all = regions.flatMap(
    r => (fixture.accounts[0].regions[r].jobs ??= []),
  );
  for (const job of all) {
    job.Simulation = { ...job.Simulation, history: options.history };
  }
  const region = fixture.accounts[0].regions[regions[0]];
  const eventJobs = Array.from({ length: options.eventProbes }, (_, i) =>
    eventProbe(i),
  );
  const dropJobs = Array.from({ length: options.dropProbes }, (_, i) =>
    dropProbe(i),
  );
  for (const name of [...eventJobs, ...dropJobs]) {
    region.jobs!.push(probeJob(name));
  }
  return {
    fixture,
    regions,
    jobNames: regions.flatMap(r =>
      (fixture.accounts[0].regions[r].jobs ?? []).map(j => j.Name),
    ),
    eventJobs,
    dropJobs,
  };
}
