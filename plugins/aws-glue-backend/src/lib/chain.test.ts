import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  freshersChain,
  jobEntity,
  triggerEntity,
} from '../__fixtures__/entities';
import { chainEdges, chainNodeOf, conditionLabel } from './chain';

const normalize = (ref: string) => stringifyEntityRef(parseEntityRef(ref));
const nodesOf = (entities: Entity[]) =>
  entities.map(entity => ({ ref: stringifyEntityRef(entity), entity }));

describe('conditionLabel', () => {
  it.each([
    ['SUCCEEDED', 'AND', 1, 'SUCCEEDED'],
    ['SUCCEEDED', undefined, 1, 'SUCCEEDED'],
    ['SUCCEEDED', 'AND', 2, 'AND: SUCCEEDED'],
    ['FAILED', 'ANY', 2, 'ANY: FAILED'],
    ['FAILED', undefined, 3, 'AND: FAILED'],
  ])('%s / %s / %d conditions → %s', (state, logical, count, label) => {
    expect(conditionLabel(state, logical, count)).toBe(label);
  });
});

describe('chainNodeOf', () => {
  it('describes trigger nodes from their annotations', () => {
    const { t } = freshersChain();
    expect(chainNodeOf('resource:default/trigger-x', t, 1)).toEqual({
      id: 'resource:default/trigger-x',
      kind: 'trigger',
      title: 'start-freshers-in-dependent-job',
      depth: 1,
      trigger: {
        type: 'CONDITIONAL',
        state: 'ACTIVATED',
        logical: 'AND',
        description: 'when triggering_job SUCCEEDED',
      },
    });
    const scheduled = triggerEntity('nightly', {
      type: 'SCHEDULED',
      schedule: 'cron(15 2 * * ? *)',
      actions: [{ JobName: 'x' }],
    });
    expect(chainNodeOf('r', scheduled, 2).trigger).toEqual({
      type: 'SCHEDULED',
      state: 'ACTIVATED',
      schedule: 'cron(15 2 * * ? *)',
    });
  });

  it.each([
    ['job', jobEntity('a')],
    ['dataset', freshersChain().staging],
  ])('kind %s', (kind, entity) => {
    expect(chainNodeOf('x', entity, 0).kind).toBe(kind);
  });

  it("gives entities that are not Glue resources kind 'other' and their name as title", () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'hand-written' },
      spec: {},
    };
    expect(chainNodeOf('component:default/hand-written', entity, 0)).toEqual({
      id: 'component:default/hand-written',
      kind: 'other',
      title: 'hand-written',
      depth: 0,
    });
  });
});

describe('chainEdges', () => {
  it('derives condition, action and lineage edges among the nodes', () => {
    const chain = freshersChain();
    const ref = (e: Entity) => stringifyEntityRef(e);
    const edges = chainEdges(nodesOf(chain.entities), normalize);
    expect(edges).toEqual(
      expect.arrayContaining([
        {
          from: ref(chain.a),
          to: ref(chain.t),
          kind: 'condition',
          label: 'SUCCEEDED',
          state: 'SUCCEEDED',
        },
        {
          from: ref(chain.t),
          to: ref(chain.b),
          kind: 'action',
          label: 'starts',
        },
        {
          from: ref(chain.a),
          to: ref(chain.alert),
          kind: 'condition',
          label: 'ANY: FAILED',
          state: 'FAILED',
        },
        {
          from: ref(chain.alert),
          to: ref(chain.alertJob),
          kind: 'action',
          label: 'starts',
        },
        {
          from: ref(chain.a),
          to: ref(chain.staging),
          kind: 'lineage',
          label: 'writes',
          source: 'default-argument:--output',
        },
        {
          from: ref(chain.staging),
          to: ref(chain.b),
          kind: 'lineage',
          label: 'reads',
          source: 'default-argument:--input',
        },
        {
          from: ref(chain.input),
          to: ref(chain.a),
          kind: 'lineage',
          label: 'reads',
          source: 'default-argument:--input',
        },
        {
          from: ref(chain.b),
          to: ref(chain.output),
          kind: 'lineage',
          label: 'writes',
          source: 'default-argument:--output',
        },
      ]),
    );
    // upstream_job (watched by the alert trigger) is not a node: no edge
    expect(edges).toHaveLength(8);
  });

  it('keeps only edges whose ends are both nodes', () => {
    const chain = freshersChain();
    const edges = chainEdges(nodesOf([chain.t, chain.b]), normalize);
    expect(edges).toEqual([
      {
        from: stringifyEntityRef(chain.t),
        to: stringifyEntityRef(chain.b),
        kind: 'action',
        label: 'starts',
      },
    ]);
  });

  it('does not match a job of the same name in another region', () => {
    const chain = freshersChain();
    const otherRegion = jobEntity('freshers_in_dependent_job', {
      name: 'freshers_in_dependent_job-eu-west-1',
      region: 'eu-west-1',
    });
    const edges = chainEdges(nodesOf([chain.t, otherRegion]), normalize);
    expect(edges).toEqual([]);
  });

  it('ignores malformed annotations', () => {
    const broken = triggerEntity('broken', {
      type: 'CONDITIONAL',
      actions: [],
    });
    broken.metadata.annotations!['aws.amazon.com/aws-glue-trigger-predicate'] =
      '{nope';
    broken.metadata.annotations!['aws.amazon.com/aws-glue-trigger-actions'] =
      '"x"';
    expect(chainEdges(nodesOf([broken, jobEntity('a')]), normalize)).toEqual(
      [],
    );
  });
});
