import { globToRegExp } from '@aws-glue-backstage/plugin-aws-glue-node';
import {
  ArgumentLineageMatcher,
  DatasetReference,
  dedupeReferences,
  DEFAULT_INPUT_ARGUMENT_PATTERNS,
  DEFAULT_OUTPUT_ARGUMENT_PATTERNS,
  jdbcLocation,
  lineageFromCrawlerTargets,
  lineageFromVisualNodes,
  normalizeS3Uri,
  tableLocation,
} from './lineage';

describe('normalizeS3Uri', () => {
  it.each([
    ['s3://freshers-in/output-data/', 's3://freshers-in/output-data/'],
    ['s3://freshers-in/output-data', 's3://freshers-in/output-data/'],
    ['  s3://freshers-in/output-data  ', 's3://freshers-in/output-data/'],
    ['S3://Freshers-In/Output-Data', 's3://freshers-in/Output-Data/'],
    ['s3a://bucket/path', 's3://bucket/path/'],
    ['s3n://bucket/path/', 's3://bucket/path/'],
    ['s3://bucket', 's3://bucket/'],
    ['s3://bucket/', 's3://bucket/'],
    ['s3://bucket//a///b', 's3://bucket/a/b/'],
    ['s3://bucket/raw/*.csv', 's3://bucket/raw/'],
    ['s3://bucket/raw/2024-*/part', 's3://bucket/raw/'],
    ['s3://bucket/raw/file?.csv', 's3://bucket/raw/'],
    ['s3://bucket/raw/[0-9]/x', 's3://bucket/raw/'],
    ['s3://bucket/raw/{a,b}/', 's3://bucket/raw/'],
    ['s3://bucket/*', 's3://bucket/'],
    ['s3://bucket/data/file.parquet', 's3://bucket/data/file.parquet/'],
    ['s3://bucket/data#frag', 's3://bucket/data/'],
  ])('%j -> %j', (uri, expected) => {
    expect(normalizeS3Uri(uri)).toBe(expected);
  });

  it.each([
    'http://bucket/path',
    'jdbc:postgresql://host/db',
    's3://',
    's3:///path',
    'bucket/path',
    '',
    'value',
    's3://bucket/with space/',
  ])('%j is not an S3 URI', uri => {
    expect(normalizeS3Uri(uri)).toBeUndefined();
  });

  it('makes the trailing slash irrelevant', () => {
    expect(normalizeS3Uri('s3://freshers-in/output-data')).toBe(
      normalizeS3Uri('s3://freshers-in/output-data/'),
    );
  });

  it('never keeps credentials written into the URI (old Hadoop s3a style)', () => {
    const result = normalizeS3Uri('s3a://etl_user:hunter2@freshers-in/raw/');
    expect(result ?? '').not.toContain('hunter2');
    expect([undefined, 's3://freshers-in/raw/']).toContain(result);
  });

  it.each([
    ['s3://user:pa/ss@bucket/x/', 's3://bucket/x/'],
    [
      's3://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY@bucket/x/',
      's3://bucket/x/',
    ],
    ['s3a://user:p@ss@Bucket/x', 's3://bucket/x/'],
    ['s3://user@bucket/x/', 's3://bucket/x/'],
    // an '@' in a key, without a ':' before it, is not user-info
    ['s3://bucket/path/a@b/', 's3://bucket/path/a@b/'],
  ])('strips user-info before parsing: %j -> %j', (uri, expected) => {
    expect(normalizeS3Uri(uri)).toBe(expected);
  });
});

describe('tableLocation / jdbcLocation', () => {
  it('lower-cases Data Catalog names', () => {
    expect(tableLocation('Sales', 'Orders')).toBe('glue://sales/orders');
  });
  it('keeps JDBC names as given', () => {
    expect(jdbcLocation('pg-conn', 'public.Orders')).toBe(
      'jdbc://pg-conn/public.Orders',
    );
  });
});

describe('globToRegExp', () => {
  it.each([
    ['--input*', '--input', true],
    ['--input*', '--input-path', true],
    ['--input*', '--INPUT', true],
    ['--input*', 'x--input', false],
    ['--in?ut', '--input', true],
    ['--in?ut', '--inpput', false],
    ['--a.b', '--a.b', true],
    ['--a.b', '--axb', false],
    ['--a+b', '--a+b', true],
    ['--a+b', '--aab', false],
    ['--(x)', '--(x)', true],
    ['--[x]', '--[x]', true],
    ['--[x]', '--x', false],
    ['--x$', '--x$', true],
    ['*', 'anything', true],
  ])('%j matches %j: %s', (glob, key, expected) => {
    expect(globToRegExp(glob, { ignoreCase: true }).test(key)).toBe(expected);
  });
});

describe('lineageFromVisualNodes', () => {
  it.each<[string, Record<string, any>, DatasetReference[]]>([
    [
      'S3CsvSource paths',
      {
        'node-1': {
          S3CsvSource: {
            Name: 'src',
            Paths: ['s3://Raw-Bucket/csv', 's3a://raw-bucket/csv/more/*.csv'],
          },
        },
      },
      [
        {
          direction: 'input',
          type: 's3-prefix',
          location: 's3://raw-bucket/csv/',
          source: 'visual-node:node-1',
        },
        {
          direction: 'input',
          type: 's3-prefix',
          location: 's3://raw-bucket/csv/more/',
          source: 'visual-node:node-1',
        },
      ],
    ],
    [
      'S3GlueParquetTarget path and catalog update',
      {
        'node-2': {
          S3GlueParquetTarget: {
            Path: 's3://curated/parquet',
            SchemaChangePolicy: {
              EnableUpdateCatalog: true,
              Database: 'Sales',
              Table: 'Orders',
            },
          },
        },
      },
      [
        {
          direction: 'output',
          type: 's3-prefix',
          location: 's3://curated/parquet/',
          source: 'visual-node:node-2',
        },
        {
          direction: 'output',
          type: 'glue-table',
          location: 'glue://sales/orders',
          source: 'visual-node:node-2',
        },
      ],
    ],
    [
      'S3DirectTarget without catalog update',
      {
        n: {
          S3DirectTarget: {
            Path: 's3://out/x/',
            SchemaChangePolicy: {
              EnableUpdateCatalog: false,
              Database: 'a',
              Table: 'b',
            },
          },
        },
      },
      [
        {
          direction: 'output',
          type: 's3-prefix',
          location: 's3://out/x/',
          source: 'visual-node:n',
        },
      ],
    ],
    [
      'CatalogTarget',
      { 'node-3': { CatalogTarget: { Database: 'Sales', Table: 'Daily' } } },
      [
        {
          direction: 'output',
          type: 'glue-table',
          location: 'glue://sales/daily',
          source: 'visual-node:node-3',
        },
      ],
    ],
    [
      'CatalogSource',
      { s: { CatalogSource: { Database: 'db', Table: 't' } } },
      [
        {
          direction: 'input',
          type: 'glue-table',
          location: 'glue://db/t',
          source: 'visual-node:s',
        },
      ],
    ],
    [
      'DirectJDBCSource with database',
      {
        j: {
          DirectJDBCSource: {
            ConnectionName: 'pg',
            Database: 'sales',
            Table: 'orders',
          },
        },
      },
      [
        {
          direction: 'input',
          type: 'jdbc-table',
          location: 'jdbc://pg/sales.orders',
          source: 'visual-node:j',
        },
      ],
    ],
    [
      'JDBCConnectorTarget',
      {
        j: {
          JDBCConnectorTarget: { ConnectionName: 'pg', ConnectionTable: 't' },
        },
      },
      [
        {
          direction: 'output',
          type: 'jdbc-table',
          location: 'jdbc://pg/t',
          source: 'visual-node:j',
        },
      ],
    ],
    [
      'unknown kinds, empty nodes and incomplete bodies',
      {
        a: {},
        b: { SomeFutureNode: { Path: 's3://x/' } },
        c: { CatalogTarget: { Database: 'db' } },
        d: { S3CsvSource: { Paths: 'not-an-array' } },
        e: undefined,
        f: { ApplyMapping: { Name: 'map' } },
        g: { S3DirectTarget: { Path: 'not-s3' } },
      },
      [],
    ],
  ])('%s', (_, nodes, expected) => {
    expect(lineageFromVisualNodes(nodes)).toEqual(expected);
  });

  it('handles no nodes', () => {
    expect(lineageFromVisualNodes(undefined)).toEqual([]);
  });
});

describe('ArgumentLineageMatcher', () => {
  const matcher = new ArgumentLineageMatcher({
    inputArgumentPatterns: DEFAULT_INPUT_ARGUMENT_PATTERNS,
    outputArgumentPatterns: DEFAULT_OUTPUT_ARGUMENT_PATTERNS,
  });

  it.each<[Record<string, string>, Omit<DatasetReference, 'type'>[]]>([
    [
      { '--input': 's3://freshers-in/output-data' },
      [
        {
          direction: 'input',
          location: 's3://freshers-in/output-data/',
          source: 'default-argument:--input',
        },
      ],
    ],
    [
      { '--output': 's3://freshers-in/output-data/' },
      [
        {
          direction: 'output',
          location: 's3://freshers-in/output-data/',
          source: 'default-argument:--output',
        },
      ],
    ],
    [
      { '--source-path': 's3://a/x', '--target_path': 's3://b/y' },
      [
        {
          direction: 'input',
          location: 's3://a/x/',
          source: 'default-argument:--source-path',
        },
        {
          direction: 'output',
          location: 's3://b/y/',
          source: 'default-argument:--target_path',
        },
      ],
    ],
    [
      { '--INPUT': 's3://a/x/,s3://a/y/, s3://a/z' },
      [
        {
          direction: 'input',
          location: 's3://a/x/',
          source: 'default-argument:--INPUT',
        },
        {
          direction: 'input',
          location: 's3://a/y/',
          source: 'default-argument:--INPUT',
        },
        {
          direction: 'input',
          location: 's3://a/z/',
          source: 'default-argument:--INPUT',
        },
      ],
    ],
    [
      {
        '--input-db': 'sales',
        '--job-bookmark-option': 'job-bookmark-enable',
        '--TempDir': 's3://tmp/dir/',
        '--extra': 's3://not/matched/',
        input: 's3://no/dashes/',
      },
      [],
    ],
  ])('%j', (args, expected) => {
    expect(matcher.match(args, 'default-argument')).toEqual(
      expected.map(e => ({ ...e, type: 's3-prefix' })),
    );
  });

  it('labels trigger arguments with the trigger', () => {
    expect(
      matcher.match({ '--src': 's3://a/b' }, 'trigger-argument:nightly'),
    ).toEqual([
      {
        direction: 'input',
        type: 's3-prefix',
        location: 's3://a/b/',
        source: 'trigger-argument:nightly:--src',
      },
    ]);
  });

  it('uses custom globs', () => {
    const custom = new ArgumentLineageMatcher({
      inputArgumentPatterns: ['--from_?'],
      outputArgumentPatterns: ['--to*'],
    });
    expect(
      custom
        .match(
          {
            '--from_a': 's3://x/1',
            '--from_ab': 's3://x/2',
            '--to-here': 's3://x/3',
            '--input': 's3://x/4',
          },
          'p',
        )
        .map(r => `${r.direction} ${r.location}`),
    ).toEqual(['input s3://x/1/', 'output s3://x/3/']);
  });

  it('handles undefined arguments', () => {
    expect(matcher.match(undefined, 'default-argument')).toEqual([]);
  });
});

describe('lineageFromCrawlerTargets', () => {
  it('reads S3, Delta, Iceberg, Hudi and catalog targets', () => {
    expect(
      lineageFromCrawlerTargets({
        S3Targets: [{ Path: 's3://Landing/raw' }, { Path: 'not-s3' }, {}],
        DeltaTargets: [{ DeltaTables: ['s3://lake/delta/t1'] }],
        IcebergTargets: [{ Paths: ['s3://lake/iceberg/'] }],
        HudiTargets: [{ Paths: ['s3a://lake/hudi'] }],
        CatalogTargets: [
          { DatabaseName: 'Sales', Tables: ['Orders', 'Items'] },
          { Tables: ['orphan'] },
        ],
      }),
    ).toEqual(
      [
        's3://landing/raw/',
        's3://lake/delta/t1/',
        's3://lake/iceberg/',
        's3://lake/hudi/',
      ]
        .map(location => ({
          direction: 'input',
          type: 's3-prefix',
          location,
          source: 'crawler-target',
        }))
        .concat(
          ['glue://sales/orders', 'glue://sales/items'].map(location => ({
            direction: 'input',
            type: 'glue-table',
            location,
            source: 'crawler-target',
          })),
        ),
    );
  });

  it('handles no targets', () => {
    expect(lineageFromCrawlerTargets(undefined)).toEqual([]);
    expect(lineageFromCrawlerTargets({})).toEqual([]);
  });
});

describe('dedupeReferences', () => {
  it('drops repeated (direction, location) pairs, keeping the first source', () => {
    const ref = (
      direction: 'input' | 'output',
      location: string,
      source: string,
    ): DatasetReference => ({ direction, type: 's3-prefix', location, source });
    expect(
      dedupeReferences([
        ref('input', 's3://a/', 'visual-node:n1'),
        ref('input', 's3://a/', 'default-argument:--input'),
        ref('output', 's3://a/', 'default-argument:--output'),
        ref('input', 's3://b/', 'trigger-argument:t:--input'),
      ]),
    ).toEqual([
      ref('input', 's3://a/', 'visual-node:n1'),
      ref('output', 's3://a/', 'default-argument:--output'),
      ref('input', 's3://b/', 'trigger-argument:t:--input'),
    ]);
  });
});
