import { Entity } from '@backstage/catalog-model';
import {
  GLUE_ANNOTATIONS,
  describePredicate,
  readGlueTriggerPredicate,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  readLineage,
  readList,
  readTriggerActions,
  readTriggerPredicate,
} from './annotations';
import { crawlerEntity, triggerEntity } from '../__testUtils__/fixtures';

const withAnnotations = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'x', annotations },
});

describe('readTriggerPredicate', () => {
  it('reads jobs and crawlers with their states', () => {
    expect(readTriggerPredicate(triggerEntity)).toEqual({
      value: {
        logical: 'AND',
        conditions: [
          {
            kind: 'job',
            name: 'triggering_job',
            state: 'SUCCEEDED',
            operator: 'EQUALS',
          },
          {
            kind: 'crawler',
            name: 'raw-crawler',
            state: 'SUCCEEDED',
            operator: 'EQUALS',
          },
        ],
      },
    });
  });

  it('defaults to AND and reads ANY', () => {
    const any = withAnnotations({
      [GLUE_ANNOTATIONS.triggerPredicate]: JSON.stringify({
        Logical: 'ANY',
        Conditions: [{ JobName: 'a', State: 'FAILED' }],
      }),
    });
    expect(readTriggerPredicate(any)?.value?.logical).toBe('ANY');
    const none = withAnnotations({
      [GLUE_ANNOTATIONS.triggerPredicate]: JSON.stringify({
        Conditions: [{ JobName: 'a', State: 'FAILED' }],
      }),
    });
    expect(readTriggerPredicate(none)?.value?.logical).toBe('AND');
  });

  it('is undefined without the annotation and reports bad JSON', () => {
    expect(readTriggerPredicate(withAnnotations({}))).toBeUndefined();
    expect(
      readTriggerPredicate(
        withAnnotations({ [GLUE_ANNOTATIONS.triggerPredicate]: '{oops' }),
      )?.error,
    ).toMatch(/^not valid JSON/);
    expect(
      readTriggerPredicate(
        withAnnotations({ [GLUE_ANNOTATIONS.triggerPredicate]: '[1]' }),
      ),
    ).toEqual({ error: 'not a Glue predicate' });
  });
});

describe('readTriggerActions', () => {
  it('reads actions with arguments and timeout', () => {
    expect(readTriggerActions(triggerEntity)).toEqual({
      value: [
        {
          kind: 'job',
          name: 'freshers_in_dependent_job',
          arguments: {
            '--dependency-param': 'from-trigger',
            '--db-password': '<redacted>',
          },
          timeout: 30,
        },
      ],
    });
  });

  it('rejects a non-list', () => {
    expect(
      readTriggerActions(
        withAnnotations({ [GLUE_ANNOTATIONS.triggerActions]: '{}' }),
      ),
    ).toEqual({ error: 'not a list of Glue trigger actions' });
  });
});

describe('readLineage', () => {
  it('reads lineage edges and drops malformed ones', () => {
    expect(readLineage(crawlerEntity)?.value).toEqual([
      {
        direction: 'input',
        location: 's3://acme-curated/orders-aggregate/',
        entityRef: 'resource:default/s3-acme-curated-orders-aggregate',
        source: 'crawler-target',
      },
    ]);
    expect(
      readLineage(
        withAnnotations({
          [GLUE_ANNOTATIONS.lineage]: JSON.stringify([
            { direction: 'sideways', location: 'x' },
            { direction: 'output', location: 's3://a/' },
          ]),
        }),
      )?.value,
    ).toEqual([{ direction: 'output', location: 's3://a/' }]);
  });
});

describe('readList and describePredicate', () => {
  it('splits comma lists', () => {
    expect(
      readList(
        withAnnotations({ [GLUE_ANNOTATIONS.workflows]: ' a, b ,,c' }),
        GLUE_ANNOTATIONS.workflows,
      ),
    ).toEqual(['a', 'b', 'c']);
  });

  it('says the predicate in words', () => {
    expect(
      describePredicate(readGlueTriggerPredicate(triggerEntity).value),
    ).toBe('triggering_job SUCCEEDED and crawler raw-crawler SUCCEEDED');
    expect(
      describePredicate({
        Logical: 'ANY',
        Conditions: [
          { JobName: 'a', State: 'FAILED', LogicalOperator: 'EQUALS' },
          { JobName: 'a', State: 'TIMEOUT', LogicalOperator: 'EQUALS' },
        ],
      }),
    ).toBe('a FAILED or a TIMEOUT');
  });
});

describe('annotations with entries that do not parse', () => {
  it('leaves out null conditions, actions and lineage edges and keeps the rest', () => {
    const entity = withAnnotations({
      [GLUE_ANNOTATIONS.triggerPredicate]: '{"Conditions":[null]}',
      [GLUE_ANNOTATIONS.triggerActions]: '[null,{"JobName":"b"}]',
      [GLUE_ANNOTATIONS.lineage]: '[null]',
    });
    expect(readTriggerPredicate(entity)).toEqual({
      value: { logical: 'AND', conditions: [] },
    });
    expect(readTriggerActions(entity)).toEqual({
      value: [{ kind: 'job', name: 'b', arguments: {} }],
    });
    expect(readLineage(entity)).toEqual({ value: [] });
  });

  it('reports a value of the wrong shape as a whole', () => {
    const entity = withAnnotations({
      [GLUE_ANNOTATIONS.triggerPredicate]: 'null',
      [GLUE_ANNOTATIONS.triggerActions]: 'null',
      [GLUE_ANNOTATIONS.lineage]: '{"direction":"input"}',
    });
    expect(readTriggerPredicate(entity)).toEqual({
      error: 'not a Glue predicate',
    });
    expect(readTriggerActions(entity)).toEqual({
      error: 'not a list of Glue trigger actions',
    });
    expect(readLineage(entity)).toEqual({
      error: 'not a list of lineage edges',
    });
  });
});
