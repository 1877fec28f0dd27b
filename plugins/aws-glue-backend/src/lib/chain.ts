/**
 * Chain nodes and edges from the annotations the AWS Glue catalog module
 * writes (trigger predicate and actions JSON, job/crawler lineage JSON). Pure.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  AnnotationReadResult,
  getGlueResourceKind,
  GLUE_ANNOTATIONS,
  GlueChainEdge,
  GlueChainNode,
  parseGlueArn,
  readGlueLineage,
  readGlueTriggerActions,
  readGlueTriggerPredicate,
  unescapeMarkdown,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** A structured annotation of a chain entity that did not (wholly) parse. */
export interface AnnotationProblem {
  entityRef: string;
  /** The annotation key. */
  annotation: string;
  /** What was wrong, naming the annotation. */
  problem: string;
}

const annotation = (entity: Entity, key: string) =>
  entity.metadata.annotations?.[key];

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

/**
 * A chain node for a loaded entity. Annotations that do not parse are left
 * out silently here; {@link chainEdges} reports them.
 */
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
    const logical = readGlueTriggerPredicate(entity).value?.Logical;
    const trigger: NonNullable<GlueChainNode['trigger']> = {};
    const type = annotation(entity, GLUE_ANNOTATIONS.triggerType);
    const state = annotation(entity, GLUE_ANNOTATIONS.triggerState);
    const schedule = annotation(entity, GLUE_ANNOTATIONS.triggerSchedule);
    if (type) trigger.type = type;
    if (state) trigger.state = state;
    if (schedule) trigger.schedule = schedule;
    if (logical) trigger.logical = logical;
    if (entity.metadata.description) {
      // the API's descriptions are plain text; the entity's is Markdown
      trigger.description = unescapeMarkdown(entity.metadata.description);
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
 *
 * Anyone can register an entity with these annotations: what does not parse
 * is left out (the rest of the annotation is used) and passed to `onProblem`.
 */
export function chainEdges(
  nodes: { ref: string; entity: Entity }[],
  normalizeRef: (ref: string) => string | undefined,
  onProblem: (problem: AnnotationProblem) => void = () => {},
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
    const read = <T>(
      key: string,
      reader: (e: Entity) => AnnotationReadResult<T>,
    ): T | undefined => {
      const { value, problem } = reader(entity);
      if (problem) onProblem({ entityRef: ref, annotation: key, problem });
      return value;
    };
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
      const predicate = read(
        GLUE_ANNOTATIONS.triggerPredicate,
        readGlueTriggerPredicate,
      );
      const conditions = predicate?.Conditions ?? [];
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
      const actions = read(
        GLUE_ANNOTATIONS.triggerActions,
        readGlueTriggerActions,
      );
      for (const action of actions ?? []) {
        const to = refOf(action);
        if (to) add({ from: ref, to, kind: 'action', label: 'starts' });
      }
    } else if (kind === 'job' || kind === 'crawler') {
      const lineage = read(GLUE_ANNOTATIONS.lineage, readGlueLineage);
      for (const edge of lineage ?? []) {
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
        } else {
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
