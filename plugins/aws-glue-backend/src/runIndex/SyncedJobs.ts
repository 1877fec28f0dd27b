import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  GLUE_ANNOTATIONS,
  GLUE_ENTITY_TYPES,
  parseGlueArn,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  AwsGlueProviderUnit,
  syncingUnitOf,
} from '@aws-glue-backstage/plugin-aws-glue-node';
import { JobRef } from '../lib/shapes';

/**
 * A Glue job and the entity the catalog module synced for it.
 *
 * @public
 */
export interface SyncedJob {
  job: JobRef;
  entity: Entity;
  entityRef: string;
  unit: AwsGlueProviderUnit;
}

/**
 * The entity fields the run index reads (the bench reads the same).
 *
 * @public
 */
export const SYNCED_JOB_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
  'spec.system',
];

/** Entities per catalog page, and the most pages read (a million jobs). */
const PAGE_SIZE = 1000;
const MAX_PAGES = 1000;

/** How long a loaded directory is used before it is loaded again. */
const TTL_MS = 60_000;
/** How long a job the catalog did not have is not asked for again. */
const MISS_TTL_MS = 15_000;
/** Unknown jobs remembered (junk events must not grow memory). */
const MAX_MISSES = 10_000;

const keyOf = (accountId: string, region: string, name: string) =>
  `${accountId}\u0000${region}\u0000${name}`;

/**
 * The job entities the AWS Glue catalog module synced (a hand-written entity
 * that names a job is never one), read with the caller's credentials or the
 * plugin's own. Pure apart from the catalog call.
 */
export async function loadSyncedJobs(
  catalog: CatalogService,
  units: readonly AwsGlueProviderUnit[],
  credentials: BackstageCredentials,
  filter: Record<string, string> = {},
): Promise<SyncedJob[]> {
  const items: Entity[] = [];
  let pages = 0;
  // pages, not one response: 20,000 jobs as one body would hold the event
  // loop for the whole parse, every minute
  for await (const page of catalog.streamEntities(
    {
      filter: {
        kind: 'component',
        'spec.type': GLUE_ENTITY_TYPES.job,
        ...filter,
      },
      fields: SYNCED_JOB_FIELDS,
      pageSize: PAGE_SIZE,
    },
    { credentials },
  )) {
    if (++pages > MAX_PAGES) {
      throw new Error(
        `More than ${
          MAX_PAGES * PAGE_SIZE
        } AWS Glue job entities in the catalog: stopped reading at page ${MAX_PAGES}`,
      );
    }
    items.push(...page);
  }
  const jobs: SyncedJob[] = [];
  for (const entity of items) {
    const unit = syncingUnitOf(entity, units);
    const arn = entity.metadata.annotations?.[ANNOTATION_AWS_ARN];
    const parsed = arn ? parseGlueArn(arn) : undefined;
    if (!unit || parsed?.resourceType !== 'job') continue;
    jobs.push({
      job: {
        arn: arn!,
        partition: parsed.partition,
        region: parsed.region,
        accountId: parsed.accountId,
        name:
          entity.metadata.annotations?.[GLUE_ANNOTATIONS.name] ?? parsed.name,
      },
      entity,
      entityRef: stringifyEntityRef(entity),
      unit,
    });
  }
  return jobs;
}

/**
 * The synced jobs as the plugin itself sees them (its own credentials),
 * looked up by account, region and name as Glue's events name them. Loaded
 * from the catalog at most once a minute; a job it does not know yet (synced
 * since) is asked for alone, and a job the catalog does not have either is
 * not asked for again for 15 s.
 *
 * @public
 */
export class SyncedJobDirectory {
  private jobs = new Map<string, SyncedJob>();
  private byArn = new Map<string, SyncedJob>();
  /** Every synced entity that claims each ARN (two providers may sync one). */
  private claims = new Map<string, Entity[]>();
  private readonly misses = new Map<string, number>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      units: readonly AwsGlueProviderUnit[];
      now?: () => number;
      /** Told every load's jobs (the fleet table follows the directory). */
      onLoad?: (jobs: SyncedJob[]) => void;
      /** Told a job looked up alone after a load. */
      onFound?: (job: SyncedJob) => void;
    },
  ) {}

  /** The synced job Glue names so in this account and region. */
  async find(
    accountId: string,
    region: string,
    name: string,
  ): Promise<SyncedJob | undefined> {
    await this.fresh(TTL_MS);
    const key = keyOf(accountId, region, name);
    return this.jobs.get(key) ?? this.lookUp(key, accountId, region, name);
  }

  /** The synced job of an ARN. */
  async byJobArn(arn: string): Promise<SyncedJob | undefined> {
    await this.fresh(TTL_MS);
    return this.byArn.get(arn);
  }

  /** Every synced job; `reload` reads the catalog now (a reconciler pass). */
  async all(reload = false): Promise<SyncedJob[]> {
    await this.fresh(reload ? 0 : TTL_MS);
    return [...this.byArn.values()];
  }

  /**
   * Every synced job without waiting on the catalog once loaded: a directory
   * older than a minute is served as it is while it reloads in the
   * background (a fleet view over 20,000 jobs must not wait for the catalog
   * to list them all). A failed reload keeps the jobs already loaded, and the
   * next call tries again.
   */
  async current(): Promise<SyncedJob[]> {
    if (this.loadedAt === 0) return this.all();
    this.fresh(TTL_MS).catch(() => {});
    return [...this.byArn.values()];
  }

  /**
   * The synced entities of a job ARN as last loaded, without waiting on the
   * catalog: undefined when the directory is not loaded yet or does not
   * have the job (the caller asks the catalog), and a directory older than a
   * minute reloads in the background. For the access checks of every route.
   */
  syncedEntitiesOf(arn: string): Entity[] | undefined {
    const now = (this.options.now ?? Date.now)();
    if (now - this.loadedAt >= TTL_MS) this.fresh(TTL_MS).catch(() => {});
    return this.loadedAt === 0 ? undefined : this.claims.get(arn);
  }

  /** Whether a provider reads this account and region. */
  hasUnit(accountId: string, region: string): boolean {
    return this.options.units.some(
      u => u.accountId === accountId && u.region === region,
    );
  }

  /** One job the directory does not know, from the catalog. */
  private async lookUp(
    key: string,
    accountId: string,
    region: string,
    name: string,
  ): Promise<SyncedJob | undefined> {
    const now = (this.options.now ?? Date.now)();
    if (now - (this.misses.get(key) ?? -Infinity) < MISS_TTL_MS) {
      return undefined;
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const [found] = (
      await loadSyncedJobs(
        this.options.catalog,
        this.options.units,
        credentials,
        {
          [`metadata.annotations.${ANNOTATION_AWS_ACCOUNT_ID}`]: accountId,
          [`metadata.annotations.${GLUE_ANNOTATIONS.region}`]: region,
          [`metadata.annotations.${GLUE_ANNOTATIONS.name}`]: name,
        },
      )
    ).filter(j => keyOf(j.job.accountId, j.job.region, j.job.name) === key);
    if (!found) {
      if (this.misses.size >= MAX_MISSES) this.misses.clear();
      this.misses.set(key, now);
      return undefined;
    }
    this.jobs.set(key, found);
    this.byArn.set(found.job.arn, found);
    this.options.onFound?.(found);
    return found;
  }

  private async fresh(maxAgeMs: number): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    if (now - this.loadedAt < maxAgeMs) return;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    await this.loading;
  }

  private async load(): Promise<void> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const jobs = await loadSyncedJobs(
      this.options.catalog,
      this.options.units,
      credentials,
    );
    this.jobs = new Map(
      jobs.map(j => [keyOf(j.job.accountId, j.job.region, j.job.name), j]),
    );
    this.byArn = new Map(jobs.map(j => [j.job.arn, j]));
    const claims = new Map<string, Entity[]>();
    for (const j of jobs) {
      claims.set(j.job.arn, [...(claims.get(j.job.arn) ?? []), j.entity]);
    }
    this.claims = claims;
    this.misses.clear();
    this.loadedAt = (this.options.now ?? Date.now)();
    this.options.onLoad?.(jobs);
  }
}
