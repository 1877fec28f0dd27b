import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  awsGlueJobReadPermission,
  FAILED_GLUE_JOB_RUN_STATES,
  GlueFleetJob,
  GlueFleetResponse,
  GlueRunIndexFreshness,
  GlueTeamSummaryResponse,
  GlueTrendsResponse,
  GlueTrendWindow,
  isActiveRunState,
  isFailedRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { AwsGlueProviderUnit } from '@aws-glue-backstage/plugin-aws-glue-node';
import { GluePricing, round6 } from '../../lib/cost';
import { CursorCodec, queryKey } from '../../lib/cursor';
import { jobRefsOf, loadEntity, resolveJob } from '../../lib/entities';
import { JobRef, StoredJobRun, storedRunUsage } from '../../lib/shapes';
import {
  aggregateRuns,
  dailyTrend,
  monthStarts,
  percentile,
  runSummary,
  durationOf,
  windowStart,
} from '../../runIndex/aggregate';
import { LAST_EVENT_MARK } from '../../runIndex/GlueEventsConsumer';
import { LAST_RECONCILE_MARK } from '../../runIndex/RunReconciler';
import {
  FleetEntry,
  FleetFilter,
  fleetCounts,
  fleetFactsOf,
  FleetJobFacts,
  FleetJobTable,
  FleetPage,
  matchesFleetFilter,
  normalOwner,
  onePerArn,
  ownerOf,
  sortFleet,
} from '../../runIndex/FleetJobs';
import { RunStore } from '../../runIndex/RunStore';
import {
  loadSyncedJobs,
  SyncedJob,
  SyncedJobDirectory,
} from '../../runIndex/SyncedJobs';
import { GlueAccessService, GlueReadScope } from '../GlueAccessService';
import { FleetOptions, GlueFleetService } from './GlueFleetService';

const DAY_MS = 86_400_000;
const TEAM_LIST_SIZE = 5;
const TEAM_FAILURES = 20;
const STORED_RUNS_TTL_MS = 10_000;

/** The route's filters, normalised as the fleet table keeps its facts. */
function fleetFilterOf(options: FleetOptions): FleetFilter {
  const owners = options.owners
    ?.map(o => normalOwner(o))
    .filter((o): o is string => o !== undefined);
  return {
    ...(options.owners?.length ? { owners: new Set(owners) } : {}),
    ...(options.account ? { account: options.account } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.states?.length ? { states: new Set(options.states) } : {}),
    ...(options.text ? { text: options.text.toLocaleLowerCase('en-US') } : {}),
  };
}

const titleOf = (entity: Entity) =>
  entity.metadata.title ?? entity.metadata.name;

/**
 * The default {@link GlueFleetService}: catalog + access + the run store.
 *
 * @public
 */
export class DefaultGlueFleetService implements GlueFleetService {
  private counted?: { at: number; count: Promise<number> };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      access: GlueAccessService;
      store: RunStore;
      /** The plugin's own directory of synced jobs, for callers who may read every entity. */
      jobs: Pick<SyncedJobDirectory, 'current' | 'syncedEntitiesOf'>;
      /** The synced jobs in the database, for callers who may read every job. */
      fleetJobs: Pick<FleetJobTable, 'ready' | 'page'>;
      units: readonly AwsGlueProviderUnit[];
      cursors: CursorCodec;
      pricing: GluePricing;
      now?: () => number;
    },
  ) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  async getFleet(options: FleetOptions): Promise<GlueFleetResponse> {
    const filter = fleetFilterOf(options);
    const query = queryKey(
      'fleet',
      [...(filter.owners ?? [])].sort().join(','),
      filter.account ?? '',
      filter.region ?? '',
      [...(filter.states ?? [])].sort().join(','),
      filter.text ?? '',
    );
    const offset = options.cursor
      ? this.options.cursors.decode(options.cursor, query, 'cursor').offset
      : 0;
    const window = { limit: options.limit, offset };
    const page = await this.fleetPage(options.credentials, filter, window);
    const next = offset + page.entries.length;
    return {
      jobs: await this.fleetRows(page.entries),
      totalCount: page.totalCount,
      counts: page.counts,
      ...(next < page.totalCount
        ? { nextCursor: this.options.cursors.encode({ query, offset: next }) }
        : {}),
      currency: this.options.pricing.currency,
      freshness: await this.freshness(),
    };
  }

  /**
   * One page of the jobs the caller may see that match: paged by the
   * database when the caller may read every job (the common policy), else
   * decided per entity and paged here.
   */
  private async fleetPage(
    credentials: BackstageCredentials,
    filter: FleetFilter,
    window: { limit: number; offset: number },
  ): Promise<FleetPage> {
    const scope = await this.options.access.readScope(credentials);
    if (scope.everyEntity && scope.everyJob) {
      await this.options.jobs.current(); // loads it once, then keeps it (and the table) fresh
      if (this.options.fleetJobs.ready) {
        return this.options.fleetJobs.page(filter, window);
      }
    }
    const jobs = await this.readableJobs(credentials, scope);
    const latest = await this.options.store.latestStates();
    const entries: FleetEntry[] = jobs
      .map(fleetFactsOf)
      .filter(facts => matchesFleetFilter(facts, filter))
      .map(facts => ({
        facts,
        state: latest.get(facts.arn)?.state,
        startedAt: latest.get(facts.arn)?.startedAt ?? 0,
      }));
    const byState = new Map<string | undefined, number>();
    for (const e of entries)
      byState.set(e.state, (byState.get(e.state) ?? 0) + 1);
    const matching = sortFleet(
      entries.filter(e => !filter.states || filter.states.has(e.state ?? '')),
    );
    return {
      entries: matching.slice(window.offset, window.offset + window.limit),
      totalCount: matching.length,
      counts: fleetCounts(byState),
    };
  }

  /** The rows of one page: only its jobs' runs are read and summarised. */
  private async fleetRows(page: FleetEntry[]): Promise<GlueFleetJob[]> {
    const arns = page.map(e => e.facts.arn);
    const now = this.now();
    const [runs, failures] = await Promise.all([
      this.options.store.latestRuns(arns),
      this.options.store.countEndedSince(
        FAILED_GLUE_JOB_RUN_STATES,
        now - DAY_MS,
        arns,
      ),
    ]);
    return page.map(e =>
      this.fleetJob(e.facts, runs.get(e.facts.arn), failures, now),
    );
  }

  async getTrends(options: {
    entityRef: string;
    credentials: BackstageCredentials;
    job?: string;
    days: GlueTrendWindow;
  }): Promise<GlueTrendsResponse> {
    const entity = await loadEntity(
      this.options.catalog,
      options.entityRef,
      options.credentials,
    );
    const jobs = options.job
      ? [resolveJob(entity, options.job)]
      : jobRefsOf(entity);
    if (jobs.length === 0) resolveJob(entity, undefined); // the "no Glue job" 404
    const readable = await this.readableOf(entity, jobs, options.credentials);
    const now = this.now();
    const runs = await this.runsSince(readable, windowStart(now, options.days));
    const points = dailyTrend(runs, {
      now,
      days: options.days,
      pricing: this.options.pricing,
    });
    return {
      days: options.days,
      from: points[0].date,
      to: points[points.length - 1].date,
      currency: this.options.pricing.currency,
      points,
      summary: aggregateRuns(runs, this.options.pricing),
      freshness: await this.freshness(),
    };
  }

  async getTeamSummary(options: {
    entityRef: string;
    credentials: BackstageCredentials;
  }): Promise<GlueTeamSummaryResponse> {
    const entity = await loadEntity(
      this.options.catalog,
      options.entityRef,
      options.credentials,
    );
    const owner = stringifyEntityRef(entity);
    const jobs = (await this.readableJobs(options.credentials)).filter(
      j => ownerOf(j.entity) === owner,
    );
    const now = this.now();
    const months = monthStarts(now);
    const since = Math.min(windowStart(now, 30), months.lastMonth);
    const facts = await this.options.store.runFacts(
      jobs.map(j => j.job.arn),
      since,
    );
    const byJob = new Map<string, StoredJobRun[]>();
    for (const fact of facts) {
      byJob.set(fact.jobArn, [...(byJob.get(fact.jobArn) ?? []), fact.run]);
    }
    const last30 = windowStart(now, 30);
    const in30 = (run: StoredJobRun) =>
      Date.parse(run.startedOn ?? '') >= last30;
    const all = facts.map(f => f.run);
    return {
      owner,
      jobCount: jobs.length,
      failuresLast24h: this.recentFailures(jobs, byJob, now),
      ...this.slowestAndDearest(jobs, byJob, in30),
      costThisMonth: this.costBetween(all, months.thisMonth, Infinity),
      costLastMonth: this.costBetween(all, months.lastMonth, months.thisMonth),
      currency: this.options.pricing.currency,
      points: dailyTrend(all.filter(in30), {
        now,
        days: 30,
        pricing: this.options.pricing,
      }),
      freshness: await this.freshness(),
    };
  }

  /**
   * The synced jobs the caller may see and read, one per ARN. A job two
   * synced entities claim is readable only when every claim is (as the
   * routes decide it).
   */
  private async readableJobs(
    credentials: BackstageCredentials,
    scope?: GlueReadScope,
  ): Promise<SyncedJob[]> {
    const { access, jobs: directory } = this.options;
    const { everyEntity, everyJob } =
      scope ?? (await access.readScope(credentials));
    const visible = onePerArn(
      everyEntity
        ? await directory.current()
        : await loadSyncedJobs(
            this.options.catalog,
            this.options.units,
            credentials,
          ),
    );
    if (everyJob) return visible;
    const claims = visible.map(
      j => directory.syncedEntitiesOf(j.job.arn) ?? [j.entity],
    );
    const readable = await access.readableSyncedEntities(
      claims.flat(),
      credentials,
    );
    let next = 0;
    return visible.filter((_, i) => {
      const claimed = claims[i].length;
      const all = readable.slice(next, next + claimed).every(Boolean);
      next += claimed;
      return all;
    });
  }

  /** The jobs of an entity the caller may read; a 403 when none. */
  private async readableOf(
    entity: Entity,
    jobs: JobRef[],
    credentials: BackstageCredentials,
  ): Promise<JobRef[]> {
    const decisions = await this.options.access.decide(
      jobs.map(target => ({
        entity,
        target,
        permission: awsGlueJobReadPermission,
        credentials,
      })),
    );
    const readable = jobs.filter((_, i) => decisions[i].allowed);
    if (readable.length === 0) {
      throw new NotAllowedError(
        `You may not see the AWS Glue runs of ${stringifyEntityRef(entity)}: ${
          decisions[0]?.reason
        }`,
      );
    }
    return readable;
  }

  private async runsSince(
    jobs: JobRef[],
    since: number,
  ): Promise<StoredJobRun[]> {
    const facts = await this.options.store.runFacts(
      jobs.map(j => j.arn),
      since,
    );
    return facts.map(f => f.run);
  }

  private fleetJob(
    facts: FleetJobFacts,
    latest: StoredJobRun | undefined,
    failures: Map<string, number>,
    now: number,
  ): GlueFleetJob {
    const { arn, name, accountId, region } = facts;
    return {
      entityRef: facts.entityRef,
      title: facts.title,
      ...(facts.owner ? { owner: facts.owner } : {}),
      ...(facts.system ? { system: facts.system } : {}),
      arn,
      name,
      accountId,
      region,
      ...(latest
        ? { latestRun: runSummary(latest, this.options.pricing, now) }
        : {}),
      failuresLast24h: failures.get(arn) ?? 0,
    };
  }

  private teamJob(synced: SyncedJob) {
    return {
      entityRef: synced.entityRef,
      title: titleOf(synced.entity),
      jobName: synced.job.name,
      jobArn: synced.job.arn,
    };
  }

  private recentFailures(
    jobs: SyncedJob[],
    byJob: Map<string, StoredJobRun[]>,
    now: number,
  ): GlueTeamSummaryResponse['failuresLast24h'] {
    const failures = jobs.flatMap(j =>
      (byJob.get(j.job.arn) ?? [])
        .filter(
          run =>
            isFailedRunState(run.state) &&
            Date.parse(run.completedOn ?? '') >= now - DAY_MS,
        )
        .map(run => ({
          ...this.teamJob(j),
          run: runSummary(run, this.options.pricing, now),
        })),
    );
    return failures
      .sort(
        (a, b) =>
          Date.parse(b.run.completedOn!) - Date.parse(a.run.completedOn!),
      )
      .slice(0, TEAM_FAILURES);
  }

  private slowestAndDearest(
    jobs: SyncedJob[],
    byJob: Map<string, StoredJobRun[]>,
    in30: (run: StoredJobRun) => boolean,
  ) {
    const stats = jobs.map(j => {
      const runs = (byJob.get(j.job.arn) ?? []).filter(in30);
      const durations = runs
        .filter(run => !isActiveRunState(run.state))
        .map(durationOf)
        .filter((d): d is number => d !== undefined)
        .sort((a, b) => a - b);
      const aggregate = aggregateRuns(runs, this.options.pricing);
      return { job: j, p95: percentile(durations, 0.95), aggregate };
    });
    return {
      slowest: stats
        .filter(s => s.p95 !== undefined)
        .sort((a, b) => b.p95! - a.p95!)
        .slice(0, TEAM_LIST_SIZE)
        .map(s => ({ ...this.teamJob(s.job), p95DurationSeconds: s.p95! })),
      dearest: stats
        .filter(s => s.aggregate.estimatedCost > 0)
        .sort((a, b) => b.aggregate.estimatedCost - a.aggregate.estimatedCost)
        .slice(0, TEAM_LIST_SIZE)
        .map(s => ({
          ...this.teamJob(s.job),
          estimatedCost: s.aggregate.estimatedCost,
          dpuHours: s.aggregate.dpuHours,
        })),
    };
  }

  private costBetween(runs: StoredJobRun[], from: number, to: number): number {
    let cost = 0;
    for (const run of runs) {
      const started = Date.parse(run.startedOn ?? '');
      if (started >= from && started < to && !isActiveRunState(run.state)) {
        cost += storedRunUsage(run, this.options.pricing).estimatedCost ?? 0;
      }
    }
    return round6(cost);
  }

  /**
   * Runs stored, counted at most every `STORED_RUNS_TTL_MS`: a count
   * of every row would otherwise be most of each fleet request's database
   * time (hundreds of thousands of runs at 20,000 jobs).
   */
  private storedRuns(): Promise<number> {
    const at = performance.now();
    if (!this.counted || at - this.counted.at >= STORED_RUNS_TTL_MS) {
      const count = this.options.store.countRuns();
      this.counted = { at, count };
      count.catch(() => {
        if (this.counted?.count === count) this.counted = undefined;
      });
    }
    return this.counted.count;
  }

  private async freshness(): Promise<GlueRunIndexFreshness> {
    const [lastEventAt, lastReconciledAt, storedRuns] = await Promise.all([
      this.options.store.getMark(LAST_EVENT_MARK),
      this.options.store.getMark(LAST_RECONCILE_MARK),
      this.storedRuns(),
    ]);
    return {
      ...(lastEventAt ? { lastEventAt } : {}),
      ...(lastReconciledAt ? { lastReconciledAt } : {}),
      storedRuns,
    };
  }
}
