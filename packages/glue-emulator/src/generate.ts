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

/** How many of each resource one account x region gets. */
interface RegionCounts {
  jobs: number;
  triggers: number;
  workflows: number;
  crawlers: number;
}

function regionCounts(options: GenerateOptions): RegionCounts {
  const jobs = options.jobs ?? 100;
  return {
    jobs,
    triggers: options.triggers ?? Math.floor(jobs / 4),
    workflows: options.workflows ?? Math.floor(jobs / 100),
    crawlers: options.crawlers ?? Math.floor(jobs / 40),
  };
}

/**
 * One account x region while it is generated. Every helper below draws from
 * the one `rng` in a fixed order: the output depends on that order.
 */
interface RegionDraft {
  rng: Rng;
  accountId: string;
  counts: RegionCounts;
  jobs: FixtureJob[];
  triggers: FixtureTrigger[];
  workflows: FixtureWorkflow[];
  crawlers: FixtureCrawler[];
}

/** A condition on a job's state. */
const jobIs = (
  job: GeneratedJob,
  state: 'SUCCEEDED' | 'FAILED',
): GlueCondition => ({
  LogicalOperator: 'EQUALS',
  JobName: job.job.Name,
  State: state,
});

function makeWorkflows(count: number): FixtureWorkflow[] {
  const workflows: FixtureWorkflow[] = [];
  for (let w = 0; w < count; w++) {
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
  return workflows;
}

/** A new crawler of `path`, or undefined once the region has its count. */
function addCrawler(
  draft: RegionDraft,
  team: string,
  domain: string,
  path: string,
): FixtureCrawler | undefined {
  const { crawlers } = draft;
  if (crawlers.length >= draft.counts.crawlers) return undefined;
  const i = crawlers.length;
  const crawler: FixtureCrawler = {
    Name: `${domain}-crawler-${String(i).padStart(4, '0')}`,
    Role: `arn:aws:iam::${draft.accountId}:role/${team}-glue-role`,
    DatabaseName: domain,
    Description: `Catalogs ${path}`,
    Targets: {
      S3Targets: [{ Path: path, Exclusions: ['**/_temporary/**'] }],
    },
    Tags: { owner: team },
    Simulation: { durationSeconds: intBetween(draft.rng, 45, 600) },
  };
  crawlers.push(crawler);
  return crawler;
}

function addJob(draft: RegionDraft, input?: string): GeneratedJob {
  const g = makeJob(draft.rng, draft.jobs.length, draft.accountId, input);
  draft.jobs.push(g.job);
  return g;
}

/** The scheduled or on-demand trigger that starts a chain at `first`. */
function rootTrigger(
  rng: Rng,
  first: GeneratedJob,
  workflow: string | undefined,
): FixtureTrigger {
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
  return root;
}

/**
 * How many conditional triggers chain `c` of `rootCount` gets: about an even
 * share of those left, and all of them for the last chain.
 */
function chainLength(
  rng: Rng,
  c: number,
  rootCount: number,
  conditionalLeft: number,
): number {
  const chainsLeft = rootCount - c;
  const share = Math.round(conditionalLeft / chainsLeft + between(rng, -1, 1));
  return c === rootCount - 1
    ? conditionalLeft
    : Math.max(0, Math.min(conditionalLeft, share));
}

/**
 * The predicate of the next conditional trigger of a chain: after both of
 * the last two jobs, on either's failure, on the last one's failure, or
 * (most often) after the last one.
 */
function chainPredicate(
  rng: Rng,
  members: GeneratedJob[],
): {
  conditions: GlueCondition[];
  logical?: 'AND' | 'ANY';
  label: string;
} {
  const last = members[members.length - 1];
  const r = rng();
  if (r < 0.1 && members.length >= 2) {
    const other = members[members.length - 2];
    return {
      conditions: [jobIs(other, 'SUCCEEDED'), jobIs(last, 'SUCCEEDED')],
      logical: 'AND',
      label: 'after-both',
    };
  }
  if (r < 0.15 && members.length >= 2) {
    const other = members[members.length - 2];
    return {
      conditions: [jobIs(other, 'FAILED'), jobIs(last, 'FAILED')],
      logical: 'ANY',
      label: 'on-any-failure',
    };
  }
  if (r < 0.25) {
    return { conditions: [jobIs(last, 'FAILED')], label: 'on-failure' };
  }
  return { conditions: [jobIs(last, 'SUCCEEDED')], label: 'after' };
}

/**
 * Continues a chain by one conditional trigger and the job it starts; a
 * job that continues the chain (not a failure handler) joins `members`.
 */
function addConditionalStep(
  draft: RegionDraft,
  members: GeneratedJob[],
  workflow: string | undefined,
): void {
  const last = members[members.length - 1];
  const { conditions, logical, label } = chainPredicate(draft.rng, members);
  const failureHandler = conditions[0].State === 'FAILED';
  const next = addJob(draft, failureHandler ? undefined : last.output);
  const actions: FixtureTrigger['Actions'] = [
    failureHandler
      ? {
          JobName: next.job.Name,
          Arguments: { '--notify': `${last.team}-oncall` },
        }
      : { JobName: next.job.Name },
  ];
  if (!failureHandler && draft.rng() < 0.15) {
    const crawler = addCrawler(draft, last.team, last.domain, last.output);
    if (crawler) actions.push({ CrawlerName: crawler.Name });
  }
  const conditional: FixtureTrigger = {
    Name: `${label}-${last.job.Name}-${draft.triggers.length}`,
    Type: 'CONDITIONAL',
    State: 'ACTIVATED',
    Predicate: logical
      ? { Logical: logical, Conditions: conditions }
      : { Conditions: conditions },
    Actions: actions,
    Tags: { owner: last.team },
  };
  if (workflow) conditional.WorkflowName = workflow;
  draft.triggers.push(conditional);
  if (!failureHandler) members.push(next);
}

/**
 * The chains: about a fifth of the triggers start one (the first chains in
 * a workflow each), the rest continue them.
 */
function addChains(draft: RegionDraft): void {
  const { counts, jobs, workflows } = draft;
  const rootCount =
    counts.triggers > 0 ? Math.max(1, Math.round(counts.triggers * 0.2)) : 0;
  let conditionalLeft = counts.triggers - rootCount;
  for (let c = 0; c < rootCount && jobs.length < counts.jobs; c++) {
    const workflow = c < workflows.length ? workflows[c].Name : undefined;
    const first = addJob(draft);
    draft.triggers.push(rootTrigger(draft.rng, first, workflow));
    const length = chainLength(draft.rng, c, rootCount, conditionalLeft);
    const members: GeneratedJob[] = [first];
    for (let k = 0; k < length && jobs.length < counts.jobs; k++) {
      conditionalLeft--;
      addConditionalStep(draft, members, workflow);
    }
  }
}

/** Triggers left over when jobs ran out: more on-demand starters of existing jobs. */
function addManualTriggers(draft: RegionDraft): void {
  const { rng, jobs, triggers } = draft;
  for (
    let i = triggers.length;
    i < draft.counts.triggers && jobs.length > 0;
    i++
  ) {
    const target = jobs[intBetween(rng, 0, jobs.length - 1)];
    triggers.push({
      Name: `${target.Name}-manual-${i}`,
      Type: 'ON_DEMAND',
      Actions: [{ JobName: target.Name }],
      Tags: { owner: TEAMS[i % TEAMS.length] },
    });
  }
}

/**
 * Crawlers not started by a trigger: of job outputs, half of them on their
 * own schedule, then (with no jobs) of stray buckets.
 */
function addStandaloneCrawlers(draft: RegionDraft): void {
  const { rng, jobs, crawlers, counts } = draft;
  while (crawlers.length < counts.crawlers && jobs.length > 0) {
    const job = jobs[intBetween(rng, 0, jobs.length - 1)];
    const team = job.Tags?.owner ?? job.Tags?.team ?? TEAMS[0];
    const crawler = addCrawler(
      draft,
      team,
      job.Name.split('-')[0],
      job.DefaultArguments!['--output'],
    );
    if (crawler && rng() < 0.5)
      crawler.Schedule = `cron(${intBetween(rng, 0, 59)} 3 * * ? *)`;
  }
  while (crawlers.length < counts.crawlers) {
    addCrawler(
      draft,
      TEAMS[0],
      'misc',
      `s3://misc-${draft.accountId}/data/${crawlers.length}/`,
    );
  }
}

function generateRegion(
  seed: number,
  accountId: string,
  region: string,
  options: GenerateOptions,
): FixtureRegion {
  const counts = regionCounts(options);
  const draft: RegionDraft = {
    rng: rngFor(`${seed}|generate|${accountId}|${region}`),
    accountId,
    counts,
    jobs: [],
    triggers: [],
    workflows: makeWorkflows(counts.workflows),
    crawlers: [],
  };
  addChains(draft);
  addManualTriggers(draft);
  while (draft.jobs.length < counts.jobs) addJob(draft);
  addStandaloneCrawlers(draft);
  const { jobs, triggers, workflows, crawlers } = draft;
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
