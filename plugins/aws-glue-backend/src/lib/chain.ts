/**
 * Chain nodes and edges from the annotations the AWS Glue catalog module
 * writes (trigger predicate and actions JSON, job/crawler lineage JSON). Pure.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  GLUE_ANNOTATIONS,
  GlueChainEdge,
  GlueChainNode,
  getGlueResourceKind,
  parseGlueArn,
} from '@aws-glue-backstage/plugin-aws-glue-common';

interface Condition {
  JobName?: string;
  State?: string;
  CrawlerName?: string;
  CrawlState?: string;
}

interface Predicate {
  Logical?: string;
  Conditions?: Condition[];
}

interface Action {
  JobName?: string;
  CrawlerName?: string;
}

interface LineageEdge {
  direction?: string;
  location?: string;
  entityRef?: string;
  source?: string;
}

function parseJson<T>(value: string | undefined): T | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

const annotation = (entity: Entity, key: string) =>
  entity.metadata.annotations?.[key];

/** The trigger predicate of a trigger entity, if it has a valid one. */
export function predicateOf(entity: Entity): Predicate | undefined {
  const predicate = parseJson<Predicate>(
    annotation(entity, GLUE_ANNOTATIONS.triggerPredicate),
  );
  return predicate && typeof predicate === 'object' ? predicate : undefined;
}

/**
 * The label of a condition edge: the watched state, prefixed with the
 * predicate's logical operator when there are several conditions
 * (`"AND: SUCCEEDED"`, `"ANY: FAILED"`, `"SUCCEEDED"`).
 */
export function conditionLabel(
  state: string,
  logical: string | undefined,
  conditionCount: number,
): string {
  return conditionCount > 1 ? `${logical ?? 'AND'}: ${state}` : state;
}

/** A chain node for a loaded entity. */
export function chainNodeOf(
  ref: string,
  entity: Entity,
  depth: number,
): GlueChainNode {
  const kind = getGlueResourceKind(entity);
  const node: GlueChainNode = {
    id: ref,
    kind:
      kind === 'job' ||
      kind === 'trigger' ||
      kind === 'crawler' ||
      kind === 'dataset'
        ? kind
        : 'other',
    title: entity.metadata.title ?? entity.metadata.name,
    depth,
  };
  if (kind === 'trigger') {
    const logical = predicateOf(entity)?.Logical;
    const trigger: NonNullable<GlueChainNode['trigger']> = {};
    const type = annotation(entity, GLUE_ANNOTATIONS.triggerType);
    const state = annotation(entity, GLUE_ANNOTATIONS.triggerState);
    const schedule = annotation(entity, GLUE_ANNOTATIONS.triggerSchedule);
    if (type) trigger.type = type;
    if (state) trigger.state = state;
    if (schedule) trigger.schedule = schedule;
    if (logical === 'AND' || logical === 'ANY') trigger.logical = logical;
    if (entity.metadata.description) {
      trigger.description = entity.metadata.description;
    }
    node.trigger = trigger;
  }
  return node;
}

/** Where a synced entity lives: account and region. */
function locationOf(entity: Entity): { accountId?: string; region?: string } {
  const arn = annotation(entity, ANNOTATION_AWS_ARN);
  const parsed = arn ? parseGlueArn(arn) : undefined;
  return {
    accountId:
      parsed?.accountId ?? annotation(entity, ANNOTATION_AWS_ACCOUNT_ID),
    region: annotation(entity, GLUE_ANNOTATIONS.region) ?? parsed?.region,
  };
}

const nameKey = (
  kind: 'job' | 'crawler',
  name: string,
  where: { accountId?: string; region?: string },
) => `${kind}|${where.accountId ?? ''}|${where.region ?? ''}|${name}`;

/**
 * The edges among `nodes`, pointing downstream:
 *
 * - trigger predicates: watched job/crawler → trigger (`condition`, labelled
 *   with the state, and the logical operator when there are several);
 * - trigger actions: trigger → started job/crawler (`action`, `starts`);
 * - lineage: writer → dataset (`writes`) and dataset → reader (`reads`).
 *
 * Glue names are mapped to entity refs through the loaded nodes' Glue name
 * annotation, account and region. Only edges whose both ends are nodes.
 */
export function chainEdges(
  nodes: { ref: string; entity: Entity }[],
  normalizeRef: (ref: string) => string | undefined,
): GlueChainEdge[] {
  const refs = new Set(nodes.map(n => n.ref));
  const byName = new Map<string, string>();
  for (const { ref, entity } of nodes) {
    const kind = getGlueResourceKind(entity);
    const name = annotation(entity, GLUE_ANNOTATIONS.name);
    if ((kind === 'job' || kind === 'crawler') && name) {
      byName.set(nameKey(kind, name, locationOf(entity)), ref);
    }
  }

  const edges: GlueChainEdge[] = [];
  const seen = new Set<string>();
  const add = (edge: GlueChainEdge) => {
    const key = `${edge.from}>${edge.to}>${edge.kind}>${edge.label}`;
    if (edge.from === edge.to || seen.has(key)) return;
    if (!refs.has(edge.from) || !refs.has(edge.to)) return;
    seen.add(key);
    edges.push(edge);
  };

  for (const { ref, entity } of nodes) {
    const kind = getGlueResourceKind(entity);
    if (kind === 'trigger') {
      const where = locationOf(entity);
      const refOf = (target: { JobName?: string; CrawlerName?: string }) => {
        if (target.JobName) {
          return byName.get(nameKey('job', target.JobName, where));
        }
        if (target.CrawlerName) {
          return byName.get(nameKey('crawler', target.CrawlerName, where));
        }
        return undefined;
      };
      const predicate = predicateOf(entity);
      const conditions = Array.isArray(predicate?.Conditions)
        ? predicate!.Conditions
        : [];
      for (const condition of conditions) {
        const from = refOf(condition);
        const state = condition.State ?? condition.CrawlState;
        if (!from || !state) continue;
        add({
          from,
          to: ref,
          kind: 'condition',
          label: conditionLabel(state, predicate?.Logical, conditions.length),
          state,
        });
      }
      const actions = parseJson<Action[]>(
        annotation(entity, GLUE_ANNOTATIONS.triggerActions),
      );
      for (const action of Array.isArray(actions) ? actions : []) {
        const to = refOf(action);
        if (to) add({ from: ref, to, kind: 'action', label: 'starts' });
      }
    } else if (kind === 'job' || kind === 'crawler') {
      const lineage = parseJson<LineageEdge[]>(
        annotation(entity, GLUE_ANNOTATIONS.lineage),
      );
      for (const edge of Array.isArray(lineage) ? lineage : []) {
        const dataset = edge.entityRef
          ? normalizeRef(edge.entityRef)
          : undefined;
        if (!dataset) continue;
        const source = edge.source ? { source: edge.source } : {};
        if (edge.direction === 'output') {
          add({
            from: ref,
            to: dataset,
            kind: 'lineage',
            label: 'writes',
            ...source,
          });
        } else if (edge.direction === 'input') {
          add({
            from: dataset,
            to: ref,
            kind: 'lineage',
            label: 'reads',
            ...source,
          });
        }
      }
    }
  }
  return edges;
}
