/*
 * The Glue account of the routes section: a generated account of `jobs` jobs
 * (with their run history) for the run-history route, plus `copies`
 * independent copies of a layered trigger chain for the chain route.
 *
 * A chain copy `c`: `levels` levels of `width` jobs; every job above level 0
 * is started by its own CONDITIONAL trigger watching every job of the level
 * below (ANY: SUCCEEDED), and a last job is started by one trigger watching
 * the top level. Walking up from the last job reaches every node at depth
 * 2 * (levels + 1) - 2 (20 for 10 levels, the plugin's largest maxDepth).
 * With width 10 and 10 levels: 101 jobs + 91 triggers = 192 nodes, no
 * datasets (the chain jobs have no S3 arguments, so no lineage).
 */
import {
  Fixture,
  FixtureJob,
  FixtureTrigger,
  generateFixture,
} from '@aws-glue-backstage/glue-emulator';

export const ROUTES_ACCOUNT = '123456789012';
export const ROUTES_REGION = 'us-east-1';

export interface ChainShape {
  width: number;
  levels: number;
  copies: number;
}

export const chainJobName = (copy: number, level: number, index: number) =>
  `chain${copy}-l${String(level).padStart(2, '0')}-j${index}`;
export const chainLastJob = (copy: number) => `chain${copy}-last`;

/** Nodes of one chain copy seen from its last job. */
export function chainNodes(shape: ChainShape): {
  jobs: number;
  triggers: number;
  depth: number;
} {
  return {
    jobs: shape.width * shape.levels + 1,
    triggers: shape.width * (shape.levels - 1) + 1,
    depth: 2 * shape.levels,
  };
}

function chainJob(name: string, history?: number): FixtureJob {
  return {
    Name: name,
    Role: `arn:aws:iam::${ROUTES_ACCOUNT}:role/GlueJobRole`,
    Command: {
      Name: 'glueetl',
      ScriptLocation: `s3://bench-scripts/${name}.py`,
      PythonVersion: '3',
    },
    GlueVersion: '4.0',
    WorkerType: 'G.1X',
    NumberOfWorkers: 2,
    Tags: { owner: 'data-platform' },
    ...(history ? { Simulation: { history } } : {}),
  } as FixtureJob;
}

function chainTrigger(
  name: string,
  watched: string[],
  starts: string,
): FixtureTrigger {
  return {
    Name: name,
    Type: 'CONDITIONAL',
    State: 'ACTIVATED',
    Predicate: {
      Logical: 'ANY',
      Conditions: watched.map(JobName => ({
        LogicalOperator: 'EQUALS',
        JobName,
        State: 'SUCCEEDED',
      })),
    },
    Actions: [{ JobName: starts }],
    Tags: { owner: 'data-platform' },
  } as FixtureTrigger;
}

export function routesFixture(options: {
  jobs: number;
  chain: ChainShape;
}): Fixture {
  // Kept as the generated object (the emulator trusts generated fixtures).
  const fixture = generateFixture({ jobs: options.jobs, seed: 1 });
  const account = fixture.accounts[0];
  account.accountId = ROUTES_ACCOUNT;
  const region = account.regions[ROUTES_REGION];
  region.jobs ??= [];
  region.triggers ??= [];
  const { width, levels } = options.chain;
  for (let c = 0; c < options.chain.copies; c++) {
    for (let level = 0; level < levels; level++) {
      for (let i = 0; i < width; i++) {
        // Level 0 runs by hand (2 runs each): every run cascades up the chain.
        region.jobs.push(chainJob(chainJobName(c, level, i), level ? 0 : 2));
        if (level > 0) {
          const below = Array.from({ length: width }, (_, j) =>
            chainJobName(c, level - 1, j),
          );
          region.triggers.push(
            chainTrigger(
              `chain${c}-start-l${String(level).padStart(2, '0')}-j${i}`,
              below,
              chainJobName(c, level, i),
            ),
          );
        }
      }
    }
    region.jobs.push(chainJob(chainLastJob(c)));
    region.triggers.push(
      chainTrigger(
        `chain${c}-start-last`,
        Array.from({ length: width }, (_, j) => chainJobName(c, levels - 1, j)),
        chainLastJob(c),
      ),
    );
  }
  return fixture;
}
