/*
 * A generator of large, believable accounts for benchmarks: chains of jobs
 * started by scheduled / on-demand triggers and continued by conditional
 * triggers (single, AND, ANY and error-handling predicates), workflows,
 * crawlers over job outputs, owner tags across teams, visual jobs, and
 * lineage through --input / --output arguments. Cheap: O(n) in the counts.
 */
import type {
  Fixture,
  FixtureAccount,
  FixtureCrawler,
  FixtureJob,
  FixtureRegion,
  FixtureTrigger,
  FixtureWorkflow,
} from './fixture';
import { between, intBetween, pick, Rng, rngFor } from './random';
import type { GlueCondition } from './types';

export interface GenerateOptions {
  /** Jobs per account and region (default 100). */
  jobs?: number;
  /** Triggers per account and region (default jobs / 4). */
  triggers?: number;
  /** Workflows per account and region (default jobs / 100). */
  workflows?: number;
  /** Crawlers per account and region (default jobs / 40). */
  crawlers?: number;
  /** Number of accounts (default 1): 100000000001, 100000000002, ... */
  accounts?: number;
  /** Regions (default ['us-east-1']). */
  regions?: string[];
  /** Seed of the generator, also used as the fixture's history seed (default 1). */
  seed?: number;
}

export const TEAMS = [
  'data-platform',
  'analytics',
  'marketing-data',
  'finance-data',
  'ml-platform',
  'customer-360',
];

const DOMAINS = [
  'orders',
  'customers',
  'payments',
  'inventory',
  'clickstream',
  'campaigns',
  'ledger',
  'shipments',
  'support',
  'products',
];

const STEPS = [
  'ingest',
  'clean',
  'enrich',
  'aggregate',
  'publish',
  'export',
  'dedupe',
  'score',
];

/** Parses `jobs=20000,triggers=5000,regions=us-east-1+eu-west-1,seed=1`. */
export function parseGenerateSpec(spec: string): GenerateOptions {
  const options: GenerateOptions = {};
  for (const part of spec
    .split(',')
    .map(p => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split('=');
    if (value === undefined || value === '') {
      throw new Error(`--generate: '${part}' is not key=value`);
    }
    if (key === 'regions') {
      options.regions = value.split('+').filter(Boolean);
      continue;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(
        `--generate: ${key} must be a non-negative integer, got '${value}'`,
      );
    }
    switch (key) {
      case 'jobs':
      case 'triggers':
      case 'workflows':
      case 'crawlers':
      case 'accounts':
      case 'seed':
        options[key] = n;
        break;
      default:
        throw new Error(
          `--generate: unknown key '${key}' (use jobs, triggers, workflows, crawlers, accounts, regions, seed)`,
        );
    }
  }
  return options;
}

interface GeneratedJob {
  job: FixtureJob;
  domain: string;
  team: string;
  output: string;
}

function ownerTags(
  rng: Rng,
  team: string,
  domain: string,
): Record<string, string> | undefined {
  const r = rng();
  if (r < 0.08) return undefined;
  const tags: Record<string, string> = r < 0.18 ? { team } : { owner: team };
  tags.domain = domain;
  tags.env = 'prod';
  return tags;
}

function makeJob(
  rng: Rng,
  index: number,
  accountId: string,
  chainInput?: string,
): GeneratedJob {
  const domain = pick(rng, DOMAINS);
  const team = TEAMS[index % TEAMS.length];
  const name = `${domain}-${pick(rng, STEPS)}-${String(index).padStart(
    5,
    '0',
  )}`;
  const bucket = `s3://${team}-lake-${accountId}`;
  const input = chainInput ?? `${bucket}/${domain}/raw/${index}/`;
  const output = `${bucket}/${domain}/curated/${name}/`;
  const kind = rng();
  const job: FixtureJob = {
    Name: name,
    Description: `${domain} ${name.split('-')[1]} job owned by ${team}`,
    Role: `arn:aws:iam::${accountId}:role/${team}-glue-role`,
    Command: {
      Name: 'glueetl',
      ScriptLocation: `${bucket}/scripts/${name}.py`,
      PythonVersion: '3',
    },
    DefaultArguments: {
      '--job-language': 'python',
      '--input': input,
      '--output': output,
      '--TempDir': `${bucket}/tmp/`,
      '--enable-metrics': 'true',
    },
    Timeout: 120,
    Tags: ownerTags(rng, team, domain),
    Simulation: {
      durationSeconds: intBetween(rng, 60, 1800),
      failureRate: Math.round(between(rng, 0.01, 0.1) * 100) / 100,
    },
  };
  if (kind < 0.15) {
    job.Command = {
      Name: 'pythonshell',
      ScriptLocation: `${bucket}/scripts/${name}.py`,
      PythonVersion: '3.9',
    };
    job.MaxCapacity = rng() < 0.7 ? 0.0625 : 1;
    job.GlueVersion = '3.0';
  } else {
    job.GlueVersion = pick(rng, ['3.0', '4.0', '4.0', '5.0']);
    job.WorkerType = pick(rng, ['G.1X', 'G.1X', 'G.2X', 'G.025X']);
    job.NumberOfWorkers = intBetween(rng, 2, 20);
    if (job.WorkerType === 'G.025X') {
      job.Command = {
        Name: 'gluestreaming',
        ScriptLocation: `${bucket}/scripts/${name}.py`,
        PythonVersion: '3',
      };
      job.GlueVersion = '4.0';
    } else if (kind > 0.9) {
      job.ExecutionClass = 'FLEX';
    }
    if (rng() < 0.3) {
      job.DefaultArguments!['--job-bookmark-option'] = 'job-bookmark-enable';
    }
    if (job.Command.Name === 'glueetl' && kind > 0.8 && kind <= 0.9) {
      job.JobMode = 'VISUAL';
      job.CodeGenConfigurationNodes = {
        'node-1': {
          S3CsvSource: {
            Name: `${domain} raw`,
            Paths: [input],
            Separator: 'comma',
            QuoteChar: 'quote',
            WithHeader: true,
          },
        },
        'node-2': {
          S3GlueParquetTarget: {
            Name: `${domain} curated`,
            Inputs: ['node-1'],
            Path: output,
            Compression: 'snappy',
          },
        },
        'node-3': {
          CatalogTarget: {
            Name: 'catalog',
            Inputs: ['node-1'],
            Database: domain,
            Table: name.replace(/-/g, '_'),
          },
        },
      };
    }
  }
  if (rng() < 0.2) job.MaxRetries = 1;
  return { job, domain, team, output };
}

function schedule(rng: Rng): string {
  const r = rng();
  const minute = intBetween(rng, 0, 59);
  if (r < 0.1) return `cron(${minute} * * * ? *)`;
  if (r < 0.25)
    return `cron(${minute} ${intBetween(rng, 0, 23)} ? * MON-FRI *)`;
  return `cron(${minute} ${intBetween(rng, 0, 23)} * * ? *)`;
}

function generateRegion(
  seed: number,
  accountId: string,
  region: string,
  options: GenerateOptions,
): FixtureRegion {
  const rng = rngFor(`${seed}|generate|${accountId}|${region}`);
  const jobCount = options.jobs ?? 100;
  const triggerCount = options.triggers ?? Math.floor(jobCount / 4);
  const workflowCount = options.workflows ?? Math.floor(jobCount / 100);
  const crawlerCount = options.crawlers ?? Math.floor(jobCount / 40);

  const jobs: FixtureJob[] = [];
  const triggers: FixtureTrigger[] = [];
  const crawlers: FixtureCrawler[] = [];
  const workflows: FixtureWorkflow[] = [];
  for (let w = 0; w < workflowCount; w++) {
    const team = TEAMS[w % TEAMS.length];
    workflows.push({
      Name: `${DOMAINS[w % DOMAINS.length]}-pipeline-${String(w).padStart(
        4,
        '0',
      )}`,
      Description: `Nightly ${DOMAINS[w % DOMAINS.length]} pipeline`,
      DefaultRunProperties: { env: 'prod' },
      MaxConcurrentRuns: 1,
      Tags: { owner: team },
    });
  }
  const newCrawler = (
    team: string,
    domain: string,
    path: string,
  ): FixtureCrawler | undefined => {
    if (crawlers.length >= crawlerCount) return undefined;
    const i = crawlers.length;
    const crawler: FixtureCrawler = {
      Name: `${domain}-crawler-${String(i).padStart(4, '0')}`,
      Role: `arn:aws:iam::${accountId}:role/${team}-glue-role`,
      DatabaseName: domain,
      Description: `Catalogs ${path}`,
      Targets: {
        S3Targets: [{ Path: path, Exclusions: ['**/_temporary/**'] }],
      },
      Tags: { owner: team },
      Simulation: { durationSeconds: intBetween(rng, 45, 600) },
    };
    crawlers.push(crawler);
    return crawler;
  };

  const rootCount =
    triggerCount > 0 ? Math.max(1, Math.round(triggerCount * 0.2)) : 0;
  const conditionalCount = triggerCount - rootCount;
  let conditionalLeft = conditionalCount;
  let chainIndex = 0;
  const addJob = (input?: string) => {
    const g = makeJob(rng, jobs.length, accountId, input);
    jobs.push(g.job);
    return g;
  };

  for (let c = 0; c < rootCount && jobs.length < jobCount; c++) {
    const workflow =
      chainIndex < workflows.length ? workflows[chainIndex].Name : undefined;
    chainIndex++;
    const first = addJob();
    const onDemand = rng() < 0.2;
    const root: FixtureTrigger = {
      Name: `${first.job.Name}-${onDemand ? 'on-demand' : 'schedule'}`,
      Type: onDemand ? 'ON_DEMAND' : 'SCHEDULED',
      State: onDemand ? 'CREATED' : 'ACTIVATED',
      Description: `Starts the ${first.domain} chain`,
      Actions: [{ JobName: first.job.Name }],
      Tags: { owner: first.team },
    };
    if (!onDemand) root.Schedule = schedule(rng);
    if (workflow) root.WorkflowName = workflow;
    triggers.push(root);
    // Conditional triggers continuing this chain.
    const chainsLeft = rootCount - c;
    const share = Math.round(
      conditionalLeft / chainsLeft + between(rng, -1, 1),
    );
    const length =
      c === rootCount - 1
        ? conditionalLeft
        : Math.max(0, Math.min(conditionalLeft, share));
    const members: GeneratedJob[] = [first];
    for (let k = 0; k < length && jobs.length < jobCount; k++) {
      conditionalLeft--;
      const last = members[members.length - 1];
      const r = rng();
      let conditions: GlueCondition[];
      let logical: 'AND' | 'ANY' | undefined;
      let label: string;
      if (r < 0.1 && members.length >= 2) {
        const other = members[members.length - 2];
        conditions = [
          {
            LogicalOperator: 'EQUALS',
            JobName: other.job.Name,
            State: 'SUCCEEDED',
          },
          {
            LogicalOperator: 'EQUALS',
            JobName: last.job.Name,
            State: 'SUCCEEDED',
          },
        ];
        logical = 'AND';
        label = 'after-both';
      } else if (r < 0.15 && members.length >= 2) {
        const other = members[members.length - 2];
        conditions = [
          {
            LogicalOperator: 'EQUALS',
            JobName: other.job.Name,
            State: 'FAILED',
          },
          {
            LogicalOperator: 'EQUALS',
            JobName: last.job.Name,
            State: 'FAILED',
          },
        ];
        logical = 'ANY';
        label = 'on-any-failure';
      } else if (r < 0.25) {
        conditions = [
          {
            LogicalOperator: 'EQUALS',
            JobName: last.job.Name,
            State: 'FAILED',
          },
        ];
        label = 'on-failure';
      } else {
        conditions = [
          {
            LogicalOperator: 'EQUALS',
            JobName: last.job.Name,
            State: 'SUCCEEDED',
          },
        ];
        label = 'after';
      }
      const failureHandler = conditions[0].State === 'FAILED';
      const next = addJob(failureHandler ? undefined : last.output);
      const actions: FixtureTrigger['Actions'] = [
        failureHandler
          ? {
              JobName: next.job.Name,
              Arguments: { '--notify': `${last.team}-oncall` },
            }
          : { JobName: next.job.Name },
      ];
      if (!failureHandler && rng() < 0.15) {
        const crawler = newCrawler(last.team, last.domain, last.output);
        if (crawler) actions.push({ CrawlerName: crawler.Name });
      }
      const conditional: FixtureTrigger = {
        Name: `${label}-${last.job.Name}-${triggers.length}`,
        Type: 'CONDITIONAL',
        State: 'ACTIVATED',
        Predicate: logical
          ? { Logical: logical, Conditions: conditions }
          : { Conditions: conditions },
        Actions: actions,
        Tags: { owner: last.team },
      };
      if (workflow) conditional.WorkflowName = workflow;
      triggers.push(conditional);
      if (!failureHandler) members.push(next);
    }
  }
  // Triggers left over when jobs ran out: more on-demand starters of existing jobs.
  for (let i = triggers.length; i < triggerCount && jobs.length > 0; i++) {
    const target = jobs[intBetween(rng, 0, jobs.length - 1)];
    triggers.push({
      Name: `${target.Name}-manual-${i}`,
      Type: 'ON_DEMAND',
      Actions: [{ JobName: target.Name }],
      Tags: { owner: TEAMS[i % TEAMS.length] },
    });
  }
  while (jobs.length < jobCount) addJob();
  // Crawlers not started by a trigger crawl on their own schedule.
  for (let i = 0; crawlers.length < crawlerCount && jobs.length > 0; i++) {
    const job = jobs[intBetween(rng, 0, jobs.length - 1)];
    const team = job.Tags?.owner ?? job.Tags?.team ?? TEAMS[0];
    const crawler = newCrawler(
      team,
      job.Name.split('-')[0],
      job.DefaultArguments!['--output'],
    );
    if (crawler && rng() < 0.5)
      crawler.Schedule = `cron(${intBetween(rng, 0, 59)} 3 * * ? *)`;
  }
  while (crawlers.length < crawlerCount) {
    newCrawler(
      TEAMS[0],
      'misc',
      `s3://misc-${accountId}/data/${crawlers.length}/`,
    );
  }
  return { jobs, triggers, workflows, crawlers };
}

const generated = new WeakSet<Fixture>();

/** Whether a fixture came from {@link generateFixture} (valid by construction). */
export function isGeneratedFixture(fixture: Fixture): boolean {
  return generated.has(fixture);
}

/** Generates a fixture in memory. Deterministic for the same options. */
export function generateFixture(options: GenerateOptions = {}): Fixture {
  const seed = options.seed ?? 1;
  const regions = options.regions?.length ? options.regions : ['us-east-1'];
  const accounts: FixtureAccount[] = [];
  for (let a = 0; a < (options.accounts ?? 1); a++) {
    const accountId = String(100000000001 + a);
    const content: Record<string, FixtureRegion> = {};
    for (const region of regions) {
      content[region] = generateRegion(seed, accountId, region, options);
    }
    accounts.push({ accountId, regions: content });
  }
  const fixture: Fixture = { seed, accounts };
  generated.add(fixture);
  return fixture;
}
