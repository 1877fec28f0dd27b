import { JobRunState as SdkJobRunState } from '@aws-sdk/client-glue';
import { JOB_RUN_STATES } from './types';
import {
  FixtureError,
  loadFixture,
  parseFixture,
  validateFixture,
} from './fixture';
import { smallFixture } from './__testUtils__';

const base = `
accounts:
  - accountId: '123456789012'
    regions:
      us-east-1:
        jobs:
          - Name: a
            Role: r
            Command: { Name: glueetl }
`;

function problem(text: string, file = 'examples/glue/demo.yaml'): string {
  try {
    parseFixture(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(FixtureError);
    return (e as Error).message;
  }
  throw new Error('expected a FixtureError');
}

describe('fixture', () => {
  it('parses YAML and normalises scalars', () => {
    const fixture = parseFixture(
      `${base}            DefaultArguments: { --enable-metrics: true, --workers: 5 }
            Tags: { owner: data-platform }
`,
      'f.yaml',
    );
    const job = fixture.accounts[0].regions['us-east-1'].jobs![0];
    expect(job.DefaultArguments).toEqual({
      '--enable-metrics': 'true',
      '--workers': '5',
    });
    expect(job.Tags).toEqual({ owner: 'data-platform' });
  });

  it('names file, path and problem for a trigger action without a target', () => {
    const text = `${base}        triggers:
          - { Name: t0, Type: ON_DEMAND, Actions: [{ JobName: a }] }
          - { Name: t1, Type: ON_DEMAND, Actions: [{ JobName: a }] }
          - { Name: t2, Type: ON_DEMAND, Actions: [{ JobName: a }] }
          - { Name: t3, Type: ON_DEMAND, Actions: [{ Arguments: { --x: y } }] }
`;
    expect(problem(text)).toBe(
      'examples/glue/demo.yaml: accounts[0].regions.us-east-1.triggers[3].Actions[0]: a trigger action needs JobName or CrawlerName',
    );
  });

  it('reports missing required fields and wrong enum values', () => {
    const message = problem(`
accounts:
  - accountId: '123456789012'
    regions:
      us-east-1:
        jobs:
          - Name: a
            Command: { Name: glueetl }
        triggers:
          - { Name: t, Type: WHENEVER, Actions: [{ JobName: a }] }
`);
    expect(message).toContain(
      'examples/glue/demo.yaml: accounts[0].regions.us-east-1.jobs[0].Role: is required',
    );
    expect(message).toContain(
      'accounts[0].regions.us-east-1.triggers[0].Type: must be one of SCHEDULED, CONDITIONAL, ON_DEMAND, EVENT',
    );
  });

  it('checks references, duplicates and workflows', () => {
    const message = problem(`${base}          - Name: a
            Role: r
            Command: { Name: glueetl }
        crawlers:
          - { Name: c, Role: r, Targets: { S3Targets: [{ Path: 's3://x/' }] } }
        triggers:
          - Name: t
            Type: CONDITIONAL
            WorkflowName: nope
            Predicate: { Conditions: [{ JobName: ghost, State: SUCCEEDED }] }
            Actions: [{ JobName: missing }, { CrawlerName: c }]
`);
    expect(message).toContain(
      "accounts[0].regions.us-east-1.jobs[1].Name: duplicate job name 'a' (also jobs[0])",
    );
    expect(message).toContain(
      "accounts[0].regions.us-east-1.triggers[0].Actions[0].JobName: no job named 'missing' in 123456789012/us-east-1",
    );
    expect(message).toContain(
      "triggers[0].Predicate.Conditions[0].JobName: no job named 'ghost'",
    );
    expect(message).toContain(
      "triggers[0].WorkflowName: no workflow named 'nope'",
    );
  });

  it('validates schedules, predicates and watched states', () => {
    const message = problem(`${base}        triggers:
          - { Name: s, Type: SCHEDULED, Schedule: 'cron(0 2 * * *)', Actions: [{ JobName: a }] }
          - Name: c
            Type: CONDITIONAL
            Predicate:
              Conditions:
                - { JobName: a, State: RUNNING }
                - { JobName: a, State: SUCCEEDED }
            Actions: [{ JobName: a }]
`);
    expect(message).toContain(
      "triggers[0].Schedule: invalid cron expression 'cron(0 2 * * *)': expected 6 fields",
    );
    expect(message).toContain(
      'triggers[1].Predicate.Conditions[0]: a job condition needs State, one of SUCCEEDED, STOPPED, FAILED, TIMEOUT',
    );
    expect(message).toContain(
      'triggers[1].Predicate.Logical: Logical (AND or ANY) is required with several conditions',
    );
  });

  it('reports YAML syntax errors with a line', () => {
    expect(problem('accounts: [\n  - {', 'bad.yaml')).toMatch(
      /^bad\.yaml: line \d+, column \d+: /,
    );
  });

  it('rejects unknown keys in emulator-only blocks and bad account ids', () => {
    const message = problem(`
accounts:
  - accountId: '12345'
    regions:
      us-east-1:
        jobs:
          - { Name: a, Role: r, Command: { Name: glueetl }, Simulation: { failurRate: 0.5 } }
`);
    expect(message).toContain(
      'accounts[0].accountId: an account id is 12 digits',
    );
    expect(message).toContain("jobs[0].Simulation: unknown key 'failurRate'");
  });

  it('validates fixture objects built in code', () => {
    expect(
      validateFixture(smallFixture()).accounts[0].regions['us-east-1'].jobs,
    ).toHaveLength(9);
    expect(() =>
      validateFixture(
        { accounts: [{ accountId: '123456789012', regions: { nowhere: {} } }] },
        'obj',
      ),
    ).toThrow(
      'obj: accounts[0].regions.nowhere: not a region name (e.g. us-east-1)',
    );
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadFixture('/nonexistent/fixture.yaml')).toThrow(
      /^\/nonexistent\/fixture\.yaml: cannot read the file/,
    );
  });
});

describe("the emulator's job run states", () => {
  it("are exactly the AWS SDK's JobRunState", () => {
    expect([...JOB_RUN_STATES].sort()).toEqual(
      Object.values(SdkJobRunState).sort(),
    );
  });
});
