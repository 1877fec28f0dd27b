/*
 * Deterministic run history for the 90 days before the emulator's start time.
 *
 * A job's history is generated lazily, the first time anything reads its runs,
 * from the seed, the account/region and names only, so it does not depend on
 * the order of reads:
 *
 * - SCHEDULED triggers fire on their cron; ON_DEMAND triggers fire a few times
 *   at random moments; each firing is a "chain instance".
 * - CONDITIONAL triggers fire when their predicate is met by the final
 *   attempts of upstream runs of the same chain instance (AND: all conditions
 *   in the same instance; ANY: the first one). Like real Glue, only runs that
 *   a trigger started count (unless requireTriggeredUpstream is false).
 * - Jobs no trigger starts get a few manual runs.
 * - Outcomes, durations, error messages and retries come from the job's
 *   Simulation block.
 */
import { previousFireTimes } from './cron';
import {
  ChainRef,
  CrawlerRecord,
  CrawlRecord,
  crawlerNode,
  JobRecord,
  jobDpus,
  jobNode,
  RegionModel,
  RunRecord,
  TriggerRecord,
  WorkflowRecord,
  WorkflowRunRecord,
} from './model';
import {
  between,
  hex64,
  intBetween,
  pick,
  Rng,
  rngFor,
  uuidFor,
} from './random';
import type {
  GlueAction,
  GlueJobRun,
  GluePredecessor,
  JobRunState,
  PinnedRun,
  StringMap,
} from './types';

export const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;
/** Most firings of one root trigger replayed in the history. */
const ROOT_FIRINGS_LIMIT = 200;
/** Runs kept per job when its Simulation block does not say. */
const DEFAULT_HISTORY_CAP = 100;
const DEFAULT_MANUAL_RUNS = 8;
const DEFAULT_ON_DEMAND_FIRINGS = 12;
const DEFAULT_MANUAL_CRAWLS = 6;
const DEFAULT_CRAWL_CAP = 100;

export const JOB_LOG_GROUP = '/aws-glue/jobs';
export const CRAWLER_LOG_GROUP = '/aws-glue/crawlers';

export const DEFAULT_ERROR_MESSAGES = [
  'An error occurred while calling o112.pyWriteDynamicFrame. Job aborted due to stage failure: Task 3 in stage 12.0 failed 4 times, most recent failure: Lost task 3.3 in stage 12.0 (TID 481) (172.34.9.60 executor 7): ExecutorLostFailure (executor 7 exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding memory limits.',
  "AnalysisException: cannot resolve 'order_id' given input columns: [id, customer, amount, created_at]",
  'Py4JJavaError: An error occurred while calling o98.getDynamicFrame. : java.sql.SQLException: Connection refused (Connection refused)',
  "ModuleNotFoundError: No module named 'pyarrow'",
  'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied',
  'SparkException: Job aborted due to stage failure: Total size of serialized results of 512 tasks (4.0 GiB) is bigger than spark.driver.maxResultSize (4.0 GiB)',
  'Command failed with exit code 1',
];

const CRAWL_ERROR_MESSAGES = [
  'Internal Service Exception',
  'Insufficient Lake Formation permission(s) on table',
  'Service Principal: glue.amazonaws.com is not authorized to perform: s3:GetObject',
];

/** What the generator needs to know about the emulator. */
export interface HistoryContext {
  seed: number;
  /** Emulator start time (ms): the history ends here. */
  startMs: number;
  requireTriggeredUpstream: boolean;
}

/** A moment something (a trigger, a person) started a job or crawler. */
interface StartEvent {
  at: number;
  /** Unique per target: seeds the randomness of the runs it produces. */
  key: string;
  triggerName?: string;
  chain?: ChainRef;
  predecessors: GluePredecessor[];
  /** When the root trigger fired (workflow run start). */
  firedAt: number;
}

/** A terminal upstream outcome a conditional trigger can react to. */
interface Outcome {
  chain: ChainRef;
  completedAt: number;
  predecessor?: GluePredecessor;
}

/** Merges arguments: job defaults <- overrides, NonOverridableArguments win. */
export function mergeArguments(
  defaults: StringMap | undefined,
  nonOverridable: StringMap | undefined,
  ...overrides: (StringMap | undefined)[]
): StringMap {
  const merged: StringMap = { ...(defaults ?? {}) };
  for (const o of overrides) {
    for (const [k, v] of Object.entries(o ?? {})) {
      if (!nonOverridable || !(k in nonOverridable)) {
        merged[k] = v;
      }
    }
  }
  return { ...merged, ...(nonOverridable ?? {}) };
}

/**
 * The arguments a job runs with: its DefaultArguments, then the run's own
 * Arguments, NonOverridableArguments last. Only the emulator uses these; the
 * API returns the run's own Arguments, as Glue does.
 */
export function effectiveArguments(job: JobRecord, own: StringMap): StringMap {
  return mergeArguments(
    job.api.DefaultArguments,
    job.api.NonOverridableArguments,
    own,
  );
}

/** The arguments Glue passes to a job that a workflow run starts. */
export function workflowArguments(
  chain: ChainRef | undefined,
): StringMap | undefined {
  if (!chain?.workflowRunId) return undefined;
  return {
    '--WORKFLOW_NAME': chain.workflowName!,
    '--WORKFLOW_RUN_ID': chain.workflowRunId,
  };
}

/** A pinned run's own worker type / number of workers (and its capacity). */
function applyCapacity(run: GlueJobRun, pin: PinnedRun | undefined) {
  if (pin?.workerType) run.WorkerType = pin.workerType;
  if (pin?.numberOfWorkers) run.NumberOfWorkers = pin.numberOfWorkers;
  if (pin?.workerType || pin?.numberOfWorkers) {
    run.MaxCapacity = jobDpus({
      WorkerType: run.WorkerType,
      NumberOfWorkers: run.NumberOfWorkers,
      MaxCapacity: run.MaxCapacity,
    });
  }
}

/** The outcome of a run, decided from the job's Simulation rates. */
export function rollOutcome(
  rng: Rng,
  rates: { failureRate?: number; timeoutRate?: number; stopRate?: number },
  attempt: number,
): JobRunState {
  let failure = rates.failureRate ?? 0.05;
  let timeout = rates.timeoutRate ?? 0.01;
  let stop = rates.stopRate ?? 0.01;
  if (attempt > 0) {
    // Retries mostly succeed.
    failure *= 0.5;
    timeout = 0;
    stop = 0;
  }
  const r = rng();
  if (r < failure) return 'FAILED';
  if (r < failure + timeout) return 'TIMEOUT';
  if (r < failure + timeout + stop) return 'STOPPED';
  return 'SUCCEEDED';
}

/** Seconds a run with this outcome takes. */
export function runDurationSeconds(
  rng: Rng,
  baseSeconds: number,
  outcome: string,
  timeoutMinutes: number,
): number {
  const normal = baseSeconds * between(rng, 0.75, 1.35);
  switch (outcome) {
    case 'FAILED':
      return normal * between(rng, 0.05, 0.9);
    case 'TIMEOUT':
      return timeoutMinutes * 60;
    case 'STOPPED':
      return normal * between(rng, 0.2, 0.8);
    case 'ERROR':
      return between(rng, 5, 30);
    default:
      return normal;
  }
}

export function defaultDurationSeconds(job: JobRecord): number {
  return (
    job.simulation.durationSeconds ??
    (job.api.Command.Name === 'pythonshell' ? 90 : 420)
  );
}

/** Error message of a failed / timed-out run. */
export function errorMessageFor(
  rng: Rng,
  job: JobRecord,
  outcome: string,
  timeoutMinutes: number,
): string | undefined {
  if (outcome === 'TIMEOUT') {
    return `Job run timed out after ${timeoutMinutes} minutes (Timeout: ${timeoutMinutes})`;
  }
  if (outcome !== 'FAILED' && outcome !== 'ERROR') {
    return undefined;
  }
  const messages = job.simulation.errorMessages?.length
    ? job.simulation.errorMessages
    : DEFAULT_ERROR_MESSAGES;
  return pick(rng, messages);
}

/** The outcome of a crawl. */
export function rollCrawlOutcome(
  rng: Rng,
  failureRate: number,
  cancelRate: number,
): 'SUCCEEDED' | 'FAILED' | 'CANCELLED' {
  const r = rng();
  if (r < failureRate) return 'FAILED';
  if (r < failureRate + cancelRate) return 'CANCELLED';
  return 'SUCCEEDED';
}

const ms = (epochSeconds: number) => Math.round(epochSeconds * 1000);
const sec = (epochMs: number) => epochMs / 1000;

/** Builds a job run object from a job definition and a start. */
export function newRun(
  job: JobRecord,
  init: {
    id: string;
    attempt: number;
    previousRunId?: string;
    triggerName?: string;
    startedMs: number;
    args: StringMap;
    predecessors: GluePredecessor[];
    timeoutMinutes: number;
  },
): GlueJobRun {
  const j = job.api;
  const run: GlueJobRun = {
    Id: init.id,
    Attempt: init.attempt,
    PreviousRunId: init.previousRunId,
    TriggerName: init.triggerName,
    JobName: job.name,
    JobMode: j.JobMode,
    StartedOn: sec(init.startedMs),
    LastModifiedOn: sec(init.startedMs),
    JobRunState: 'STARTING',
    Arguments: init.args,
    PredecessorRuns: init.predecessors,
    AllocatedCapacity: j.AllocatedCapacity,
    ExecutionTime: 0,
    Timeout: init.timeoutMinutes,
    MaxCapacity: j.MaxCapacity,
    WorkerType: j.WorkerType,
    NumberOfWorkers: j.NumberOfWorkers,
    LogGroupName: JOB_LOG_GROUP,
    GlueVersion: j.GlueVersion,
    ExecutionClass: j.ExecutionClass,
  };
  for (const key of Object.keys(run) as (keyof GlueJobRun)[]) {
    if (run[key] === undefined) delete run[key];
  }
  return run;
}

/** Marks a run terminal at `endMs`. */
export function completeRun(
  run: GlueJobRun,
  state: JobRunState,
  endMs: number,
  errorMessage?: string,
) {
  const seconds = Math.max(0, (endMs - ms(run.StartedOn)) / 1000);
  run.JobRunState = state;
  run.CompletedOn = sec(endMs);
  run.LastModifiedOn = sec(endMs);
  run.ExecutionTime = Math.round(seconds);
  run.DPUSeconds = Math.round(jobDpus(run) * seconds * 100) / 100;
  if (errorMessage) {
    run.ErrorMessage = errorMessage;
  }
}

export class RegionHistory {
  private readonly rootCache = new Map<string, StartEvent[]>();
  private readonly conditionalCache = new Map<string, StartEvent[]>();
  private readonly generating = new Set<string>();
  private readonly windowStart: number;

  constructor(
    private readonly model: RegionModel,
    private readonly context: HistoryContext,
  ) {
    this.windowStart = context.startMs - HISTORY_DAYS * DAY_MS;
  }

  private rng(...parts: (string | number)[]): Rng {
    return rngFor(
      [
        this.context.seed,
        this.model.accountId,
        this.model.region,
        ...parts,
      ].join('|'),
    );
  }

  private id(prefix: string, ...parts: (string | number)[]): string {
    return `${prefix}${hex64(
      [
        this.context.seed,
        this.model.accountId,
        this.model.region,
        ...parts,
      ].join('|'),
    )}`;
  }

  /** Workflow run id of a chain started by a workflow's start trigger. */
  workflowRunId(workflowName: string, chainKey: string): string {
    return this.id('wr_', 'workflow', workflowName, chainKey);
  }

  /** Firings of a SCHEDULED / ON_DEMAND trigger (ascending). */
  private rootEvents(trigger: TriggerRecord): StartEvent[] {
    const cached = this.rootCache.get(trigger.name);
    if (cached) return cached;
    const { startMs } = this.context;
    let times: number[] = [];
    const t = trigger.api;
    if (t.Type === 'SCHEDULED' && t.State === 'ACTIVATED' && trigger.schedule) {
      times = previousFireTimes(
        trigger.schedule,
        startMs,
        this.windowStart,
        ROOT_FIRINGS_LIMIT,
      ).reverse();
    } else if (t.Type === 'ON_DEMAND') {
      const rng = this.rng('on-demand', trigger.name);
      const count = trigger.historyFirings ?? DEFAULT_ON_DEMAND_FIRINGS;
      for (let i = 0; i < count; i++) {
        times.push(
          Math.floor(
            between(rng, this.windowStart, startMs - 3_600_000) / 1000,
          ) * 1000,
        );
      }
      times.sort((a, b) => a - b);
    }
    const events = times.map(firedAt => {
      const key = `${trigger.name}@${firedAt}`;
      const workflowName = t.WorkflowName;
      const chain: ChainRef = {
        key,
        workflowName,
        workflowRunId: workflowName
          ? this.workflowRunId(workflowName, key)
          : undefined,
      };
      const delay = intBetween(this.rng('dispatch', key), 1, 25) * 1000;
      return {
        at: firedAt + delay,
        key,
        triggerName: trigger.name,
        chain,
        predecessors: [],
        firedAt,
      };
    });
    this.rootCache.set(trigger.name, events);
    return events;
  }

  /** Whether an upstream run's chain may fire a trigger. */
  private chainMatches(trigger: TriggerRecord, chain: ChainRef): boolean {
    return (chain.workflowName ?? '') === (trigger.api.WorkflowName ?? '');
  }

  /** Firings of a CONDITIONAL trigger derived from upstream histories (ascending). */
  private conditionalEvents(trigger: TriggerRecord): StartEvent[] {
    const cached = this.conditionalCache.get(trigger.name);
    if (cached) return cached;
    const events: StartEvent[] = [];
    this.conditionalCache.set(trigger.name, events);
    const t = trigger.api;
    if (
      t.State !== 'ACTIVATED' ||
      this.model.cyclicTriggers.has(trigger.name)
    ) {
      return events;
    }
    const conditions = t.Predicate?.Conditions ?? [];
    const outcomes: Outcome[][] = conditions.map(c => {
      const list: Outcome[] = [];
      if (c.JobName) {
        const job = this.model.jobs.get(c.JobName);
        for (const r of job ? this.jobHistory(job) : []) {
          const run = r.run;
          if (
            !r.final ||
            run.JobRunState !== c.State ||
            run.CompletedOn === undefined
          ) {
            continue;
          }
          const chain =
            r.chain ??
            (this.context.requireTriggeredUpstream
              ? undefined
              : { key: `manual:${run.Id}` });
          if (chain && this.chainMatches(trigger, chain)) {
            list.push({
              chain,
              completedAt: ms(run.CompletedOn),
              predecessor: { JobName: run.JobName, RunId: run.Id },
            });
          }
        }
      } else if (c.CrawlerName) {
        const crawler = this.model.crawlers.get(c.CrawlerName);
        for (const r of crawler ? this.crawlHistory(crawler) : []) {
          if (
            r.crawl.State !== c.CrawlState ||
            r.crawl.CompletedOn === undefined
          ) {
            continue;
          }
          const chain =
            r.chain ??
            (this.context.requireTriggeredUpstream
              ? undefined
              : { key: `manual:${c.CrawlerName}@${r.crawl.StartedOn}` });
          if (chain && this.chainMatches(trigger, chain)) {
            list.push({ chain, completedAt: ms(r.crawl.CompletedOn) });
          }
        }
      }
      return list;
    });
    const any = conditions.length === 1 || t.Predicate?.Logical === 'ANY';
    const byChain = new Map<
      string,
      { chain: ChainRef; first: (Outcome | undefined)[] }
    >();
    outcomes.forEach((list, ci) => {
      for (const o of list) {
        let entry = byChain.get(o.chain.key);
        if (!entry) {
          entry = { chain: o.chain, first: conditions.map(() => undefined) };
          byChain.set(o.chain.key, entry);
        }
        const current = entry.first[ci];
        if (!current || o.completedAt < current.completedAt) {
          entry.first[ci] = o;
        }
      }
    });
    for (const { chain, first } of byChain.values()) {
      const met = first.filter((o): o is Outcome => o !== undefined);
      let at: number;
      let preds: GluePredecessor[];
      if (any) {
        const earliest = met.reduce((a, b) =>
          b.completedAt < a.completedAt ? b : a,
        );
        at = earliest.completedAt;
        preds = earliest.predecessor ? [earliest.predecessor] : [];
      } else {
        if (met.length < conditions.length) continue;
        at = Math.max(...met.map(o => o.completedAt));
        preds = met.flatMap(o => (o.predecessor ? [o.predecessor] : []));
      }
      const key = `${trigger.name}@${chain.key}`;
      const fireAt = at + intBetween(this.rng('fire', key), 2, 25) * 1000;
      if (fireAt >= this.context.startMs) continue;
      events.push({
        at: fireAt,
        key,
        triggerName: trigger.name,
        chain,
        predecessors: preds,
        firedAt: fireAt,
      });
    }
    events.sort((a, b) => a.at - b.at);
    return events;
  }

  /** Start events of a trigger (any type). */
  private triggerEvents(trigger: TriggerRecord): StartEvent[] {
    return trigger.api.Type === 'CONDITIONAL'
      ? this.conditionalEvents(trigger)
      : this.rootEvents(trigger);
  }

  /** Whether a trigger can start things at all (for "is this job manual?"). */
  private startsThings(trigger: TriggerRecord): boolean {
    const t = trigger.api;
    return t.Type === 'ON_DEMAND' || t.State === 'ACTIVATED';
  }

  private manualEvents(
    kind: string,
    name: string,
    count: number,
  ): StartEvent[] {
    const rng = this.rng('manual', kind, name);
    const events: StartEvent[] = [];
    for (let i = 0; i < count; i++) {
      const at =
        Math.floor(
          between(rng, this.windowStart, this.context.startMs - 1_800_000) /
            1000,
        ) * 1000;
      events.push({ at, key: `manual#${i}`, predecessors: [], firedAt: at });
    }
    return events.sort((a, b) => a.at - b.at);
  }

  /** The generated history of a job, ascending by StartedOn. */
  jobHistory(job: JobRecord): RunRecord[] {
    if (job.history) return job.history;
    if (this.generating.has(jobNode(job.name))) return [];
    this.generating.add(jobNode(job.name));
    try {
      job.history = this.generateJobHistory(job);
    } finally {
      this.generating.delete(jobNode(job.name));
    }
    return job.history;
  }

  private generateJobHistory(job: JobRecord): RunRecord[] {
    const sim = job.simulation;
    const starts: { event: StartEvent; action?: GlueAction }[] = [];
    let triggered = false;
    for (const trigger of this.model.starters.get(jobNode(job.name)) ?? []) {
      if (!this.startsThings(trigger)) continue;
      triggered = true;
      const actions = trigger.api.Actions.filter(a => a.JobName === job.name);
      for (const event of this.triggerEvents(trigger)) {
        actions.forEach((action, i) =>
          starts.push({
            event: i === 0 ? event : { ...event, key: `${event.key}#${i}` },
            action,
          }),
        );
      }
    }
    if (!triggered) {
      for (const event of this.manualEvents(
        'job',
        job.name,
        sim.history ?? DEFAULT_MANUAL_RUNS,
      )) {
        starts.push({ event });
      }
    }
    starts.sort(
      (a, b) => a.event.at - b.event.at || (a.event.key < b.event.key ? -1 : 1),
    );
    const cap = sim.history ?? DEFAULT_HISTORY_CAP;
    const kept = starts.slice(Math.max(0, starts.length - cap));
    if (sim.inProgress && kept.length === 0) {
      const at = this.context.startMs - 3_600_000;
      kept.push({
        event: { at, key: 'in-progress', predecessors: [], firedAt: at },
      });
    }
    const pins = (sim.latest ?? []).map(p =>
      typeof p === 'string' ? { state: p } : p,
    );
    const runs: RunRecord[] = [];
    // Newest first, so that the pins land on the latest finished starts.
    for (let i = kept.length - 1; i >= 0; i--) {
      const { event, action } = kept[i];
      const forceRunning = sim.inProgress === true && i === kept.length - 1;
      const pin = forceRunning ? undefined : pins[pins.length - 1];
      let records = this.runsForStart(job, event, action, forceRunning, pin);
      if (pin && records[0].planned) {
        // Still running at start-up with the pinned state: leave it as
        // generated and pin an older start instead.
        records = this.runsForStart(job, event, action, forceRunning);
      } else if (pin) {
        pins.pop();
      }
      runs.push(...records);
    }
    runs.sort((a, b) => a.run.StartedOn - b.run.StartedOn);
    return runs;
  }

  private runsForStart(
    job: JobRecord,
    event: StartEvent,
    action: GlueAction | undefined,
    forceRunning: boolean,
    pin?: PinnedRun,
  ): RunRecord[] {
    const { startMs } = this.context;
    const rng = this.rng('job', job.name, event.key);
    const timeoutMinutes = action?.Timeout ?? job.api.Timeout;
    // A run's Arguments are what it was started with (the action's, the
    // workflow's, a pinned run's); the job's DefaultArguments only apply.
    const args: StringMap = {
      ...(action?.Arguments ?? {}),
      ...(workflowArguments(event.chain) ?? {}),
      ...(pin?.arguments ?? {}),
    };
    const effectiveArgs = effectiveArguments(job, args);
    const base = defaultDurationSeconds(job);
    const maxRetries = job.api.MaxRetries ?? 0;
    const records: RunRecord[] = [];
    let t = event.at;
    let previousRunId: string | undefined;
    for (let attempt = 0; ; attempt++) {
      // Roll even when pinned, so that the rest of the run stays as generated.
      const rolled = rollOutcome(rng, job.simulation, attempt);
      const outcome =
        pin && attempt === 0 ? (pin.state as JobRunState) : rolled;
      const duration = runDurationSeconds(rng, base, outcome, timeoutMinutes);
      let started = t;
      if (
        forceRunning &&
        attempt === 0 &&
        started + duration * 1000 <= startMs
      ) {
        started = Math.max(
          started,
          Math.round(startMs - duration * 1000 * between(rng, 0.2, 0.7)),
        );
      }
      const end = Math.round(started + duration * 1000);
      const id = this.id('jr_', 'run', job.name, event.key, attempt);
      const run = newRun(job, {
        id,
        attempt,
        previousRunId,
        triggerName: event.triggerName,
        startedMs: started,
        args,
        predecessors: event.predecessors,
        timeoutMinutes,
      });
      applyCapacity(run, pin);
      const generated = errorMessageFor(rng, job, outcome, timeoutMinutes);
      const message =
        pin && attempt === 0 && pin.errorMessage && generated
          ? pin.errorMessage
          : generated;
      if (end > startMs || forceRunning) {
        const elapsed = Math.max(0, startMs - started);
        run.JobRunState = elapsed < 10_000 ? 'STARTING' : 'RUNNING';
        run.ExecutionTime = Math.floor(elapsed / 1000);
        run.LastModifiedOn = sec(Math.min(startMs, started + 10_000));
        records.push({
          run,
          effectiveArgs,
          chain: event.chain,
          final: true,
          planned: { state: outcome, endMs: end, errorMessage: message },
          version: 0,
        });
        break;
      }
      completeRun(run, outcome, end, message);
      const nextStart = end + intBetween(rng, 20, 90) * 1000;
      const retry =
        outcome === 'FAILED' && attempt < maxRetries && nextStart < startMs;
      records.push({
        run,
        effectiveArgs,
        chain: event.chain,
        final: !retry,
        version: 0,
      });
      if (!retry) break;
      previousRunId = id;
      t = nextStart;
    }
    return records;
  }

  /** The generated crawls of a crawler, ascending by StartedOn. */
  crawlHistory(crawler: CrawlerRecord): CrawlRecord[] {
    if (crawler.history) return crawler.history;
    const node = crawlerNode(crawler.name);
    if (this.generating.has(node)) return [];
    this.generating.add(node);
    try {
      crawler.history = this.generateCrawls(crawler);
    } finally {
      this.generating.delete(node);
    }
    return crawler.history;
  }

  private generateCrawls(crawler: CrawlerRecord): CrawlRecord[] {
    const sim = crawler.simulation;
    const events: StartEvent[] = [];
    let started = false;
    for (const trigger of this.model.starters.get(crawlerNode(crawler.name)) ??
      []) {
      if (!this.startsThings(trigger)) continue;
      started = true;
      events.push(...this.triggerEvents(trigger));
    }
    if (crawler.schedule) {
      started = true;
      const times = previousFireTimes(
        crawler.schedule,
        this.context.startMs,
        this.windowStart,
        ROOT_FIRINGS_LIMIT,
      );
      for (const at of times) {
        events.push({
          at,
          key: `schedule@${at}`,
          predecessors: [],
          firedAt: at,
        });
      }
    }
    if (!started) {
      events.push(
        ...this.manualEvents(
          'crawler',
          crawler.name,
          sim.history ?? DEFAULT_MANUAL_CRAWLS,
        ),
      );
    }
    events.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
    const cap = sim.history ?? DEFAULT_CRAWL_CAP;
    const kept = events.slice(Math.max(0, events.length - cap));
    const { startMs } = this.context;
    return kept.map((event, i) => {
      const rng = this.rng('crawl', crawler.name, event.key);
      const forceRunning = sim.inProgress === true && i === kept.length - 1;
      const state = rollCrawlOutcome(
        rng,
        sim.failureRate ?? 0.03,
        sim.stopRate ?? 0.01,
      );
      const duration = (sim.durationSeconds ?? 90) * between(rng, 0.7, 1.4);
      let begin = event.at;
      if (forceRunning && begin + duration * 1000 <= startMs) {
        begin = Math.round(startMs - duration * 1000 * between(rng, 0.2, 0.7));
      }
      const end = Math.round(begin + duration * 1000);
      const errorMessage =
        state === 'FAILED'
          ? pick(
              rng,
              sim.errorMessages?.length
                ? sim.errorMessages
                : CRAWL_ERROR_MESSAGES,
            )
          : undefined;
      const record: CrawlRecord = {
        crawl: {
          State: 'RUNNING',
          StartedOn: sec(begin),
          LogGroup: CRAWLER_LOG_GROUP,
          LogStream: crawler.name,
        },
        chain: event.chain,
        messagePrefix: uuidFor(
          `${this.context.seed}|crawl|${crawler.arn}|${event.key}`,
        ),
        version: 0,
      };
      if (end > startMs || forceRunning) {
        record.planned = { state, endMs: end, errorMessage };
      } else {
        record.crawl.State = state;
        record.crawl.CompletedOn = sec(end);
        if (errorMessage) record.crawl.ErrorMessage = errorMessage;
      }
      return record;
    });
  }

  /** Generated workflow runs (one per firing of its start trigger), ascending. */
  workflowHistory(workflow: WorkflowRecord): WorkflowRunRecord[] {
    const runs: WorkflowRunRecord[] = [];
    for (const trigger of workflow.triggers) {
      if (trigger.api.Type === 'CONDITIONAL') continue;
      for (const event of this.rootEvents(trigger)) {
        runs.push({
          Name: workflow.name,
          WorkflowRunId: event.chain!.workflowRunId!,
          WorkflowRunProperties: {
            ...(workflow.api.DefaultRunProperties ?? {}),
          },
          StartedOn: sec(event.firedAt),
          chainKey: event.chain!.key,
        });
      }
    }
    runs.sort((a, b) => a.StartedOn - b.StartedOn);
    return runs.slice(Math.max(0, runs.length - DEFAULT_HISTORY_CAP));
  }
}
