/*
 * In-memory model of the emulated accounts: resources with Glue's defaults
 * filled in, sorted lists for O(page) paging, and the indexes the operations,
 * the history generator and the simulation need.
 */
import { CronSchedule, parseCron } from './cron';
import type {
  Fixture,
  FixtureCrawler,
  FixtureJob,
  FixtureRegion,
  FixtureTime,
  FixtureTrigger,
  FixtureWorkflow,
} from './fixture';
import { hashString } from './random';
import type {
  GlueCrawl,
  GlueCrawler,
  GlueJob,
  GlueJobBookmarkEntry,
  GlueJobRun,
  GlueTrigger,
  GlueWorkflow,
  JobRunState,
  SimulationSettings,
  StringMap,
  WorkflowSimulation,
} from './types';

const DAY_MS = 86_400_000;

export type ResourceType = 'job' | 'trigger' | 'workflow' | 'crawler';

/** How every run and crawl of a chain ends (a resumed workflow run's). */
export interface ForcedOutcome {
  state: 'SUCCEEDED' | 'FAILED';
  /** Typical duration of each run / crawl (jitter is added). */
  durationSeconds?: number;
}

/** The chain (trigger firing) a run belongs to. */
export interface ChainRef {
  /** Unique per firing of a SCHEDULED / ON_DEMAND trigger (or per resume). */
  key: string;
  workflowName?: string;
  workflowRunId?: string;
  /** Set for a resumed workflow run whose workflow scripts its outcome. */
  forced?: ForcedOutcome;
}

/** A job run plus the emulator's bookkeeping. */
export interface RunRecord {
  /** What the API returns; `run.Arguments` are the ones it was started with. */
  run: GlueJobRun;
  /**
   * The arguments the job actually ran with: its DefaultArguments, then the
   * run's own Arguments, NonOverridableArguments last (bookmarks, outcome,
   * logging settings read these).
   */
  effectiveArgs: StringMap;
  /** Set when a trigger chain started the run (directly or transitively). */
  chain?: ChainRef;
  /** False when a retry attempt follows this (failed) run. */
  final: boolean;
  /** Outcome decided at start, applied when the run ends. */
  planned?: { state: JobRunState; endMs: number; errorMessage?: string };
  /** Bumped on every state change, so stale scheduled events are ignored. */
  version: number;
}

export interface CrawlRecord {
  crawl: GlueCrawl;
  chain?: ChainRef;
  messagePrefix: string;
  planned?: {
    state: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
    endMs: number;
    errorMessage?: string;
  };
  version: number;
}

export interface BookmarkState {
  entry: GlueJobBookmarkEntry;
  /** Entry as it was right after each successful run, by run id. */
  byRunId: Map<string, GlueJobBookmarkEntry>;
}

interface BaseRecord {
  name: string;
  arn: string;
  tags: StringMap;
}

export interface JobRecord extends BaseRecord {
  api: GlueJob;
  simulation: SimulationSettings;
  /** Generated history, ascending by StartedOn (lazy). */
  history?: RunRecord[];
  /** History plus runs started while the emulator runs, ascending by StartedOn. */
  runs?: RunRecord[];
  runsById?: Map<string, RunRecord>;
  bookmark?: BookmarkState;
  /** Number of runs started while the emulator runs. */
  liveStarts: number;
  /** Live starts by origin (a trigger's name, `api`, `retry`): seeds their outcomes. */
  liveStartsBy: Map<string, number>;
}

export interface TriggerRecord extends BaseRecord {
  api: GlueTrigger;
  schedule?: CronSchedule;
  /** ON_DEMAND firings in the generated history. */
  historyFirings?: number;
}

export interface WorkflowRunRecord {
  Name: string;
  WorkflowRunId: string;
  /** A resumed run: the run it resumes. */
  PreviousRunId?: string;
  WorkflowRunProperties: StringMap;
  StartedOn: number;
  /** Chain key whose runs belong to this workflow run. */
  chainKey: string;
  /**
   * A resumed run: the nodes that had succeeded in the run it resumes (their
   * final run / crawl), shown in its graph and counted in its statistics.
   */
  carried?: {
    jobs: Map<string, RunRecord[]>;
    crawls: Map<string, CrawlRecord[]>;
  };
}

export interface WorkflowRecord extends BaseRecord {
  api: GlueWorkflow;
  simulation: WorkflowSimulation;
  /** Triggers with WorkflowName = this workflow, sorted by name. */
  triggers: TriggerRecord[];
  jobs: string[];
  crawlers: string[];
  /** Generated plus live workflow runs, ascending by StartedOn (lazy). */
  runs?: WorkflowRunRecord[];
}

export interface CrawlerRecord extends BaseRecord {
  api: GlueCrawler;
  simulation: SimulationSettings;
  schedule?: CronSchedule;
  history?: CrawlRecord[];
  crawls?: CrawlRecord[];
}

export interface TaggedResource {
  arn: string;
  type: ResourceType;
  tags: StringMap;
}

/** Node keys used by the dependency indexes. */
export const jobNode = (name: string) => `job:${name}`;
export const crawlerNode = (name: string) => `crawler:${name}`;

/** Code-unit order (what the paging order is defined as). */
export function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return compareStrings(a.name, b.name);
}

function compact<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}

function toEpochSeconds(time: FixtureTime): number {
  if (typeof time === 'number') {
    return time;
  }
  const ms = time instanceof Date ? time.getTime() : Date.parse(time);
  return ms / 1000;
}

/** Deterministic creation / modification times when the fixture has none. */
function defaultTimes(
  key: string,
  startMs: number,
  created?: FixtureTime,
  modified?: FixtureTime,
): [number, number] {
  const h = hashString(key);
  const createdOn =
    created !== undefined
      ? toEpochSeconds(created)
      : Math.floor(
          (startMs - (120 + (h % 600)) * DAY_MS - (h % 86_400) * 1000) / 1000,
        );
  const latest = startMs / 1000 - 7 * 86_400;
  const modifiedOn =
    modified !== undefined
      ? toEpochSeconds(modified)
      : Math.max(
          createdOn,
          Math.floor(
            createdOn + (((h >>> 8) % 1000) / 1000) * (latest - createdOn),
          ),
        );
  return [createdOn, modifiedOn];
}

const DPU_PER_WORKER: Record<string, number> = {
  Standard: 1,
  'G.025X': 0.25,
  'G.1X': 1,
  'G.2X': 2,
  'G.4X': 4,
  'G.8X': 8,
  'G.12X': 12,
  'G.16X': 16,
  'R.1X': 1,
  'R.2X': 2,
  'R.4X': 4,
  'R.8X': 8,
  'Z.2X': 2,
};

/** DPUs per worker of a worker type (unknown types count as 1). */
export function dpuPerWorker(workerType: string): number {
  return DPU_PER_WORKER[workerType] ?? 1;
}

/** Total DPUs a job run uses. */
export function jobDpus(job: {
  WorkerType?: string;
  NumberOfWorkers?: number;
  MaxCapacity?: number;
}): number {
  if (job.WorkerType && job.NumberOfWorkers) {
    return dpuPerWorker(job.WorkerType) * job.NumberOfWorkers;
  }
  return job.MaxCapacity ?? 10;
}

function glueMajor(version: string | undefined): number {
  return Number.parseFloat(version ?? '0.9') || 0;
}

export function buildJob(
  fixture: FixtureJob,
  accountId: string,
  region: string,
  startMs: number,
): JobRecord {
  const {
    Name,
    Description,
    Role,
    Command,
    DefaultArguments,
    NonOverridableArguments,
    Connections,
    MaxRetries,
    AllocatedCapacity,
    Timeout,
    MaxCapacity,
    WorkerType,
    NumberOfWorkers,
    ExecutionProperty,
    ExecutionClass,
    GlueVersion,
    JobMode,
    CodeGenConfigurationNodes,
    CreatedOn,
    LastModifiedOn,
    Tags,
    Simulation,
    ...extra
  } = fixture;
  const arn = `arn:aws:glue:${region}:${accountId}:job/${Name}`;
  const [createdOn, modifiedOn] = defaultTimes(
    arn,
    startMs,
    CreatedOn,
    LastModifiedOn,
  );
  const glueVersion = GlueVersion ?? '0.9';
  const isPythonShell = Command.Name === 'pythonshell';
  const isSpark =
    Command.Name === 'glueetl' || Command.Name === 'gluestreaming';
  let maxCapacity = MaxCapacity;
  let allocated = AllocatedCapacity;
  if (isPythonShell) {
    maxCapacity = maxCapacity ?? 0.0625;
    allocated = allocated ?? 0;
  } else {
    maxCapacity =
      maxCapacity ??
      (WorkerType && NumberOfWorkers
        ? dpuPerWorker(WorkerType) * NumberOfWorkers
        : 10);
    allocated = allocated ?? Math.round(maxCapacity);
  }
  const api: GlueJob = compact({
    Name,
    Description,
    Role,
    CreatedOn: createdOn,
    LastModifiedOn: modifiedOn,
    ExecutionProperty: ExecutionProperty ?? { MaxConcurrentRuns: 1 },
    Command: compact({
      ...Command,
      PythonVersion:
        Command.PythonVersion ?? (isPythonShell || isSpark ? '3' : undefined),
    }),
    DefaultArguments,
    NonOverridableArguments,
    Connections,
    MaxRetries: MaxRetries ?? 0,
    AllocatedCapacity: allocated,
    Timeout: Timeout ?? (glueMajor(glueVersion) >= 5 ? 480 : 2880),
    MaxCapacity: maxCapacity,
    WorkerType,
    NumberOfWorkers,
    GlueVersion: glueVersion,
    ExecutionClass: ExecutionClass ?? (isSpark ? 'STANDARD' : undefined),
    JobMode: JobMode ?? (CodeGenConfigurationNodes ? 'VISUAL' : undefined),
    CodeGenConfigurationNodes,
    ...extra,
  });
  return {
    name: Name,
    arn,
    tags: Tags ?? {},
    api,
    simulation: Simulation ?? {},
    liveStarts: 0,
    liveStartsBy: new Map(),
  };
}

export function buildTrigger(
  fixture: FixtureTrigger,
  accountId: string,
  region: string,
): TriggerRecord {
  const {
    Name,
    Id,
    Type,
    State,
    Description,
    Schedule,
    Predicate,
    Actions,
    WorkflowName,
    Tags,
    Simulation,
    ...extra
  } = fixture;
  const api: GlueTrigger = compact({
    Name,
    WorkflowName,
    Id: Id ?? Name,
    Type,
    State: State ?? (Type === 'ON_DEMAND' ? 'CREATED' : 'ACTIVATED'),
    Description,
    Schedule,
    Actions: Actions.map(a => compact({ ...a })),
    Predicate: Predicate
      ? {
          ...Predicate,
          Logical: Predicate.Logical ?? 'AND',
          Conditions: Predicate.Conditions.map(c =>
            compact({ ...c, LogicalOperator: c.LogicalOperator ?? 'EQUALS' }),
          ),
        }
      : undefined,
    ...extra,
  });
  return {
    name: Name,
    arn: `arn:aws:glue:${region}:${accountId}:trigger/${Name}`,
    tags: Tags ?? {},
    api,
    schedule:
      Type === 'SCHEDULED' && Schedule ? parseCron(Schedule) : undefined,
    historyFirings: Simulation?.history,
  };
}

export function buildWorkflow(
  fixture: FixtureWorkflow,
  accountId: string,
  region: string,
  startMs: number,
): WorkflowRecord {
  const {
    Name,
    Description,
    DefaultRunProperties,
    MaxConcurrentRuns,
    CreatedOn,
    LastModifiedOn,
    Tags,
    Simulation,
    ...extra
  } = fixture;
  const arn = `arn:aws:glue:${region}:${accountId}:workflow/${Name}`;
  const [createdOn, modifiedOn] = defaultTimes(
    arn,
    startMs,
    CreatedOn,
    LastModifiedOn,
  );
  return {
    name: Name,
    arn,
    tags: Tags ?? {},
    api: compact({
      Name,
      Description,
      DefaultRunProperties: DefaultRunProperties ?? {},
      CreatedOn: createdOn,
      LastModifiedOn: modifiedOn,
      MaxConcurrentRuns,
      ...extra,
    }),
    simulation: Simulation ?? {},
    triggers: [],
    jobs: [],
    crawlers: [],
  };
}

const CRAWLER_TARGET_LISTS = [
  'S3Targets',
  'JdbcTargets',
  'MongoDBTargets',
  'DynamoDBTargets',
  'CatalogTargets',
  'DeltaTargets',
  'IcebergTargets',
  'HudiTargets',
];

export function buildCrawler(
  fixture: FixtureCrawler,
  accountId: string,
  region: string,
  startMs: number,
): CrawlerRecord {
  const {
    Name,
    Role,
    DatabaseName,
    Description,
    Targets,
    Schedule,
    CreationTime,
    LastUpdated,
    Tags,
    Simulation,
    ...extra
  } = fixture;
  const arn = `arn:aws:glue:${region}:${accountId}:crawler/${Name}`;
  const [created, updated] = defaultTimes(
    arn,
    startMs,
    CreationTime,
    LastUpdated,
  );
  const targets: Record<string, unknown> = {};
  for (const list of CRAWLER_TARGET_LISTS) {
    targets[list] = [];
  }
  Object.assign(targets, Targets);
  let schedule: { ScheduleExpression: string; State: string } | undefined;
  if (typeof Schedule === 'string') {
    schedule = { ScheduleExpression: Schedule, State: 'SCHEDULED' };
  } else if (Schedule) {
    schedule = {
      ScheduleExpression: Schedule.ScheduleExpression,
      State: Schedule.State ?? 'SCHEDULED',
    };
  }
  const api: GlueCrawler = compact({
    Name,
    Role,
    Targets: targets,
    DatabaseName,
    Description,
    Classifiers: [],
    RecrawlPolicy: { RecrawlBehavior: 'CRAWL_EVERYTHING' },
    SchemaChangePolicy: {
      UpdateBehavior: 'UPDATE_IN_DATABASE',
      DeleteBehavior: 'DEPRECATE_IN_DATABASE',
    },
    LineageConfiguration: { CrawlerLineageSettings: 'DISABLE' },
    State: 'READY' as const,
    Schedule: schedule,
    CrawlElapsedTime: 0,
    CreationTime: created,
    LastUpdated: updated,
    Version: 1,
    ...extra,
  });
  return {
    name: Name,
    arn,
    tags: Tags ?? {},
    api,
    simulation: Simulation ?? {},
    schedule:
      schedule && schedule.State === 'SCHEDULED'
        ? parseCron(schedule.ScheduleExpression)
        : undefined,
  };
}

/** Everything in one account x region. */
export class RegionModel {
  readonly jobs = new Map<string, JobRecord>();
  readonly triggers = new Map<string, TriggerRecord>();
  readonly workflows = new Map<string, WorkflowRecord>();
  readonly crawlers = new Map<string, CrawlerRecord>();
  jobList: JobRecord[] = [];
  triggerList: TriggerRecord[] = [];
  workflowList: WorkflowRecord[] = [];
  crawlerList: CrawlerRecord[] = [];
  /** Resources with at least one tag, sorted by ARN. */
  tagged: TaggedResource[] = [];
  readonly byArn = new Map<string, { type: ResourceType; tags: StringMap }>();
  /** Triggers whose actions start a job / crawler (node key -> triggers by name). */
  readonly starters = new Map<string, TriggerRecord[]>();
  /** CONDITIONAL triggers watching a job / crawler (node key -> triggers). */
  readonly watchers = new Map<string, TriggerRecord[]>();
  /** Triggers that take part in a cycle (never replayed in the history). */
  readonly cyclicTriggers = new Set<string>();

  constructor(
    readonly accountId: string,
    readonly region: string,
    fixture: FixtureRegion = {},
    startMs = Date.now(),
  ) {
    for (const j of fixture.jobs ?? []) {
      this.jobs.set(j.Name, buildJob(j, accountId, region, startMs));
    }
    for (const t of fixture.triggers ?? []) {
      this.triggers.set(t.Name, buildTrigger(t, accountId, region));
    }
    for (const w of fixture.workflows ?? []) {
      this.workflows.set(w.Name, buildWorkflow(w, accountId, region, startMs));
    }
    for (const c of fixture.crawlers ?? []) {
      this.crawlers.set(c.Name, buildCrawler(c, accountId, region, startMs));
    }
    this.jobList = [...this.jobs.values()].sort(byName);
    this.triggerList = [...this.triggers.values()].sort(byName);
    this.workflowList = [...this.workflows.values()].sort(byName);
    this.crawlerList = [...this.crawlers.values()].sort(byName);
    this.index();
  }

  get isEmpty(): boolean {
    return (
      this.jobs.size +
        this.triggers.size +
        this.workflows.size +
        this.crawlers.size ===
      0
    );
  }

  private index() {
    const add = (
      map: Map<string, TriggerRecord[]>,
      key: string,
      t: TriggerRecord,
    ) => {
      const list = map.get(key);
      if (!list) {
        map.set(key, [t]);
      } else if (list[list.length - 1] !== t) {
        list.push(t);
      }
    };
    for (const t of this.triggerList) {
      for (const a of t.api.Actions) {
        if (a.JobName) add(this.starters, jobNode(a.JobName), t);
        if (a.CrawlerName) add(this.starters, crawlerNode(a.CrawlerName), t);
      }
      if (t.api.Type === 'CONDITIONAL') {
        for (const c of t.api.Predicate?.Conditions ?? []) {
          if (c.JobName) add(this.watchers, jobNode(c.JobName), t);
          if (c.CrawlerName) add(this.watchers, crawlerNode(c.CrawlerName), t);
        }
      }
      const workflow = t.api.WorkflowName
        ? this.workflows.get(t.api.WorkflowName)
        : undefined;
      if (workflow) {
        workflow.triggers.push(t);
        const members = [
          ...t.api.Actions,
          ...(t.api.Predicate?.Conditions ?? []),
        ];
        for (const m of members) {
          if (m.JobName && !workflow.jobs.includes(m.JobName)) {
            workflow.jobs.push(m.JobName);
          }
          if (m.CrawlerName && !workflow.crawlers.includes(m.CrawlerName)) {
            workflow.crawlers.push(m.CrawlerName);
          }
        }
      }
    }
    const tagged: TaggedResource[] = [];
    const register = (type: ResourceType, list: BaseRecord[]) => {
      for (const r of list) {
        this.byArn.set(r.arn, { type, tags: r.tags });
        if (Object.keys(r.tags).length > 0) {
          tagged.push({ arn: r.arn, type, tags: r.tags });
        }
      }
    };
    register('job', this.jobList);
    register('trigger', this.triggerList);
    register('workflow', this.workflowList);
    register('crawler', this.crawlerList);
    this.tagged = tagged.sort((a, b) => compareStrings(a.arn, b.arn));
    this.findCycles();
  }

  /** Tarjan's strongly connected components over jobs, crawlers and triggers (iterative). */
  private findCycles() {
    const edges = new Map<string, string[]>();
    const push = (from: string, to: string) => {
      const list = edges.get(from);
      if (list) list.push(to);
      else edges.set(from, [to]);
    };
    for (const t of this.triggerList) {
      const node = `trigger:${t.name}`;
      for (const a of t.api.Actions) {
        if (a.JobName) push(node, jobNode(a.JobName));
        if (a.CrawlerName) push(node, crawlerNode(a.CrawlerName));
      }
      if (t.api.Type === 'CONDITIONAL') {
        for (const c of t.api.Predicate?.Conditions ?? []) {
          if (c.JobName) push(jobNode(c.JobName), node);
          if (c.CrawlerName) push(crawlerNode(c.CrawlerName), node);
        }
      }
    }
    const indexOf = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    let counter = 0;
    for (const root of edges.keys()) {
      if (indexOf.has(root)) continue;
      const work: [string, number][] = [[root, 0]];
      while (work.length > 0) {
        const frame = work[work.length - 1];
        const [node, i] = frame;
        if (i === 0 && !indexOf.has(node)) {
          indexOf.set(node, counter);
          low.set(node, counter);
          counter++;
          stack.push(node);
          onStack.add(node);
        }
        const next = edges.get(node) ?? [];
        if (i < next.length) {
          frame[1] = i + 1;
          const child = next[i];
          if (!indexOf.has(child)) {
            work.push([child, 0]);
          } else if (onStack.has(child)) {
            low.set(node, Math.min(low.get(node)!, indexOf.get(child)!));
          }
          continue;
        }
        work.pop();
        if (work.length > 0) {
          const parent = work[work.length - 1][0];
          low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
        }
        if (low.get(node) === indexOf.get(node)) {
          const component: string[] = [];
          let member: string;
          do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
          } while (member !== node);
          if (component.length > 1) {
            for (const m of component) {
              if (m.startsWith('trigger:')) {
                this.cyclicTriggers.add(m.slice('trigger:'.length));
              }
            }
          }
        }
      }
    }
  }
}

/** All accounts and regions of a fixture. */
export class EmulatorModel {
  readonly regions = new Map<string, RegionModel>();
  readonly defaultAccount: string;

  constructor(fixture: Fixture, startMs: number, defaultAccount?: string) {
    for (const account of fixture.accounts) {
      for (const [region, content] of Object.entries(account.regions)) {
        this.regions.set(
          `${account.accountId}/${region}`,
          new RegionModel(account.accountId, region, content, startMs),
        );
      }
    }
    this.defaultAccount =
      defaultAccount ??
      fixture.defaultAccount ??
      fixture.accounts[0]?.accountId ??
      '123456789012';
  }

  /** The region's model; an unknown account/region is simply empty. */
  region(accountId: string, region: string): RegionModel {
    const key = `${accountId}/${region}`;
    let model = this.regions.get(key);
    if (!model) {
      model = new RegionModel(accountId, region);
      this.regions.set(key, model);
    }
    return model;
  }

  /** Regions that hold at least one resource. */
  populatedRegions(): RegionModel[] {
    return [...this.regions.values()].filter(r => !r.isEmpty);
  }
}
