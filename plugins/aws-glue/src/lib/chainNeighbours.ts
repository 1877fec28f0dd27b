import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  GLUE_ANNOTATIONS,
  getGlueResourceKind,
  GlueChainResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { readTriggerActions } from './annotations';
import {
  describeSchedule,
  plainDescription,
  withoutRepeatedSentences,
} from './format';

/** What starts or is started by a job, one line each. */
export interface ChainLine {
  key: string;
  entityRef?: string;
  title: string;
  detail?: string;
}

const joinDetail = (parts: (string | undefined | false)[]) =>
  parts.filter(Boolean).join(' ');

/** True when the trigger entity starts the job (or does not say what it starts). */
export function startsJob(trigger: Entity, jobName: string): boolean {
  if (getGlueResourceKind(trigger) !== 'trigger') return false;
  const actions = readTriggerActions(trigger);
  return (
    !actions?.value ||
    actions.value.some(a => a.kind === 'job' && a.name === jobName)
  );
}

/** The "Started by" line of a trigger entity from the catalog. */
export function triggerLine(trigger: Entity): ChainLine {
  const annotations = trigger.metadata.annotations ?? {};
  const schedule = describeSchedule(
    annotations[GLUE_ANNOTATIONS.triggerSchedule],
  );
  const state = annotations[GLUE_ANNOTATIONS.triggerState];
  const ref = stringifyEntityRef(trigger);
  return {
    key: ref,
    entityRef: ref,
    title: trigger.metadata.title ?? trigger.metadata.name,
    detail: joinDetail([
      plainDescription(trigger.metadata.description),
      schedule && `(${schedule})`,
      state && state !== 'ACTIVATED' && state !== 'CREATED' && `[${state}]`,
    ]),
  };
}

/** Upstream triggers and downstream jobs from the chain route. */
export function chainNeighbours(chain: GlueChainResponse): {
  startedBy: ChainLine[];
  starts: ChainLine[];
} {
  const nodes = new Map(chain.nodes.map(n => [n.id, n]));
  const startedBy: ChainLine[] = [];
  const starts: ChainLine[] = [];
  for (const edge of chain.edges) {
    const from = nodes.get(edge.from);
    if (edge.to === chain.root && from?.kind === 'trigger') {
      const schedule = describeSchedule(from.trigger?.schedule);
      const description = from.trigger?.description;
      startedBy.push({
        key: from.id,
        entityRef: from.id,
        title: from.title,
        detail: joinDetail([
          // the chain route has unescaped it already
          description
            ? withoutRepeatedSentences(description)
            : from.trigger?.type && `${from.trigger.type} trigger`,
          schedule && `(${schedule})`,
        ]),
      });
    }
    if (edge.from !== chain.root) continue;
    const middle = nodes.get(edge.to);
    if (!middle) continue;
    if (middle.kind === 'job' || middle.kind === 'crawler') {
      starts.push({
        key: `${middle.id}:${edge.label}`,
        entityRef: middle.id,
        title: middle.title,
        detail: edge.label,
      });
      continue;
    }
    for (const next of chain.edges.filter(e => e.from === middle.id)) {
      const target = nodes.get(next.to);
      if (!target || target.id === chain.root) continue;
      if (target.kind !== 'job' && target.kind !== 'crawler') continue;
      starts.push({
        key: `${target.id}:${middle.id}`,
        entityRef: target.id,
        title: target.title,
        detail:
          middle.kind === 'trigger'
            ? `via trigger ${middle.title} (${edge.label})`
            : `reads ${middle.title}`,
      });
    }
  }
  return { startedBy, starts };
}
