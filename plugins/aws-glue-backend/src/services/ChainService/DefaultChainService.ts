import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  awsGlueJobReadPermission,
  GlueChainNode,
  GlueChainResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { mapWithConcurrency } from '../../lib/concurrency';
import { AwsGlueBackendConfig } from '../../lib/config';
import { jobRefsOf, loadEntity } from '../../lib/entities';
import { AnnotationProblem, chainEdges, chainNodeOf } from '../../lib/chain';
import { oncePerKey } from '../../lib/oncePerKey';
import { GlueAccessService } from '../GlueAccessService';
import { GlueDataSource } from '../GlueDataSource';
import { ChainService, GetChainOptions } from './ChainService';

/** Options of {@link DefaultChainService}. */
export interface DefaultChainServiceOptions {
  catalog: CatalogService;
  access: GlueAccessService;
  data: GlueDataSource;
  logger: LoggerService;
  config: Pick<AwsGlueBackendConfig, 'chain'>;
}

/** The entity fields a chain needs. */
const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'relations',
];

const normalizeRef = (ref: string): string | undefined => {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return undefined;
  }
};

/**
 * Walks catalog relations breadth-first from the entity (`dependsOn` up,
 * `dependencyOf` down), one `getEntitiesByRefs` call per level with the
 * caller's credentials, within `depth` and `awsGlue.chain.maxNodes`; then
 * loads each job's latest run (cached, limited concurrency) and derives the
 * edges from the trigger and lineage annotations. An annotation that does not
 * (wholly) parse is logged once per entity and annotation, and the chain is
 * built without the parts it could not read.
 */
export class DefaultChainService implements ChainService {
  /** (entity ref, annotation) pairs whose problem was logged already. */
  private readonly firstProblem = oncePerKey(5000);

  constructor(private readonly options: DefaultChainServiceOptions) {}

  private readonly onProblem = (problem: AnnotationProblem) => {
    if (!this.firstProblem(`${problem.entityRef}\n${problem.annotation}`)) {
      return;
    }
    this.options.logger.warn(
      `Ignoring what does not parse in an annotation of ${problem.entityRef} for a chain: ${problem.problem}`,
      { entityRef: problem.entityRef, annotation: problem.annotation },
    );
  };

  async getChain(options: GetChainOptions): Promise<GlueChainResponse> {
    const { catalog, config } = this.options;
    const { credentials } = options;
    const root = await loadEntity(catalog, options.entityRef, credentials);
    const rootRef = stringifyEntityRef(root);
    const loaded = new Map<string, { entity: Entity; depth: number }>([
      [rootRef, { entity: root, depth: 0 }],
    ]);
    let truncated = false;

    const walk = async (relationType: string) => {
      let frontier = [rootRef];
      for (let depth = 1; frontier.length > 0; depth++) {
        const next = new Set<string>();
        for (const ref of frontier) {
          for (const relation of loaded.get(ref)!.entity.relations ?? []) {
            if (relation.type !== relationType) continue;
            const target = normalizeRef(relation.targetRef);
            if (target && !loaded.has(target)) next.add(target);
          }
        }
        if (next.size === 0) return;
        if (depth > options.depth) {
          truncated = true;
          return;
        }
        let refs = [...next].sort();
        const room = config.chain.maxNodes - loaded.size;
        if (room <= 0) {
          truncated = true;
          return;
        }
        if (refs.length > room) {
          refs = refs.slice(0, room);
          truncated = true;
        }
        const { items } = await catalog.getEntitiesByRefs(
          { entityRefs: refs, fields: FIELDS },
          { credentials },
        );
        const nextFrontier: string[] = [];
        for (let index = 0; index < refs.length; index++) {
          const entity = items[index];
          const ref = refs[index];
          if (entity && !loaded.has(ref)) {
            loaded.set(ref, { entity, depth });
            nextFrontier.push(ref);
          }
        }
        frontier = nextFrontier;
      }
    };

    if (options.direction === 'up' || options.direction === 'both') {
      await walk(RELATION_DEPENDS_ON);
    }
    if (options.direction === 'down' || options.direction === 'both') {
      await walk(RELATION_DEPENDENCY_OF);
    }

    const entries = [...loaded.entries()].sort(
      ([refA, a], [refB, b]) => a.depth - b.depth || refA.localeCompare(refB),
    );
    const nodes: GlueChainNode[] = entries.map(([ref, { entity, depth }]) =>
      chainNodeOf(ref, entity, depth),
    );

    // Latest run of each job node the caller may read (cached, with limited
    // concurrency). A Glue failure leaves that node without a run rather
    // than failing the chain.
    const readable = await this.readableJobs(
      nodes.filter(node => node.kind === 'job'),
      loaded,
      credentials,
    );
    await mapWithConcurrency(readable, config.chain.concurrency, async node => {
      const jobs = jobRefsOf(loaded.get(node.id)!.entity);
      try {
        const run = await this.options.data.getLatestRun(jobs[0]);
        if (run) {
          node.latestRun = {
            id: run.id,
            state: run.state ?? 'UNKNOWN',
            ...(run.startedOn ? { startedOn: run.startedOn } : {}),
            ...(run.completedOn ? { completedOn: run.completedOn } : {}),
          };
        }
      } catch (error) {
        this.options.logger.warn(
          `Could not load the latest run of ${jobs[0].arn} for a chain: ${
            (error as Error).message
          }`,
        );
      }
    });

    return {
      root: rootRef,
      nodes,
      edges: chainEdges(
        entries.map(([ref, { entity }]) => ({ ref, entity })),
        normalizeRef,
        this.onProblem,
      ),
      truncated,
      depthLimits: {
        default: config.chain.defaultDepth,
        max: config.chain.maxDepth,
      },
    };
  }

  /**
   * The job nodes (of one job each) whose runs the caller may read; the
   * others are marked restricted. One access decision for all of them.
   */
  private async readableJobs(
    jobNodes: GlueChainNode[],
    loaded: Map<string, { entity: Entity }>,
    credentials: BackstageCredentials,
  ): Promise<GlueChainNode[]> {
    const candidates = jobNodes.flatMap(node => {
      const { entity } = loaded.get(node.id)!;
      const jobs = jobRefsOf(entity);
      return jobs.length === 1 ? [{ node, entity, job: jobs[0] }] : [];
    });
    const decisions = await this.options.access.decide(
      candidates.map(c => ({
        entity: c.entity,
        target: c.job,
        permission: awsGlueJobReadPermission,
        credentials,
      })),
    );
    return candidates.flatMap((c, i) => {
      if (decisions[i].allowed) return [c.node];
      c.node.restricted = true;
      return [];
    });
  }
}
