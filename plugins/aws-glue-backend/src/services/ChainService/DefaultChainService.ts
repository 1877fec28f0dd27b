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
import { getGlueResourceKind } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  awsGlueJobReadPermission,
  GlueChainExecutionsResponse,
  GlueChainNode,
  GlueChainResponse,
  formatGlueArn,
  readGlueSla,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  buildExecutions,
  buildWorkflowExecution,
  ExecutionJob,
  ExecutionRun,
} from '../../lib/executions';
import { resolveWorkflow } from '../../lib/entities';
import { SyncedJobDirectory } from '../../runIndex/SyncedJobs';
import { AwsGlueProviderUnit } from '@aws-glue-backstage/plugin-aws-glue-node';
import { NotAllowedError } from '@backstage/errors';
import { JobRef } from '../../lib/shapes';
import { RunStore } from '../../runIndex/RunStore';
import {
  downstreamJobs,
  triggerTypesOf,
  upstreamFirst,
  workflowJobOrder,
} from './executionInputs';
import { mapWithConcurrency } from '../../lib/concurrency';
import { AwsGlueBackendConfig } from '../../lib/config';
import { jobRefsOf, loadEntity } from '../../lib/entities';
import { AnnotationProblem, chainEdges, chainNodeOf } from '../../lib/chain';
import { oncePerKey } from '../../lib/oncePerKey';
import { GlueAccessService } from '../GlueAccessService';
import { GlueDataSource } from '../GlueDataSource';
import {
  ChainService,
  GetChainOptions,
  GetExecutionsOptions,
} from './ChainService';

/**
 * Options of {@link DefaultChainService}.
 *
 * @public
 */
export interface DefaultChainServiceOptions {
  catalog: CatalogService;
  access: GlueAccessService;
  data: GlueDataSource;
  logger: LoggerService;
  config: Pick<AwsGlueBackendConfig, 'chain'>;
  /** The run index's runs; without it there are no executions. */
  store?: RunStore;
  /** The synced jobs, for the entity refs of a workflow's jobs. */
  directory?: Pick<SyncedJobDirectory, 'byJobArn'>;
  /** The catalog provider units (a workflow entity must be synced by one). */
  units?: readonly AwsGlueProviderUnit[];
}

/** Stored runs read per job for executions: a few per execution asked for. */
const runsPerJob = (limit: number) => Math.min(200, limit * 4 + 4);

/**
 * The predecessor runs the loaded runs name that are not loaded, by job: a
 * predecessor is a run of a chain job of the same account and region. Pure.
 */
function missingPredecessors<J extends ExecutionJob & { ref: JobRef }>(
  runs: ExecutionRun[],
  jobs: J[],
): { job: J; runIds: string[] }[] {
  const where = (ref: JobRef, name: string) =>
    `${ref.accountId}/${ref.region}/${name}`;
  const byName = new Map(jobs.map(job => [where(job.ref, job.name), job]));
  const byArn = new Map(jobs.map(job => [job.arn, job]));
  const have = new Set(runs.map(r => r.run.id));
  const missing = new Map<string, { job: J; runIds: string[] }>();
  for (const { jobArn, run } of runs) {
    const child = byArn.get(jobArn);
    for (const p of run.predecessorRuns) {
      const job = child && byName.get(where(child.ref, p.jobName));
      if (!job || have.has(p.runId)) continue;
      have.add(p.runId);
      const entry = missing.get(job.arn) ?? { job, runIds: [] };
      entry.runIds.push(p.runId);
      missing.set(job.arn, entry);
    }
  }
  return [...missing.values()];
}

/**
 * The entities of a chain, as walked from its root.
 *
 * @public
 */
export interface ChainWalk {
  root: Entity;
  rootRef: string;
  /** Entity ref to the entity and its hops from the root. */
  loaded: Map<string, { entity: Entity; depth: number }>;
  truncated: boolean;
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
 *
 * @public
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
    const { config } = this.options;
    const { credentials } = options;
    const { rootRef, loaded, truncated } = await this.walk(options);

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
      edges: this.edgesOf(loaded),
      truncated,
      depthLimits: {
        default: config.chain.defaultDepth,
        max: config.chain.maxDepth,
      },
    };
  }

  async getExecutions(
    options: GetExecutionsOptions,
  ): Promise<GlueChainExecutionsResponse> {
    const { store, config } = this.options;
    const walked = await this.walk({
      ...options,
      direction: 'both',
      depth: config.chain.maxDepth,
    });
    if (!store) {
      throw new ServiceUnavailableError(
        'Chain executions are built from the run index, which is off: set awsGlue.runIndex.enabled: true',
      );
    }
    if (getGlueResourceKind(walked.root) === 'workflow') {
      return this.workflowExecutions(walked.root, store, options);
    }
    const { loaded } = walked;
    const problems: string[] = walked.truncated
      ? [
          `The chain was cut at awsGlue.chain limits (depth ${config.chain.maxDepth}, ${config.chain.maxNodes} nodes)`,
        ]
      : [];
    const jobNodes = [...loaded.entries()]
      .filter(([, { entity }]) => getGlueResourceKind(entity) === 'job')
      .map(([ref, { entity, depth }]) => chainNodeOf(ref, entity, depth));
    const readable = await this.readableJobs(
      jobNodes,
      loaded,
      options.credentials,
    );
    if (readable.length < jobNodes.length) {
      problems.push(
        `${
          jobNodes.length - readable.length
        } of the chain's jobs are left out: you may not see their runs (aws-glue.job.read)`,
      );
    }
    const jobs: (ExecutionJob & { ref: JobRef })[] = readable.map(node => {
      const ref = jobRefsOf(loaded.get(node.id)!.entity)[0];
      return { arn: ref.arn, nodeId: node.id, name: ref.name, ref };
    });
    const downstream = downstreamJobs(
      this.edgesOf(loaded),
      ref =>
        loaded.has(ref) &&
        getGlueResourceKind(loaded.get(ref)!.entity) === 'job',
    );
    const runs = await this.storedRuns(store, jobs, options.limit, problems);
    const sla = readGlueSla(walked.root);
    if (sla.error) problems.push(sla.error);
    const titles = new Map(readable.map(node => [node.id, node.title]));
    return {
      entityRef: walked.rootRef,
      rows: upstreamFirst([...titles.keys()], downstream).map(nodeId => ({
        nodeId,
        title: titles.get(nodeId)!,
        kind: 'job' as const,
      })),
      executions: buildExecutions({
        jobs,
        runs,
        downstream,
        triggerTypes: triggerTypesOf([...loaded.values()].map(l => l.entity)),
        limit: options.limit,
        maxNodes: config.chain.executions.maxNodes,
        ...(sla.sla ? { sla: sla.sla } : {}),
        now: Date.now(),
      }),
      ...(sla.sla ? { sla: sla.sla } : {}),
      limits: {
        executions: options.limit,
        maxNodes: config.chain.executions.maxNodes,
      },
      problems,
    };
  }

  /**
   * The newest stored runs of each job, then the predecessors they name
   * that are not among them: from the store, else from Glue (GetJobRun,
   * which the data source writes through to the store), at most
   * `predecessorFetches` a request.
   */
  private async storedRuns(
    store: RunStore,
    jobs: (ExecutionJob & { ref: JobRef })[],
    limit: number,
    problems: string[],
  ): Promise<ExecutionRun[]> {
    const { config } = this.options;
    const runs: ExecutionRun[] = [];
    await mapWithConcurrency(jobs, config.chain.concurrency, async job => {
      for (const run of await store.listRuns(job.arn, {
        limit: runsPerJob(limit),
      })) {
        runs.push({ jobArn: job.arn, run });
      }
    });
    let fetches = config.chain.executions.predecessorFetches;
    for (const { job, runIds } of missingPredecessors(runs, jobs)) {
      // one store read per job; Glue only for what the store lacks too
      const stored = await store.getRuns(job.arn, runIds);
      runs.push(...stored.map(({ run }) => ({ jobArn: job.arn, run })));
      const found = new Set(stored.map(({ run }) => run.id));
      for (const runId of runIds.filter(id => !found.has(id))) {
        if (fetches-- <= 0) break;
        try {
          runs.push({
            jobArn: job.arn,
            run: await this.options.data.getRun(job.ref, runId),
          });
        } catch (error) {
          problems.push(
            `Could not read run ${runId} of ${job.name} from Glue: ${
              (error as Error).message
            }`,
          );
        }
      }
    }
    return runs;
  }

  /**
   * A workflow System's executions: its last runs (GetWorkflowRuns, cached
   * and written through), each job node's run from the store.
   */
  private async workflowExecutions(
    entity: Entity,
    store: RunStore,
    options: GetExecutionsOptions,
  ): Promise<GlueChainExecutionsResponse> {
    const { config, access, data } = this.options;
    const workflow = resolveWorkflow(entity, this.options.units ?? []);
    const [decision] = await access.decide([
      {
        entity,
        target: workflow,
        permission: awsGlueJobReadPermission,
        credentials: options.credentials,
      },
    ]);
    if (!decision.allowed) {
      throw new NotAllowedError(
        `You may not see the runs of ${workflow.arn}: ${decision.reason}`,
      );
    }
    const { runs } = await data.getWorkflowRuns(workflow, {
      limit: options.limit,
    });
    const names = [
      ...new Set(
        runs.flatMap(r =>
          r.nodes.filter(n => n.type === 'JOB').map(n => n.name),
        ),
      ),
    ];
    const jobs = await this.readableWorkflowJobs(
      entity,
      workflow,
      names,
      options.credentials,
    );
    const problems =
      names.length > jobs.size
        ? [
            `${
              names.length - jobs.size
            } of the workflow's jobs are left out: you may not see their runs (aws-glue.job.read)`,
          ]
        : [];
    const executions = await mapWithConcurrency(
      runs,
      config.chain.concurrency,
      async run => {
        const stored: ExecutionRun[] = [];
        for (const node of run.nodes) {
          const job =
            node.type === 'JOB' && node.runId ? jobs.get(node.name) : undefined;
          if (!job) continue;
          for (const found of await store.getRuns(job.arn, [node.runId!])) {
            stored.push({ jobArn: job.arn, run: found.run });
          }
        }
        return buildWorkflowExecution(run, {
          workflowName: workflow.name,
          jobs,
          runs: stored,
          maxNodes: config.chain.executions.maxNodes,
          now: Date.now(),
        });
      },
    );
    const order = runs[0] ? workflowJobOrder(runs[0]) : [];
    const rank = (name: string) => order.indexOf(name) + 1 || order.length + 1;
    return {
      entityRef: stringifyEntityRef(entity),
      rows: [...jobs.values()]
        .sort(
          (a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name),
        )
        .map(job => ({
          nodeId: job.nodeId,
          title: job.name,
          kind: 'job' as const,
        })),
      executions,
      limits: {
        executions: options.limit,
        maxNodes: config.chain.executions.maxNodes,
      },
      problems,
    };
  }

  /** The workflow's jobs the caller may read, by name, with their synced entity refs. */
  private async readableWorkflowJobs(
    entity: Entity,
    workflow: JobRef,
    names: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, ExecutionJob>> {
    const refs = names.map(name => ({
      ...workflow,
      name,
      arn: formatGlueArn({ ...workflow, resourceType: 'job', name }),
    }));
    const decisions = await this.options.access.decide(
      refs.map(target => ({
        entity,
        target,
        permission: awsGlueJobReadPermission,
        credentials,
      })),
    );
    const jobs = new Map<string, ExecutionJob>();
    for (const [i, ref] of refs.entries()) {
      if (!decisions[i].allowed) continue;
      const synced = await this.options.directory?.byJobArn(ref.arn);
      jobs.set(ref.name, {
        arn: ref.arn,
        name: ref.name,
        nodeId: synced?.entityRef ?? `glue-job:${ref.name}`,
      });
    }
    return jobs;
  }

  private edgesOf(loaded: Map<string, { entity: Entity; depth: number }>) {
    const entries = [...loaded.entries()].sort(
      ([refA, a], [refB, b]) => a.depth - b.depth || refA.localeCompare(refB),
    );
    return chainEdges(
      entries.map(([ref, { entity }]) => ({ ref, entity })),
      normalizeRef,
      this.onProblem,
    );
  }

  /**
   * The entities of the chain around `options.entityRef`: breadth-first over
   * `dependsOn` (up) and `dependencyOf` (down), within the depth and node limits.
   */
  async walk(
    options: Omit<GetChainOptions, 'credentials'> & {
      credentials: BackstageCredentials;
    },
  ): Promise<ChainWalk> {
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
    return { root, rootRef, loaded, truncated };
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
