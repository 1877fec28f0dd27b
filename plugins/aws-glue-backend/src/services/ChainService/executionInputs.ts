import { Entity } from '@backstage/catalog-model';
import {
  GlueWorkflowRun,
  GLUE_ANNOTATIONS,
  getGlueResourceKind,
  GlueChainEdge,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * Job entity ref -> the job entity refs its end starts: a `condition` edge
 * (job -> trigger) followed by the trigger's `action` edges (trigger -> job).
 * Pure.
 */
export function downstreamJobs(
  edges: GlueChainEdge[],
  isJob: (ref: string) => boolean,
): Map<string, string[]> {
  const actions = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.kind === 'action' && isJob(edge.to)) {
      actions.set(edge.from, [...(actions.get(edge.from) ?? []), edge.to]);
    }
  }
  const downstream = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.kind !== 'condition' || !isJob(edge.from)) continue;
    const next = downstream.get(edge.from) ?? [];
    for (const to of actions.get(edge.to) ?? []) {
      if (!next.includes(to) && to !== edge.from) next.push(to);
    }
    downstream.set(edge.from, next);
  }
  return downstream;
}

/** Glue trigger name -> type, from the chain's trigger entities. Pure. */
export function triggerTypesOf(entities: Entity[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const entity of entities) {
    if (getGlueResourceKind(entity) !== 'trigger') continue;
    const annotations = entity.metadata.annotations ?? {};
    const name = annotations[GLUE_ANNOTATIONS.name] ?? entity.metadata.name;
    const type = annotations[GLUE_ANNOTATIONS.triggerType];
    if (type) types.set(name, type);
  }
  return types;
}

/**
 * The job refs in upstream-first order: a job before the jobs its end
 * starts (Kahn's order; a cycle's jobs last), name order among equals. Pure.
 */
export function upstreamFirst(
  refs: string[],
  downstream: ReadonlyMap<string, readonly string[]>,
): string[] {
  const wanted = new Set(refs);
  const incoming = new Map(refs.map(ref => [ref, 0]));
  for (const from of refs) {
    for (const to of downstream.get(from) ?? []) {
      if (wanted.has(to)) incoming.set(to, incoming.get(to)! + 1);
    }
  }
  const ready = refs.filter(ref => incoming.get(ref) === 0).sort();
  const ordered: string[] = [];
  while (ready.length > 0) {
    const ref = ready.shift()!;
    ordered.push(ref);
    for (const to of downstream.get(ref) ?? []) {
      if (!wanted.has(to)) continue;
      incoming.set(to, incoming.get(to)! - 1);
      if (incoming.get(to) === 0) {
        ready.push(to);
        ready.sort();
      }
    }
  }
  const rest = refs.filter(ref => !ordered.includes(ref)).sort();
  return [...ordered, ...rest];
}

/** The job names of a workflow run's graph, upstream first (breadth-first from the nodes nothing points at). Pure. */
export function workflowJobOrder(run: GlueWorkflowRun): string[] {
  const next = new Map<string, string[]>();
  const pointed = new Set<string>();
  for (const edge of run.edges) {
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    pointed.add(edge.to);
  }
  const queue = run.nodes.filter(n => !pointed.has(n.id)).map(n => n.id);
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    for (const to of next.get(queue[i]) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  const byId = new Map(run.nodes.map(n => [n.id, n]));
  return queue.flatMap(id => {
    const node = byId.get(id);
    return node?.type === 'JOB' ? [node.name] : [];
  });
}
