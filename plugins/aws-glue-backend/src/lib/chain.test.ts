import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { GLUE_ANNOTATIONS as A } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  brokenEntities,
  freshersChain,
  jobEntity,
  triggerEntity,
} from '../__fixtures__/entities';
import {
  AnnotationProblem,
  chainEdges,
  chainNodeOf,
  conditionLabel,
} from './chain';

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

  it('reports malformed annotations', () => {
    const broken = triggerEntity('broken', {
      type: 'CONDITIONAL',
      actions: [],
    });
    broken.metadata.annotations![A.triggerPredicate] = '{nope';
    broken.metadata.annotations![A.triggerActions] = '"x"';
    const problems: AnnotationProblem[] = [];
    chainEdges(nodesOf([broken]), normalize, p => problems.push(p));
    expect(problems).toEqual([
      {
        entityRef: 'resource:default/trigger-broken',
        annotation: A.triggerPredicate,
        problem: expect.stringMatching(
          /^aws\.amazon\.com\/aws-glue-trigger-predicate: not valid JSON/,
        ),
      },
      {
        entityRef: 'resource:default/trigger-broken',
        annotation: A.triggerActions,
        problem:
          'aws.amazon.com/aws-glue-trigger-actions: not a list of Glue trigger actions',
      },
    ]);
  });

  it('keeps the chain around entities with null conditions, actions and lineage edges, reporting each', () => {
    const chain = freshersChain();
    const broken = brokenEntities(chain.a);
    const problems: AnnotationProblem[] = [];
    const edges = chainEdges(
      nodesOf([...chain.entities, ...broken.entities]),
      normalize,
      p => problems.push(p),
    );
    expect(edges).toEqual(chainEdges(nodesOf(chain.entities), normalize));
    expect(edges).toHaveLength(8);
    expect(problems.map(p => [p.entityRef, p.annotation])).toEqual(
      broken.problems,
    );
    for (const { entity } of nodesOf(broken.entities)) {
      expect(() => chainNodeOf('x', entity, 1)).not.toThrow();
    }
  });

  it('keeps the valid entries next to the ones that do not parse', () => {
    const chain = freshersChain();
    const t = chain.t;
    t.metadata.annotations![A.triggerPredicate] = JSON.stringify({
      Logical: 'AND',
      Conditions: [null, { JobName: 'triggering_job', State: 'SUCCEEDED' }],
    });
    t.metadata.annotations![A.triggerActions] = JSON.stringify([
      'x',
      { JobName: 'freshers_in_dependent_job' },
    ]);
    chain.a.metadata.annotations![A.lineage] = JSON.stringify([
      { direction: 'output' },
      {
        direction: 'output',
        location: 's3://freshers-in/staging/triggering/',
        entityRef: stringifyEntityRef(chain.staging),
      },
    ]);
    const problems: AnnotationProblem[] = [];
    const edges = chainEdges(
      nodesOf([chain.a, chain.t, chain.b, chain.staging]),
      normalize,
      p => problems.push(p),
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        {
          from: stringifyEntityRef(chain.a),
          to: stringifyEntityRef(chain.t),
          kind: 'condition',
          // two conditions written, one of them unreadable
          label: 'SUCCEEDED',
          state: 'SUCCEEDED',
        },
        {
          from: stringifyEntityRef(chain.t),
          to: stringifyEntityRef(chain.b),
          kind: 'action',
          label: 'starts',
        },
        {
          from: stringifyEntityRef(chain.a),
          to: stringifyEntityRef(chain.staging),
          kind: 'lineage',
          label: 'writes',
        },
      ]),
    );
    expect(problems.map(p => p.problem)).toEqual([
      'aws.amazon.com/aws-glue-lineage: dropped 1 of 2 lineage edges that did not parse',
      'aws.amazon.com/aws-glue-trigger-predicate: dropped 1 of 2 conditions that did not parse',
      'aws.amazon.com/aws-glue-trigger-actions: dropped 1 of 2 actions that did not parse',
    ]);
  });
});
