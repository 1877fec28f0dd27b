import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GlueJobFactsItem,
  GlueJobFactsResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { GluePricing } from '../../lib/cost';
import { CursorCodec, queryKey } from '../../lib/cursor';
import { DAY_MS, jobFactsOf } from '../../lib/jobFacts';
import { StoredJobRun } from '../../lib/shapes';
import { ownerOf } from '../../runIndex/FleetJobs';
import { RunStore } from '../../runIndex/RunStore';
import { SyncedJob, SyncedJobDirectory } from '../../runIndex/SyncedJobs';
import { GlueJobFactsService, JobFactsOptions } from './GlueJobFactsService';

/** What every cursor of this listing is bound to. */
const QUERY = queryKey('job-facts');

/** One synced job entity of the listing. */
interface FactsEntry {
  entityRef: string;
  entity: Entity;
  arn: string;
}

/**
 * The default {@link GlueJobFactsService}: the plugin's directory of synced
 * jobs (its own credentials: the route is for services, and the facts are
 * aggregates without arguments), the run store, and the catalog for owners.
 *
 * @public
 */
export class DefaultGlueJobFactsService implements GlueJobFactsService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: Pick<RunStore, 'runFacts' | 'lastSucceededAt'>;
      jobs: Pick<SyncedJobDirectory, 'current' | 'syncedEntitiesOf'>;
      cursors: CursorCodec;
      pricing: GluePricing;
      now?: () => number;
    },
  ) {}

  async getJobFacts(options: JobFactsOptions): Promise<GlueJobFactsResponse> {
    const now = (this.options.now ?? Date.now)();
    const after = options.cursor
      ? this.options.cursors.decode(options.cursor, QUERY, 'cursor').after
      : undefined;
    const all = await this.entries();
    const rest =
      after === undefined ? all : all.filter(e => e.entityRef > after);
    const page = rest.slice(0, options.limit);
    const items = await this.factsOf(page, now);
    const last = page[page.length - 1];
    return {
      items,
      ...(rest.length > page.length && last
        ? {
            nextCursor: this.options.cursors.encode({
              query: QUERY,
              offset: 0,
              after: last.entityRef,
            }),
          }
        : {}),
      generatedAt: new Date(now).toISOString(),
    };
  }

  /** Every synced job entity (two entities may claim one job), by entity ref. */
  private async entries(): Promise<FactsEntry[]> {
    const jobs: SyncedJob[] = await this.options.jobs.current();
    const byRef = new Map<string, FactsEntry>();
    for (const { job, entity } of jobs) {
      for (const claim of this.options.jobs.syncedEntitiesOf(job.arn) ?? [
        entity,
      ]) {
        const entityRef = stringifyEntityRef(claim);
        if (!byRef.has(entityRef)) {
          byRef.set(entityRef, { entityRef, entity: claim, arn: job.arn });
        }
      }
    }
    return [...byRef.values()].sort((a, b) =>
      a.entityRef < b.entityRef ? -1 : Number(a.entityRef > b.entityRef),
    );
  }

  private async factsOf(
    page: FactsEntry[],
    now: number,
  ): Promise<GlueJobFactsItem[]> {
    const arns = [...new Set(page.map(e => e.arn))];
    const [facts, lastSuccess, groups] = await Promise.all([
      this.options.store.runFacts(arns, now - 30 * DAY_MS),
      this.options.store.lastSucceededAt(arns),
      this.existingGroups(page.map(e => ownerOf(e.entity))),
    ]);
    const runs = new Map<string, StoredJobRun[]>();
    for (const fact of facts) {
      const list = runs.get(fact.jobArn) ?? [];
      list.push(fact.run);
      runs.set(fact.jobArn, list);
    }
    return page.map(({ entityRef, entity, arn }) => {
      const owner = ownerOf(entity);
      return {
        entityRef,
        facts: jobFactsOf({
          entity,
          runs: runs.get(arn) ?? [],
          lastSuccessAt: lastSuccess.get(arn),
          ownerIsGroup:
            owner !== undefined && groups.has(owner.toLocaleLowerCase('en-US')),
          now,
          pricing: this.options.pricing,
        }),
      };
    });
  }

  /** The owners (full refs, lower case) that are Group entities in the catalog. */
  private async existingGroups(
    owners: (string | undefined)[],
  ): Promise<Set<string>> {
    const refs = [
      ...new Set(
        owners.filter((o): o is string => o?.startsWith('group:') ?? false),
      ),
    ];
    if (refs.length === 0) return new Set();
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return new Set(
      items
        .filter(
          (e): e is Entity => e?.kind.toLocaleLowerCase('en-US') === 'group',
        )
        .map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US')),
    );
  }
}
