import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
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
import { LatestRunState, RunStore } from '../../runIndex/RunStore';
import {
  loadSyncedJobs,
  SyncedJob,
  SyncedJobDirectory,
} from '../../runIndex/SyncedJobs';
import { GlueAccessService } from '../GlueAccessService';
import { FleetOptions, GlueFleetService } from './GlueFleetService';

const DAY_MS = 86_400_000;
const TEAM_LIST_SIZE = 5;
const TEAM_FAILURES = 20;

/** An owner ref as the catalog writes it in relations: kind and namespace spelled out. */
function normalOwner(owner: string, namespace = 'default'): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

const ownerOf = (entity: Entity) =>
  typeof entity.spec?.owner === 'string'
    ? normalOwner(entity.spec.owner, entity.metadata.namespace)
    : undefined;

const titleOf = (entity: Entity) =>
  entity.metadata.title ?? entity.metadata.name;

/** A synced job and its newest run's state, with its sort keys, before its row is built. */
interface FleetEntry {
  synced: SyncedJob;
  title: string;
  latest?: LatestRunState;
  /** Failing 0, running 1, other states 2, never run 3. */
  rank: number;
}

const titleCollator = new Intl.Collator('en-US');

function stateRank(state: string | undefined): number {
  if (isFailedRunState(state)) return 0;
  if (isActiveRunState(state)) return 1;
  return state ? 2 : 3;
}

/**
 * Failing first, then running, then the rest; newest start first within.
 * Keys are computed once per entry: the comparator runs some 300,000 times
 * for 20,000 jobs.
 */
function fleetOrder(a: FleetEntry, b: FleetEntry): number {
  return (
    a.rank - b.rank ||
    (b.latest?.startedAt ?? 0) - (a.latest?.startedAt ?? 0) ||
    titleCollator.compare(a.title, b.title)
  );
}

function countStates(entries: FleetEntry[]): GlueFleetResponse['counts'] {
  const counts = { failing: 0, active: 0, succeeded: 0, other: 0, neverRun: 0 };
  for (const { latest, rank } of entries) {
    if (rank === 0) counts.failing += 1;
    else if (rank === 1) counts.active += 1;
    else if (rank === 3) counts.neverRun += 1;
    else if (latest?.state === 'SUCCEEDED') counts.succeeded += 1;
    else counts.other += 1;
  }
  return counts;
}

/** The default {@link GlueFleetService}: catalog + access + the run store. */
export class DefaultGlueFleetService implements GlueFleetService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      access: GlueAccessService;
      store: RunStore;
      /** The plugin's own directory of synced jobs, for callers who may read every entity. */
      jobs: Pick<SyncedJobDirectory, 'current'>;
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
    const owners = options.owners?.length
      ? new Set(options.owners.map(o => normalOwner(o)))
      : undefined;
    const text = options.text?.toLocaleLowerCase('en-US');
    const jobs = (await this.readableJobs(options.credentials)).filter(
      j =>
        (!owners || owners.has(ownerOf(j.entity))) &&
        (!options.account || j.job.accountId === options.account) &&
        (!options.region || j.job.region === options.region) &&
        (!text ||
          [j.job.name, j.entityRef, j.entity.metadata.title ?? ''].some(v =>
            v.toLocaleLowerCase('en-US').includes(text),
          )),
    );
    const latest = await this.options.store.latestStates();
    const entries: FleetEntry[] = jobs.map(synced => {
      const run = latest.get(synced.job.arn);
      return {
        synced,
        title: titleOf(synced.entity),
        latest: run,
        rank: stateRank(run?.state),
      };
    });
    const states = options.states?.length ? new Set(options.states) : undefined;
    const matching = entries
      .filter(e => !states || states.has(e.latest?.state ?? ''))
      .sort(fleetOrder);
    const query = queryKey(
      'fleet',
      [...(owners ?? [])].sort().join(','),
      options.account ?? '',
      options.region ?? '',
      [...(states ?? [])].sort().join(','),
      text ?? '',
    );
    const offset = options.cursor
      ? this.options.cursors.decode(options.cursor, query, 'cursor').offset
      : 0;
    const page = matching.slice(offset, offset + options.limit);
    const next = offset + page.length;
    return {
      jobs: await this.fleetRows(page),
      totalCount: matching.length,
      counts: countStates(entries),
      ...(next < matching.length
        ? { nextCursor: this.options.cursors.encode({ query, offset: next }) }
        : {}),
      currency: this.options.pricing.currency,
      freshness: await this.freshness(),
    };
  }

  /** The rows of one page: only its jobs' runs are read and summarised. */
  private async fleetRows(page: FleetEntry[]): Promise<GlueFleetJob[]> {
    const arns = page.map(e => e.synced.job.arn);
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
      this.fleetJob(e.synced, runs.get(e.synced.job.arn), failures, now),
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

  /** The synced jobs the caller may see and read. */
  private async readableJobs(
    credentials: BackstageCredentials,
  ): Promise<SyncedJob[]> {
    const visible = (await this.options.access.readsEveryCatalogEntity(
      credentials,
    ))
      ? await this.options.jobs.current()
      : await loadSyncedJobs(
          this.options.catalog,
          this.options.units,
          credentials,
        );
    const readable = await this.options.access.readableSyncedEntities(
      visible.map(j => j.entity),
      credentials,
    );
    return visible.filter((_, i) => readable[i]);
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
    synced: SyncedJob,
    latest: StoredJobRun | undefined,
    failures: Map<string, number>,
    now: number,
  ): GlueFleetJob {
    const { entity, job } = synced;
    const system =
      typeof entity.spec?.system === 'string' ? entity.spec.system : undefined;
    return {
      entityRef: synced.entityRef,
      title: titleOf(entity),
      ...(ownerOf(entity) ? { owner: ownerOf(entity) } : {}),
      ...(system ? { system } : {}),
      arn: job.arn,
      name: job.name,
      accountId: job.accountId,
      region: job.region,
      ...(latest
        ? { latestRun: runSummary(latest, this.options.pricing, now) }
        : {}),
      failuresLast24h: failures.get(job.arn) ?? 0,
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

  private async freshness(): Promise<GlueRunIndexFreshness> {
    const [lastEventAt, lastReconciledAt, storedRuns] = await Promise.all([
      this.options.store.getMark(LAST_EVENT_MARK),
      this.options.store.getMark(LAST_RECONCILE_MARK),
      this.options.store.countRuns(),
    ]);
    return {
      ...(lastEventAt ? { lastEventAt } : {}),
      ...(lastReconciledAt ? { lastReconciledAt } : {}),
      storedRuns,
    };
  }
}
