import { Entity } from '@backstage/catalog-model';
import { GLUE_ANNOTATIONS } from './annotations';
import {
  AnnotationReadResult,
  GlueJobArguments,
  GlueLineageEdge,
  GlueTriggerAction,
  GlueTriggerPredicate,
  describePredicate,
  joinWords,
  readGlueJobDefaultArguments,
  readGlueLineage,
  readGlueTriggerActions,
  readGlueTriggerPredicate,
  writeGlueJobDefaultArguments,
  writeGlueLineage,
  writeGlueTriggerActions,
  writeGlueTriggerPredicate,
  readGlueJobMaxRetries,
} from './annotationValues';

const entityWith = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'x', annotations },
});

interface Reader<T> {
  name: string;
  key: string;
  read: (entity: Entity) => AnnotationReadResult<T>;
  write: (value: T) => string;
  valid: T;
  /** Annotation text, the value read, and the problem (a regexp), if any. */
  cases: [string, string, T | undefined, RegExp | undefined][];
}

const predicate: Reader<GlueTriggerPredicate> = {
  name: 'trigger predicate',
  key: GLUE_ANNOTATIONS.triggerPredicate,
  read: readGlueTriggerPredicate,
  write: writeGlueTriggerPredicate,
  valid: {
    Logical: 'ANY',
    Conditions: [
      { LogicalOperator: 'EQUALS', JobName: 'a', State: 'SUCCEEDED' },
      { LogicalOperator: 'EQUALS', CrawlerName: 'c', CrawlState: 'FAILED' },
    ],
  },
  cases: [
    ['null', 'null', undefined, /: not a Glue predicate$/],
    ['a list', '[null]', undefined, /: not a Glue predicate$/],
    [
      'a null condition',
      '{"Conditions":[null]}',
      { Conditions: [] },
      /: dropped 1 of 1 conditions that did not parse$/,
    ],
    [
      'a null condition among valid ones',
      '{"Logical":"AND","Conditions":[null,{"JobName":"a","State":"FAILED"}]}',
      { Logical: 'AND', Conditions: [{ JobName: 'a', State: 'FAILED' }] },
      /: dropped 1 of 2 conditions/,
    ],
    [
      'conditions that are not a list',
      '{"Conditions":{"JobName":"a"}}',
      undefined,
      /: not a Glue predicate$/,
    ],
    [
      'an unknown Logical',
      '{"Logical":"OR","Conditions":[]}',
      undefined,
      /: not a Glue predicate$/,
    ],
    [
      'conditions of the wrong types',
      '{"Conditions":[{"JobName":1,"State":"SUCCEEDED"},{"JobName":"a","State":"DONE"},{"JobName":"b","LogicalOperator":"LIKE"},{"State":"SUCCEEDED"},{"JobName":"ok"}]}',
      { Conditions: [{ JobName: 'ok' }] },
      /: dropped 4 of 5 conditions/,
    ],
    [
      'extra keys',
      '{"Logical":"AND","Extra":1,"Conditions":[{"JobName":"a","State":"SUCCEEDED","Extra":[1]}]}',
      { Logical: 'AND', Conditions: [{ JobName: 'a', State: 'SUCCEEDED' }] },
      undefined,
    ],
    ['no conditions', '{}', {}, undefined],
  ],
};

const actions: Reader<GlueTriggerAction[]> = {
  name: 'trigger actions',
  key: GLUE_ANNOTATIONS.triggerActions,
  read: readGlueTriggerActions,
  write: writeGlueTriggerActions,
  valid: [
    {
      JobName: 'b',
      Arguments: { '--x': '1', '--secret': '<redacted>' },
      Timeout: 30,
    },
    { CrawlerName: 'c' },
  ],
  cases: [
    ['null', 'null', undefined, /: not a list of Glue trigger actions$/],
    ['an object', '{}', undefined, /: not a list of Glue trigger actions$/],
    [
      'a null action',
      '[null]',
      [],
      /: dropped 1 of 1 actions that did not parse$/,
    ],
    [
      'a null action among valid ones',
      '[null,{"JobName":"b"}]',
      [{ JobName: 'b' }],
      /: dropped 1 of 2 actions/,
    ],
    [
      'actions of the wrong types',
      '[{"JobName":1},{"JobName":"a","Arguments":{"--n":1}},{"JobName":"a","Arguments":["x"]},{"JobName":"a","Timeout":"5"},{"Arguments":{}},"b",{"JobName":"ok"}]',
      [{ JobName: 'ok' }],
      /: dropped 6 of 7 actions/,
    ],
    [
      'extra keys',
      '[{"JobName":"b","SecurityConfiguration":"s","NotificationProperty":{}}]',
      [{ JobName: 'b' }],
      undefined,
    ],
    ['an empty list', '[]', [], undefined],
  ],
};

const lineage: Reader<GlueLineageEdge[]> = {
  name: 'lineage',
  key: GLUE_ANNOTATIONS.lineage,
  read: readGlueLineage,
  write: writeGlueLineage,
  valid: [
    {
      direction: 'input',
      location: 's3://a/in/',
      entityRef: 'resource:default/s3-a-in',
      source: 'default-argument:--input',
    },
    {
      direction: 'output',
      location: 'glue://db/t',
      entityRef: 'resource:default/glue-db-t',
      source: 'visual-node:node-1',
    },
  ],
  cases: [
    ['null', 'null', undefined, /: not a list of lineage edges$/],
    ['an object', '{"direction":"input"}', undefined, /: not a list/],
    [
      'a null edge',
      '[null]',
      [],
      /: dropped 1 of 1 lineage edges that did not parse$/,
    ],
    [
      'edges of the wrong types',
      '[{"direction":"sideways","location":"x"},{"direction":"input"},{"direction":"input","location":1},{"direction":"input","location":"x","entityRef":5},{"direction":"output","location":"s3://a/"}]',
      [{ direction: 'output', location: 's3://a/' }],
      /: dropped 4 of 5 lineage edges/,
    ],
    [
      'extra keys',
      '[{"direction":"input","location":"s3://a/","entityRef":"resource:default/a","weight":3}]',
      [
        {
          direction: 'input',
          location: 's3://a/',
          entityRef: 'resource:default/a',
        },
      ],
      undefined,
    ],
  ],
};

const defaultArguments: Reader<GlueJobArguments> = {
  name: 'job default arguments',
  key: GLUE_ANNOTATIONS.jobDefaultArguments,
  read: readGlueJobDefaultArguments,
  write: writeGlueJobDefaultArguments,
  valid: { '--input': 's3://a/in/', '--db-password': '<redacted>' },
  cases: [
    ['null', 'null', undefined, /: not an object of job arguments$/],
    ['a list', '[null]', undefined, /: not an object of job arguments$/],
    ['a string', '"x"', undefined, /: not an object of job arguments$/],
    [
      'arguments of the wrong types',
      '{"--a":"1","--b":2,"--c":null,"--d":{"x":"y"}}',
      { '--a': '1' },
      /: dropped 3 of 4 arguments that did not parse$/,
    ],
  ],
};

describe.each([predicate, actions, lineage, defaultArguments] as Reader<any>[])(
  'the $name annotation',
  ({ key, read, write, valid, cases }) => {
    it('round-trips a valid value through write and read', () => {
      const text = write(valid);
      expect(text).toBe(JSON.stringify(valid));
      expect(read(entityWith({ [key]: text }))).toEqual({ value: valid });
    });

    it('reads nothing, and no problem, when the annotation is absent or empty', () => {
      expect(read(entityWith({}))).toEqual({});
      expect(read(entityWith({ [key]: '  ' }))).toEqual({});
      expect(
        read({ apiVersion: 'v1', kind: 'Resource', metadata: { name: 'x' } }),
      ).toEqual({});
    });

    it('reports malformed JSON, naming the annotation', () => {
      const result = read(entityWith({ [key]: '{oops' }));
      expect(result.value).toBeUndefined();
      expect(result.problem).toMatch(
        new RegExp(`^${key.replace(/[.]/g, '\\.')}: not valid JSON \\(.+\\)$`),
      );
      expect(result.reason).toMatch(/^not valid JSON/);
    });

    it.each(cases)('%s', (_, text, value, problem) => {
      const result = read(entityWith({ [key]: text }));
      expect(result.value).toEqual(value);
      // no problem: neither problem nor reason
      expect(result.problem ?? '').toMatch(problem ?? /^$/);
      expect(result.problem).toBe(
        result.reason === undefined ? undefined : `${key}: ${result.reason}`,
      );
    });
  },
);

describe('the trigger predicate of the AWS SDK', () => {
  it('is written as it is today, key order included', () => {
    const sdk = {
      Logical: 'AND' as const,
      Conditions: [
        {
          LogicalOperator: 'EQUALS' as const,
          JobName: 'triggering_job',
          State: 'SUCCEEDED' as const,
        },
      ],
    };
    expect(writeGlueTriggerPredicate(sdk)).toBe(
      '{"Logical":"AND","Conditions":[{"LogicalOperator":"EQUALS","JobName":"triggering_job","State":"SUCCEEDED"}]}',
    );
  });
});

describe('joinWords', () => {
  it.each<[string[], string | undefined, string]>([
    [[], undefined, ''],
    [['a'], undefined, 'a'],
    [['a', 'b'], undefined, 'a and b'],
    [['a', 'b', 'c'], 'or', 'a, b or c'],
  ])('%j %s → %s', (words, conjunction, expected) => {
    expect(joinWords(words, conjunction)).toBe(expected);
  });
});

describe('describePredicate', () => {
  it.each<[GlueTriggerPredicate | undefined, string | undefined]>([
    [undefined, undefined],
    [{}, undefined],
    [{ Conditions: [] }, undefined],
    [{ Conditions: [{ JobName: 'a', State: 'TIMEOUT' }] }, 'a TIMEOUT'],
    [
      {
        Logical: 'ANY',
        Conditions: [{ JobName: 'a', State: 'FAILED' }, { JobName: 'b' }],
      },
      'a FAILED or b ?',
    ],
    [
      {
        Logical: 'AND',
        Conditions: [
          { JobName: 'a', State: 'SUCCEEDED' },
          { CrawlerName: 'c', CrawlState: 'FAILED' },
          { CrawlerName: 'd' },
        ],
      },
      'a SUCCEEDED, crawler c FAILED and crawler d ?',
    ],
  ])('%j → %j', (value, expected) => {
    expect(describePredicate(value)).toBe(expected);
  });
});

describe('readGlueJobMaxRetries', () => {
  const withRetries = (value?: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'job',
      annotations:
        value === undefined ? {} : { [GLUE_ANNOTATIONS.jobMaxRetries]: value },
    },
  });

  it('reads Glue’s 0-10 and nothing else', () => {
    expect(readGlueJobMaxRetries(withRetries('0'))).toBe(0);
    expect(readGlueJobMaxRetries(withRetries('3'))).toBe(3);
    expect(readGlueJobMaxRetries(withRetries('11'))).toBeUndefined();
    expect(readGlueJobMaxRetries(withRetries('-1'))).toBeUndefined();
    expect(readGlueJobMaxRetries(withRetries('2.5'))).toBeUndefined();
    expect(readGlueJobMaxRetries(withRetries('many'))).toBeUndefined();
    expect(readGlueJobMaxRetries(withRetries())).toBeUndefined();
  });
});
