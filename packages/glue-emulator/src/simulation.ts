/*
 * The live simulation: runs started while the emulator runs move through
 * STARTING -> RUNNING -> terminal in emulated time, triggers fire, crawlers
 * crawl, workflow runs progress and bookmarks advance.
 *
 * Emulated time = start + (clock.now() - start) * timeScale. Nothing happens
 * on its own: `tick()` processes every transition that is due at the emulated
 * now, in time order (cascades included). The server calls it on every
 * request and, in server mode, from a timer.
 */
import {
  advanceBookmark,
  advancesBookmark,
  bookmarkFromHistory,
} from './bookmarks';
import { nextFireTime } from './cron';
import {
  completeRun,
  defaultDurationSeconds,
  effectiveArguments,
  errorMessageFor,
  newRun,
  RegionHistory,
  rollOutcome,
  runDurationSeconds,
  workflowArguments,
  CRAWLER_LOG_GROUP,
} from './history';
import { requestedOutcome } from './emulatorOutcome';
import {
  BookmarkState,
  ChainRef,
  CrawlerRecord,
  crawlerNode,
  CrawlRecord,
  EmulatorModel,
  JobRecord,
  jobNode,
  RegionModel,
  RunRecord,
  TriggerRecord,
  WorkflowRecord,
  WorkflowRunRecord,
} from './model';
import { between, hex64, Rng, rngFor, uuidFor } from './random';
import {
  ACTIVE_JOB_RUN_STATES,
  GlueAction,
  GlueCrawl,
  GlueJobRun,
  GluePredecessor,
  JobRunState,
  StringMap,
} from './types';

/** Source of real time (ms since epoch). Inject one in tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that reads `startMs` now and then runs on at the pace of `base`:
 * the emulator's start time moved to another date or hour, for tests that
 * must hold on any day (a Monday, a month end, a leap day, 02:00 UTC).
 */
export function clockStartingAt(
  startMs: number,
  base: Clock = systemClock,
): Clock {
  const offset = startMs - base.now();
  return { now: () => base.now() + offset };
}

export interface SimulationOptions {
  seed: number;
  clock: Clock;
  /** The emulated start (ms); default: the clock's now. */
  startMs?: number;
  /** Emulated seconds per real second (default 1). */
  timeScale: number;
  /**
   * Live runs and crawls take this many times less time than they would
   * (default 1). Unlike `timeScale` it leaves the clock alone, so timestamps
   * stay real and cron schedules fire at their real times.
   */
  durationScale?: number;
  /**
   * Like real Glue, conditional triggers only react to runs that a trigger
   * started. Set false to let runs started with StartJobRun fire them too.
   */
  requireTriggeredUpstream: boolean;
}

/**
 * Told about every state change the simulation makes while the emulator runs
 * (runs and crawls it starts, stops and ends, and the in-progress runs of the
 * history it adopts when they move on), never about the generated history.
 * Called synchronously inside `tick()` or a request: it must not throw.
 */
export interface SimulationObserver {
  /** `run.JobRunState` is the new state, entered at `at` (emulated ms). */
  jobRunChanged(region: RegionModel, run: GlueJobRun, at: number): void;
  /** `crawl.State` is the new state, entered at `at` (emulated ms). */
  crawlChanged(
    region: RegionModel,
    crawlerName: string,
    crawl: GlueCrawl,
    at: number,
  ): void;
}

/** Seconds from STARTING to RUNNING (capped by a quarter of the duration). */
const STARTUP_SECONDS = 10;
/** Seconds from a trigger firing to its runs starting. */
const TRIGGER_DELAY_SECONDS = 5;
/** Seconds from STOPPING to STOPPED. */
const STOP_SECONDS = 5;
/** Seconds between a failed attempt and its retry. */
const RETRY_DELAY_SECONDS = 30;

const ACTIVE_STATES = new Set<string>(ACTIVE_JOB_RUN_STATES);

/** Thrown by `startJobRun` when the job's MaxConcurrentRuns is reached. */
export class ConcurrencyError extends Error {
  constructor(jobName: string) {
    super(`Concurrent runs exceeded for ${jobName}`);
    this.name = 'ConcurrencyError';
  }
}

interface QueuedEvent {
  at: number;
  seq: number;
  action: (at: number) => void;
}

/** Min-heap on (at, seq). */
class EventQueue {
  private readonly heap: QueuedEvent[] = [];

  get size() {
    return this.heap.length;
  }

  peek(): QueuedEvent | undefined {
    return this.heap[0];
  }

  private less(a: QueuedEvent, b: QueuedEvent) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  push(event: QueuedEvent) {
    const h = this.heap;
    h.push(event);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  pop(): QueuedEvent | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/** Options of a run start. */
export interface StartRunOptions {
  /** StartJobRun Arguments (win over everything else). */
  arguments?: StringMap;
  action?: GlueAction;
  triggerName?: string;
  chain?: ChainRef;
  predecessors?: GluePredecessor[];
  /** A previous run to retry (StartJobRun JobRunId, or an automatic retry). */
  retryOf?: RunRecord;
  /** An automatic retry keeps the trigger, chain and predecessors of `retryOf`. */
  automatic?: boolean;
  timeout?: number;
  workerType?: string;
  numberOfWorkers?: number;
  maxCapacity?: number;
  executionClass?: string;
}

const ADHOC_CHAIN = 'adhoc';

/** The nodes of a workflow run whose final run / crawl SUCCEEDED (that one only). */
function succeededNodes(members: {
  jobs: Map<string, RunRecord[]>;
  crawls: Map<string, CrawlRecord[]>;
}): NonNullable<WorkflowRunRecord['carried']> {
  const jobs = new Map<string, RunRecord[]>();
  const crawls = new Map<string, CrawlRecord[]>();
  for (const [name, list] of members.jobs) {
    const last = list[list.length - 1];
    if (last.run.JobRunState === 'SUCCEEDED') jobs.set(name, [last]);
  }
  for (const [name, list] of members.crawls) {
    const last = list[list.length - 1];
    if (last.crawl.State === 'SUCCEEDED') crawls.set(name, [last]);
  }
  return { jobs, crawls };
}

/** How a resumed job node starts again: as the trigger that started it did. */
function resumeStart(
  model: RegionModel,
  job: JobRecord,
  records: RunRecord[] | undefined,
): StartRunOptions {
  const last = records?.[records.length - 1]?.run;
  const triggerName = last?.TriggerName;
  const trigger = triggerName ? model.triggers.get(triggerName) : undefined;
  return {
    action: trigger?.api.Actions.find(a => a.JobName === job.name),
    triggerName,
    predecessors: last?.PredecessorRuns ?? [],
  };
}

/** Per account x region: the model, its history and the live state. */
export class RegionRuntime {
  readonly history: RegionHistory;
  /** trigger name -> chain key -> satisfied conditions (by condition index). */
  private readonly conditionState = new Map<
    string,
    Map<string, ({ at: number; predecessor?: GluePredecessor } | undefined)[]>
  >();
  /** trigger name -> chains in which an ANY trigger already fired. */
  private readonly firedChains = new Map<string, Set<string>>();
  private readonly cronTriggers = new Set<string>();
  private adhocFirings = 0;
  private rootFirings = 0;
  private resumes = 0;

  /** A live duration (ms) after the `durationScale` option. */
  private scaled(ms: number): number {
    return ms / (this.sim.options.durationScale ?? 1);
  }

  constructor(readonly model: RegionModel, private readonly sim: Simulation) {
    this.history = new RegionHistory(model, {
      seed: sim.options.seed,
      startMs: sim.startMs,
      requireTriggeredUpstream: sim.options.requireTriggeredUpstream,
    });
  }

  private key(...parts: (string | number)[]): string {
    return [
      this.sim.options.seed,
      this.model.accountId,
      this.model.region,
      ...parts,
    ].join('|');
  }

  // ------------------------------------------------------------ reads

  /** History plus live runs of a job, ascending by StartedOn. */
  runsOf(job: JobRecord): RunRecord[] {
    if (!job.runs) {
      const history = this.history.jobHistory(job);
      job.runs = [...history];
      job.runsById = new Map(history.map(r => [r.run.Id, r]));
      bookmarkFromHistory(job, history);
      for (const record of history) {
        if (record.planned) this.adoptRunning(job, record);
      }
    }
    return job.runs;
  }

  findRun(job: JobRecord, runId: string): RunRecord | undefined {
    this.runsOf(job);
    return job.runsById!.get(runId);
  }

  bookmarkOf(job: JobRecord): BookmarkState | undefined {
    this.runsOf(job);
    return job.bookmark;
  }

  /** History plus live crawls of a crawler, ascending by StartedOn. */
  crawlsOf(crawler: CrawlerRecord): CrawlRecord[] {
    if (!crawler.crawls) {
      const history = this.history.crawlHistory(crawler);
      crawler.crawls = [...history];
      for (const record of history) {
        if (record.planned) {
          record.planned.endMs = this.adoptedEnd(record.planned.endMs);
          this.scheduleCrawlEnd(crawler, record);
        }
      }
    }
    return crawler.crawls;
  }

  workflowRunsOf(workflow: WorkflowRecord): WorkflowRunRecord[] {
    if (!workflow.runs) {
      workflow.runs = this.history.workflowHistory(workflow);
    }
    return workflow.runs;
  }

  /**
   * Runs and crawls of a workflow run, by member name: those of its chain,
   * and for a resumed run the nodes it carried over from the run it resumes.
   */
  chainMembers(workflow: WorkflowRecord, record: WorkflowRunRecord) {
    const { chainKey, carried } = record;
    const jobs = new Map<string, RunRecord[]>();
    const crawls = new Map<string, CrawlRecord[]>();
    for (const name of workflow.jobs) {
      const job = this.model.jobs.get(name);
      if (!job) continue;
      const list = this.runsOf(job).filter(r => r.chain?.key === chainKey);
      const shown = list.length ? list : carried?.jobs.get(name) ?? [];
      if (shown.length) jobs.set(name, shown);
    }
    for (const name of workflow.crawlers) {
      const crawler = this.model.crawlers.get(name);
      if (!crawler) continue;
      const list = this.crawlsOf(crawler).filter(
        r => r.chain?.key === chainKey,
      );
      const shown = list.length ? list : carried?.crawls.get(name) ?? [];
      if (shown.length) crawls.set(name, shown);
    }
    return { jobs, crawls, pending: this.sim.pendingIn(chainKey) };
  }

  // ------------------------------------------------------------ job runs

  /**
   * When a run or crawl that was in progress at start-up ends: what is left
   * of it after start-up goes `durationScale` times faster, as live runs do.
   */
  private adoptedEnd(endMs: number): number {
    const start = this.sim.startMs;
    return endMs <= start
      ? endMs
      : Math.round(start + this.scaled(endMs - start));
  }

  private adoptRunning(job: JobRecord, record: RunRecord) {
    record.planned!.endMs = this.adoptedEnd(record.planned!.endMs);
    const started = Math.round(record.run.StartedOn * 1000);
    if (record.run.JobRunState === 'STARTING') {
      this.sim.schedule(started + STARTUP_SECONDS * 1000, at =>
        this.toRunning(record, at),
      );
    }
    const version = record.version;
    this.sim.schedule(record.planned!.endMs, at =>
      this.finishRun(job, record, version, at),
    );
  }

  private toRunning(record: RunRecord, at: number) {
    if (record.run.JobRunState !== 'STARTING') return;
    record.run.JobRunState = 'RUNNING';
    record.run.LastModifiedOn = at / 1000;
    this.sim.notifyJobRun(this.model, record.run, at);
  }

  /** Number of runs of the job that are not finished. */
  activeRuns(job: JobRecord): number {
    return this.runsOf(job).filter(r => ACTIVE_STATES.has(r.run.JobRunState))
      .length;
  }

  /**
   * The chain and arguments of a new run (no randomness involved): `args`
   * are the run's own (what it was started with), `effectiveArgs` what the
   * job runs with.
   */
  private runArguments(
    job: JobRecord,
    options: StartRunOptions,
  ): { chain?: ChainRef; args: StringMap; effectiveArgs: StringMap } {
    const retryOf = options.retryOf;
    const inherited = options.automatic ? retryOf : undefined;
    const chain = options.chain ?? inherited?.chain;
    const args: StringMap = retryOf
      ? { ...retryOf.run.Arguments, ...(options.arguments ?? {}) }
      : {
          ...(options.action?.Arguments ?? {}),
          ...(workflowArguments(chain) ?? {}),
          ...(options.arguments ?? {}),
        };
    return { chain, args, effectiveArgs: effectiveArguments(job, args) };
  }

  /**
   * The outcome a new run is going to have: scripted (Simulation.outcomes /
   * manualOutcomes), else rolled from the job's rates. Advances the job's
   * start counters, which seed the run's randomness.
   */
  private scriptedOutcome(
    job: JobRecord,
    origin: string,
    attempt: number,
  ): { seq: number; rng: Rng; outcome: JobRunState } {
    job.liveStarts += 1;
    const seq = job.liveStarts;
    // Each origin has its own sequence, so the first run a person starts has
    // the same outcome whether or not a schedule started others before it.
    const originSeq = (job.liveStartsBy.get(origin) ?? 0) + 1;
    job.liveStartsBy.set(origin, originSeq);
    const rng = rngFor(this.key('live', job.name, origin, originSeq));
    const scripted =
      origin === 'api' && job.simulation.manualOutcomes?.length
        ? { outcomes: job.simulation.manualOutcomes, index: originSeq - 1 }
        : { outcomes: job.simulation.outcomes ?? [], index: seq - 1 };
    const outcome = (
      scripted.outcomes.length
        ? scripted.outcomes[scripted.index % scripted.outcomes.length]
        : rollOutcome(rng, job.simulation, attempt)
    ) as JobRunState;
    return { seq, rng, outcome };
  }

  /**
   * Starts a job run at emulated time `at`. Throws {@link ConcurrencyError},
   * or InvalidInputException for a bad `--emulator-outcome` passed to
   * StartJobRun.
   */
  startJobRun(job: JobRecord, options: StartRunOptions, at: number): RunRecord {
    const runs = this.runsOf(job);
    const max = job.api.ExecutionProperty?.MaxConcurrentRuns ?? 1;
    if (this.activeRuns(job) >= max) {
      throw new ConcurrencyError(job.name);
    }
    const origin = options.triggerName ?? (options.automatic ? 'retry' : 'api');
    const { chain, args, effectiveArgs } = this.runArguments(job, options);
    // `--emulator-outcome` wins over the scripted outcome (see emulatorOutcome.ts).
    const requested = requestedOutcome(effectiveArgs, origin === 'api');
    const retryOf = options.retryOf;
    const attempt = retryOf ? retryOf.run.Attempt + 1 : 0;
    const scripted = this.scriptedOutcome(job, origin, attempt);
    const { seq, rng } = scripted;
    const forced = chain?.forced;
    const outcome: JobRunState =
      requested?.state ?? forced?.state ?? scripted.outcome;
    const inherited = options.automatic ? retryOf : undefined;
    const timeoutMinutes =
      options.timeout ??
      options.action?.Timeout ??
      retryOf?.run.Timeout ??
      job.api.Timeout;
    const duration = runDurationSeconds(
      rng,
      forced?.durationSeconds ?? defaultDurationSeconds(job),
      outcome,
      timeoutMinutes,
    );
    const run = newRun(job, {
      id: `jr_${hex64(this.key('live-run', job.name, seq))}`,
      attempt,
      previousRunId: retryOf?.run.Id,
      triggerName: options.triggerName ?? inherited?.run.TriggerName,
      startedMs: at,
      args,
      predecessors:
        options.predecessors ?? inherited?.run.PredecessorRuns ?? [],
      timeoutMinutes,
    });
    if (options.workerType) run.WorkerType = options.workerType;
    if (options.numberOfWorkers) run.NumberOfWorkers = options.numberOfWorkers;
    if (options.maxCapacity) run.MaxCapacity = options.maxCapacity;
    if (options.executionClass) run.ExecutionClass = options.executionClass;
    const endMs = Math.round(at + this.scaled(duration * 1000));
    const generatedMessage = errorMessageFor(rng, job, outcome, timeoutMinutes);
    const record: RunRecord = {
      run,
      effectiveArgs,
      chain,
      final: true,
      planned: {
        state: outcome,
        endMs,
        errorMessage: requested?.errorMessage ?? generatedMessage,
      },
      version: 0,
    };
    runs.push(record);
    job.runsById!.set(run.Id, record);
    this.sim.notifyJobRun(this.model, run, at);
    const startup = Math.min(STARTUP_SECONDS * 1000, (endMs - at) / 4);
    this.sim.schedule(at + startup, t => this.toRunning(record, t));
    this.sim.schedule(endMs, t => this.finishRun(job, record, 0, t));
    return record;
  }

  private finishRun(
    job: JobRecord,
    record: RunRecord,
    version: number,
    at: number,
  ) {
    if (record.version !== version || !record.planned) return;
    const { state, errorMessage } = record.planned;
    record.planned = undefined;
    record.version += 1;
    completeRun(record.run, state, at, errorMessage);
    this.sim.notifyJobRun(this.model, record.run, at);
    if (state === 'SUCCEEDED' && advancesBookmark(record.effectiveArgs)) {
      advanceBookmark(job, record.run);
    }
    if (state === 'FAILED' && record.run.Attempt < (job.api.MaxRetries ?? 0)) {
      record.final = false;
      this.sim.holdChain(record.chain);
      this.sim.schedule(at + RETRY_DELAY_SECONDS * 1000, t => {
        this.sim.releaseChain(record.chain);
        try {
          this.startJobRun(job, { retryOf: record, automatic: true }, t);
        } catch (e) {
          if (!(e instanceof ConcurrencyError)) throw e;
          record.final = true;
          this.onTerminal(
            jobNode(job.name),
            record.run.JobRunState,
            record.chain,
            t,
            {
              JobName: job.name,
              RunId: record.run.Id,
            },
          );
        }
      });
      return;
    }
    this.onTerminal(jobNode(job.name), state, record.chain, at, {
      JobName: job.name,
      RunId: record.run.Id,
    });
  }

  /** BatchStopJobRun for one run. Returns false when the run is not running. */
  stopJobRun(job: JobRecord, record: RunRecord, at: number): boolean {
    const state = record.run.JobRunState;
    if (state !== 'STARTING' && state !== 'RUNNING' && state !== 'WAITING') {
      return false;
    }
    record.planned = undefined;
    record.version += 1;
    record.run.JobRunState = 'STOPPING';
    record.run.LastModifiedOn = at / 1000;
    this.sim.notifyJobRun(this.model, record.run, at);
    const version = record.version;
    this.sim.schedule(at + this.scaled(STOP_SECONDS * 1000), t => {
      if (record.version !== version) return;
      record.version += 1;
      completeRun(record.run, 'STOPPED', t);
      this.sim.notifyJobRun(this.model, record.run, t);
      this.onTerminal(jobNode(job.name), 'STOPPED', record.chain, t, {
        JobName: job.name,
        RunId: record.run.Id,
      });
    });
    return true;
  }

  // ------------------------------------------------------------ crawls

  private scheduleCrawlEnd(crawler: CrawlerRecord, record: CrawlRecord) {
    const version = record.version;
    this.sim.schedule(record.planned!.endMs, at => {
      if (record.version !== version || !record.planned) return;
      const { state, errorMessage } = record.planned;
      record.planned = undefined;
      record.version += 1;
      record.crawl.State = state;
      record.crawl.CompletedOn = at / 1000;
      if (errorMessage) record.crawl.ErrorMessage = errorMessage;
      this.sim.notifyCrawl(this.model, crawler.name, record.crawl, at);
      this.onTerminal(crawlerNode(crawler.name), state, record.chain, at);
    });
  }

  /** Starts a crawl; returns undefined when the crawler is already running. */
  startCrawl(crawler: CrawlerRecord, chain: ChainRef | undefined, at: number) {
    const crawls = this.crawlsOf(crawler);
    if (crawls.some(c => c.crawl.State === 'RUNNING')) {
      return undefined;
    }
    const seq = crawls.length;
    const rng = rngFor(this.key('live-crawl', crawler.name, seq, at));
    const sim = crawler.simulation;
    const r = rng();
    const failure = sim.failureRate ?? 0;
    const rolled: 'SUCCEEDED' | 'FAILED' = r < failure ? 'FAILED' : 'SUCCEEDED';
    const state = chain?.forced?.state ?? rolled;
    const duration =
      (chain?.forced?.durationSeconds ?? sim.durationSeconds ?? 90) *
      between(rng, 0.7, 1.4);
    const record: CrawlRecord = {
      crawl: {
        State: 'RUNNING',
        StartedOn: at / 1000,
        LogGroup: CRAWLER_LOG_GROUP,
        LogStream: crawler.name,
      },
      chain,
      messagePrefix: uuidFor(
        this.key('live-crawl-prefix', crawler.name, seq, at),
      ),
      planned: {
        state,
        endMs: Math.round(at + this.scaled(duration * 1000)),
        errorMessage:
          state === 'FAILED' ? 'Internal Service Exception' : undefined,
      },
      version: 0,
    };
    crawls.push(record);
    this.sim.notifyCrawl(this.model, crawler.name, record.crawl, at);
    this.scheduleCrawlEnd(crawler, record);
    return record;
  }

  // ------------------------------------------------------------ triggers

  /** Whether an upstream chain may fire a trigger. */
  private chainMatches(trigger: TriggerRecord, chain: ChainRef): boolean {
    if (chain.key === ADHOC_CHAIN) return true;
    return (chain.workflowName ?? '') === (trigger.api.WorkflowName ?? '');
  }

  /** The satisfied conditions of a trigger in a chain (by condition index). */
  private conditionSlots(trigger: TriggerRecord, chainKey: string) {
    let perChain = this.conditionState.get(trigger.name);
    if (!perChain) {
      perChain = new Map();
      this.conditionState.set(trigger.name, perChain);
    }
    let satisfied = perChain.get(chainKey);
    if (!satisfied) {
      satisfied = (trigger.api.Predicate?.Conditions ?? []).map(
        () => undefined,
      );
      perChain.set(chainKey, satisfied);
    }
    return { perChain, satisfied };
  }

  /**
   * Records a node's terminal state against a trigger's conditions in a
   * chain. Returns the chain's satisfied conditions when one of them matched.
   */
  private satisfy(
    trigger: TriggerRecord,
    chainKey: string,
    node: string,
    state: string,
    at: number,
    predecessor?: GluePredecessor,
  ) {
    const isJob = node.startsWith('job:');
    const name = node.slice(node.indexOf(':') + 1);
    const slots = this.conditionSlots(trigger, chainKey);
    let matched = false;
    (trigger.api.Predicate?.Conditions ?? []).forEach((c, i) => {
      const watches = isJob ? c.JobName === name : c.CrawlerName === name;
      if (!watches) return;
      const wanted = isJob ? c.State : c.CrawlState;
      if (wanted === state) {
        slots.satisfied[i] = { at, predecessor };
        matched = true;
      } else {
        slots.satisfied[i] = undefined;
      }
    });
    return matched ? slots : undefined;
  }

  /** Triggers watching a node that may react to a chain. */
  private watchersIn(node: string, chain: ChainRef): TriggerRecord[] {
    return (this.model.watchers.get(node) ?? []).filter(
      t => t.api.State === 'ACTIVATED' && this.chainMatches(t, chain),
    );
  }

  /** A job run / crawl reached a final state: evaluate the watching triggers. */
  private onTerminal(
    node: string,
    state: string,
    runChain: ChainRef | undefined,
    at: number,
    predecessor?: GluePredecessor,
  ) {
    const chain =
      runChain ??
      (this.sim.options.requireTriggeredUpstream
        ? undefined
        : { key: ADHOC_CHAIN });
    if (!chain) return;
    for (const trigger of this.watchersIn(node, chain)) {
      const slots = this.satisfy(
        trigger,
        chain.key,
        node,
        state,
        at,
        predecessor,
      );
      if (!slots) continue;
      const conditions = trigger.api.Predicate?.Conditions ?? [];
      const any =
        conditions.length === 1 || trigger.api.Predicate?.Logical === 'ANY';
      if (any) {
        let fired = this.firedChains.get(trigger.name);
        if (!fired) {
          fired = new Set();
          this.firedChains.set(trigger.name, fired);
        }
        if (chain.key !== ADHOC_CHAIN) {
          if (fired.has(chain.key)) continue;
          fired.add(chain.key);
        }
        slots.perChain.delete(chain.key);
        this.fire(trigger, chain, predecessor ? [predecessor] : [], at);
      } else if (slots.satisfied.every(x => x !== undefined)) {
        slots.perChain.delete(chain.key);
        const preds = slots.satisfied.flatMap(x =>
          x?.predecessor ? [x.predecessor] : [],
        );
        this.fire(trigger, chain, preds, at);
      }
    }
  }

  /** Fires a trigger: its actions start shortly after `at`. */
  fire(
    trigger: TriggerRecord,
    chain: ChainRef,
    predecessors: GluePredecessor[],
    at: number,
  ) {
    let runChain = chain;
    if (chain.key === ADHOC_CHAIN) {
      this.adhocFirings += 1;
      runChain = { key: `${trigger.name}@adhoc#${this.adhocFirings}` };
    }
    this.sim.holdChain(runChain);
    this.sim.schedule(at + this.scaled(TRIGGER_DELAY_SECONDS * 1000), t => {
      this.sim.releaseChain(runChain);
      for (const action of trigger.api.Actions) {
        if (action.JobName) {
          const job = this.model.jobs.get(action.JobName);
          if (!job) continue;
          try {
            this.startJobRun(
              job,
              {
                action,
                triggerName: trigger.name,
                chain: runChain,
                predecessors,
              },
              t,
            );
          } catch (e) {
            // Real Glue records the failed start; the emulator skips it.
            if (!(e instanceof ConcurrencyError)) throw e;
          }
        } else if (action.CrawlerName) {
          const crawler = this.model.crawlers.get(action.CrawlerName);
          if (crawler) this.startCrawl(crawler, runChain, t);
        }
      }
    });
  }

  /**
   * Fires a SCHEDULED / ON_DEMAND trigger as the root of a new chain (a new
   * workflow run when the trigger belongs to a workflow). Returns the chain.
   */
  fireRoot(trigger: TriggerRecord, at: number): ChainRef {
    this.rootFirings += 1;
    const key = `${trigger.name}@${at}#${this.rootFirings}`;
    const workflow = trigger.api.WorkflowName
      ? this.model.workflows.get(trigger.api.WorkflowName)
      : undefined;
    const chain: ChainRef = { key };
    if (workflow) {
      chain.workflowName = workflow.name;
      chain.workflowRunId = this.history.workflowRunId(workflow.name, key);
      this.workflowRunsOf(workflow).push({
        Name: workflow.name,
        WorkflowRunId: chain.workflowRunId,
        WorkflowRunProperties: { ...(workflow.api.DefaultRunProperties ?? {}) },
        StartedOn: at / 1000,
        chainKey: key,
      });
    }
    this.fire(trigger, chain, [], at);
    return chain;
  }

  // ------------------------------------------------------------ resume

  /**
   * ResumeWorkflowRun: a new run of the workflow (a new id, PreviousRunId =
   * `original`) that runs the named jobs and crawlers of `original` again, as
   * the triggers that started them did; the conditional triggers carry on
   * from them. Nodes that succeeded in `original` keep their run in the new
   * run's graph and count as met conditions. Throws {@link ConcurrencyError},
   * and starts nothing, when a named job is at its MaxConcurrentRuns.
   */
  resumeWorkflowRun(
    workflow: WorkflowRecord,
    original: WorkflowRunRecord,
    nodes: { jobs: string[]; crawlers: string[] },
    at: number,
  ): WorkflowRunRecord {
    const jobs = nodes.jobs.flatMap(n => this.model.jobs.get(n) ?? []);
    for (const job of jobs) {
      const max = job.api.ExecutionProperty?.MaxConcurrentRuns ?? 1;
      if (this.activeRuns(job) >= max) throw new ConcurrencyError(job.name);
    }
    const before = this.chainMembers(workflow, original);
    this.resumes += 1;
    const key = `${original.chainKey}/resume#${this.resumes}@${at}`;
    const resume = workflow.simulation.resume;
    const chain: ChainRef = {
      key,
      workflowName: workflow.name,
      workflowRunId: this.history.workflowRunId(workflow.name, key),
      forced: resume && {
        state: resume.outcome,
        durationSeconds: resume.durationSeconds,
      },
    };
    const record: WorkflowRunRecord = {
      Name: workflow.name,
      WorkflowRunId: chain.workflowRunId!,
      PreviousRunId: original.WorkflowRunId,
      WorkflowRunProperties: { ...original.WorkflowRunProperties },
      StartedOn: at / 1000,
      chainKey: key,
      carried: succeededNodes(before),
    };
    this.workflowRunsOf(workflow).push(record);
    this.seedCarried(record, chain);
    for (const job of jobs) {
      const start = resumeStart(this.model, job, before.jobs.get(job.name));
      this.startJobRun(job, { ...start, chain }, at);
    }
    for (const name of nodes.crawlers) {
      const crawler = this.model.crawlers.get(name);
      if (crawler) this.startCrawl(crawler, chain, at);
    }
    return record;
  }

  /** The carried-over successes of a resumed run meet the conditions watching them. */
  private seedCarried(record: WorkflowRunRecord, chain: ChainRef) {
    for (const [name, [r]] of record.carried?.jobs ?? []) {
      const node = jobNode(name);
      const done = Math.round((r.run.CompletedOn ?? 0) * 1000);
      for (const trigger of this.watchersIn(node, chain)) {
        this.satisfy(trigger, chain.key, node, 'SUCCEEDED', done, {
          JobName: name,
          RunId: r.run.Id,
        });
      }
    }
    for (const [name, [c]] of record.carried?.crawls ?? []) {
      const node = crawlerNode(name);
      const done = Math.round((c.crawl.CompletedOn ?? 0) * 1000);
      for (const trigger of this.watchersIn(node, chain)) {
        this.satisfy(trigger, chain.key, node, 'SUCCEEDED', done);
      }
    }
  }

  /** Starts firing a SCHEDULED trigger on its cron (idempotent). */
  scheduleCron(trigger: TriggerRecord, after: number) {
    if (!trigger.schedule || this.cronTriggers.has(trigger.name)) return;
    const next = nextFireTime(trigger.schedule, after);
    if (next === undefined) return;
    this.cronTriggers.add(trigger.name);
    this.sim.schedule(next, at => {
      this.cronTriggers.delete(trigger.name);
      if (trigger.api.State !== 'ACTIVATED') return;
      this.fireRoot(trigger, at);
      this.scheduleCron(trigger, at);
    });
  }

  /** Starts crawling on the crawler's own schedule. */
  scheduleCrawler(crawler: CrawlerRecord, after: number) {
    if (!crawler.schedule) return;
    const next = nextFireTime(crawler.schedule, after);
    if (next === undefined) return;
    this.sim.schedule(next, at => {
      this.startCrawl(crawler, undefined, at);
      this.scheduleCrawler(crawler, at);
    });
  }
}

/** The clock, the event queue and the runtimes of all regions. */
export class Simulation {
  readonly startMs: number;
  private readonly queue = new EventQueue();
  private seq = 0;
  private readonly runtimes = new Map<RegionModel, RegionRuntime>();
  /** chain key -> trigger firings / retries not yet started. */
  private readonly pending = new Map<string, number>();
  /** Told about every live state change (the emulator's events). */
  observer?: SimulationObserver;

  constructor(
    readonly model: EmulatorModel,
    readonly options: SimulationOptions,
  ) {
    this.startMs = options.startMs ?? options.clock.now();
  }

  /** Arms cron triggers and crawler schedules of every populated region. */
  armSchedules() {
    for (const region of this.model.populatedRegions()) {
      const rt = this.runtime(region);
      for (const trigger of region.triggerList) {
        if (
          trigger.api.Type === 'SCHEDULED' &&
          trigger.api.State === 'ACTIVATED'
        ) {
          rt.scheduleCron(trigger, this.startMs);
        }
      }
      for (const crawler of region.crawlerList) {
        rt.scheduleCrawler(crawler, this.startMs);
      }
      // Runs that were in progress at start-up finish in the simulation.
      for (const job of region.jobList) {
        if (job.simulation.inProgress) rt.runsOf(job);
      }
      for (const crawler of region.crawlerList) {
        if (crawler.simulation.inProgress) rt.crawlsOf(crawler);
      }
    }
  }

  runtime(region: RegionModel): RegionRuntime {
    let rt = this.runtimes.get(region);
    if (!rt) {
      rt = new RegionRuntime(region, this);
      this.runtimes.set(region, rt);
    }
    return rt;
  }

  /** Emulated now (ms). */
  now(): number {
    return (
      this.startMs +
      (this.options.clock.now() - this.startMs) * this.options.timeScale
    );
  }

  schedule(at: number, action: (at: number) => void) {
    this.seq += 1;
    this.queue.push({ at, seq: this.seq, action });
  }

  holdChain(chain: ChainRef | undefined) {
    if (!chain) return;
    this.pending.set(chain.key, (this.pending.get(chain.key) ?? 0) + 1);
  }

  releaseChain(chain: ChainRef | undefined) {
    if (!chain) return;
    const n = (this.pending.get(chain.key) ?? 1) - 1;
    if (n <= 0) this.pending.delete(chain.key);
    else this.pending.set(chain.key, n);
  }

  /** A job run entered `run.JobRunState` at `at`. */
  notifyJobRun(region: RegionModel, run: GlueJobRun, at: number) {
    this.observer?.jobRunChanged(region, run, at);
  }

  /** A crawl entered `crawl.State` at `at`. */
  notifyCrawl(
    region: RegionModel,
    crawlerName: string,
    crawl: GlueCrawl,
    at: number,
  ) {
    this.observer?.crawlChanged(region, crawlerName, crawl, at);
  }

  /** Firings / retries of a chain that have not started yet. */
  pendingIn(chainKey: string): number {
    return this.pending.get(chainKey) ?? 0;
  }

  /** Processes everything due at the emulated now. Returns the number of events. */
  tick(): number {
    const now = this.now();
    let processed = 0;
    for (
      let head = this.queue.peek();
      head && head.at <= now;
      head = this.queue.peek()
    ) {
      this.queue.pop();
      head.action(head.at);
      processed += 1;
    }
    return processed;
  }

  /** Number of scheduled events (for diagnostics). */
  get queued(): number {
    return this.queue.size;
  }
}
