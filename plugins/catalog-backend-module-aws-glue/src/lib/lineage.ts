import {
  globToRegExp,
  withoutUserInfo,
} from '@aws-glue-backstage/plugin-aws-glue-node';

/**
 * The kinds of dataset lineage can find.
 *
 * @public
 */
export type DatasetType = 's3-prefix' | 'glue-table' | 'jdbc-table';

/**
 * A dataset a job or crawler reads or writes, as found in Glue.
 *
 * @public
 */
export interface DatasetReference {
  direction: 'input' | 'output';
  type: DatasetType;
  /** Normalised: `s3://bucket/prefix/`, `glue://database/table`, `jdbc://connection/table`. */
  location: string;
  /** Where it was found, e.g. `visual-node:node-1`, `default-argument:--input`. */
  source: string;
}

/**
 * Argument-key patterns that mark inputs and outputs (globs, `*` and `?`).
 *
 * @public
 */
export interface LineageOptions {
  enabled: boolean;
  inputArgumentPatterns: string[];
  outputArgumentPatterns: string[];
}

export const DEFAULT_INPUT_ARGUMENT_PATTERNS = [
  '--input*',
  '--source*',
  '--src*',
];
export const DEFAULT_OUTPUT_ARGUMENT_PATTERNS = [
  '--output*',
  '--target*',
  '--dest*',
];

/**
 * Normalises an S3 URI: `s3a://`/`s3n://` become `s3://`, the bucket is
 * lower-cased, repeated slashes collapse, a wildcard part is cut back to its
 * folder, and the result always ends in `/` (it names a prefix). Returns
 * `undefined` for anything that is not an S3 URI with a bucket.
 *
 * Any `user:password@` in front of the bucket is dropped before the URI is
 * parsed (the password may contain `/`): it must never reach an entity.
 */
export function normalizeS3Uri(value: string): string | undefined {
  const match = /^s3[an]?:\/\/([^/\s]+)(\/\S*)?$/i.exec(
    withoutUserInfo(value.trim()),
  );
  if (!match) {
    return undefined;
  }
  const bucket = match[1].toLocaleLowerCase('en-US');
  let path = (match[2] ?? '/').split('#')[0].replace(/\/{2,}/g, '/');
  const wildcard = path.search(/[*?[{]/);
  if (wildcard >= 0) {
    path = path.slice(0, path.lastIndexOf('/', wildcard) + 1);
  }
  if (!path.endsWith('/')) {
    path = `${path}/`;
  }
  return `s3://${bucket}${path}`;
}

/** `glue://database/table`, lower-cased as the Data Catalog stores names. */
export function tableLocation(database: string, table: string): string {
  return `glue://${database.toLocaleLowerCase(
    'en-US',
  )}/${table.toLocaleLowerCase('en-US')}`;
}

/** `jdbc://connection/table`. */
export function jdbcLocation(connection: string, table: string): string {
  return `jdbc://${connection}/${table}`;
}

type Node = Record<string, unknown>;

const S3_PATHS_SOURCES = [
  'S3CsvSource',
  'S3JsonSource',
  'S3ParquetSource',
  'S3ExcelSource',
  'S3HudiSource',
  'S3DeltaSource',
];
const S3_PATH_TARGETS = [
  'S3DirectTarget',
  'S3GlueParquetTarget',
  'S3HudiDirectTarget',
  'S3DeltaDirectTarget',
  'S3IcebergDirectTarget',
  'S3HyperDirectTarget',
];
const CATALOG_SOURCES = [
  'CatalogSource',
  'S3CatalogSource',
  'GovernedCatalogSource',
  'RelationalCatalogSource',
  'DynamoDBCatalogSource',
  'CatalogHudiSource',
  'S3CatalogHudiSource',
  'CatalogDeltaSource',
  'S3CatalogDeltaSource',
  'CatalogIcebergSource',
  'S3CatalogIcebergSource',
  'CatalogKinesisSource',
  'CatalogKafkaSource',
  'MySQLCatalogSource',
  'PostgreSQLCatalogSource',
  'OracleSQLCatalogSource',
  'MicrosoftSQLServerCatalogSource',
  'RedshiftSource',
];
const CATALOG_TARGETS = [
  'CatalogTarget',
  'S3CatalogTarget',
  'GovernedCatalogTarget',
  'S3HudiCatalogTarget',
  'S3DeltaCatalogTarget',
  'S3IcebergCatalogTarget',
  'MySQLCatalogTarget',
  'PostgreSQLCatalogTarget',
  'OracleSQLCatalogTarget',
  'MicrosoftSQLServerCatalogTarget',
  'RedshiftTarget',
];

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * The datasets a Glue Studio visual job reads and writes, from its
 * `CodeGenConfigurationNodes`: a map of node id to a
 * [`CodeGenConfigurationNode`](https://docs.aws.amazon.com/glue/latest/webapi/API_CodeGenConfigurationNode.html),
 * of which exactly one member (the node kind) is set. Unknown node kinds,
 * which the SDK returns as `{}`, are skipped.
 */
export function lineageFromVisualNodes(
  nodes: Record<string, Node | undefined> | undefined,
): DatasetReference[] {
  const refs: DatasetReference[] = [];
  for (const [nodeId, node] of Object.entries(nodes ?? {})) {
    if (!node) continue;
    const source = `visual-node:${nodeId}`;
    for (const [kind, raw] of Object.entries(node)) {
      if (!raw || typeof raw !== 'object') continue;
      const body = raw as Record<string, unknown>;
      const add = (
        direction: DatasetReference['direction'],
        type: DatasetType,
        location: string | undefined,
      ) => {
        if (location) refs.push({ direction, type, location, source });
      };
      if (S3_PATHS_SOURCES.includes(kind) && Array.isArray(body.Paths)) {
        for (const path of body.Paths) {
          add('input', 's3-prefix', normalizeS3Uri(String(path)));
        }
      } else if (S3_PATH_TARGETS.includes(kind)) {
        add('output', 's3-prefix', normalizeS3Uri(String(body.Path ?? '')));
        const policy = body.SchemaChangePolicy as
          | Record<string, unknown>
          | undefined;
        const database = str(policy?.Database);
        const table = str(policy?.Table);
        if (policy?.EnableUpdateCatalog && database && table) {
          add('output', 'glue-table', tableLocation(database, table));
        }
      } else if (
        CATALOG_SOURCES.includes(kind) ||
        CATALOG_TARGETS.includes(kind)
      ) {
        const database = str(body.Database);
        const table = str(body.Table);
        if (database && table) {
          add(
            CATALOG_SOURCES.includes(kind) ? 'input' : 'output',
            'glue-table',
            tableLocation(database, table),
          );
        }
      } else if (kind === 'DirectJDBCSource') {
        const connection = str(body.ConnectionName);
        const table = str(body.Table);
        const database = str(body.Database);
        if (connection && table) {
          add(
            'input',
            'jdbc-table',
            jdbcLocation(connection, database ? `${database}.${table}` : table),
          );
        }
      } else if (
        kind === 'JDBCConnectorSource' ||
        kind === 'JDBCConnectorTarget'
      ) {
        const connection = str(body.ConnectionName);
        const table = str(body.ConnectionTable);
        if (connection && table) {
          add(
            kind === 'JDBCConnectorSource' ? 'input' : 'output',
            'jdbc-table',
            jdbcLocation(connection, table),
          );
        }
      }
    }
  }
  return refs;
}

/**
 * Compiled argument-key patterns. Build once per sync, not per job.
 */
export class ArgumentLineageMatcher {
  private readonly inputs: RegExp[];
  private readonly outputs: RegExp[];

  constructor(
    options: Pick<
      LineageOptions,
      'inputArgumentPatterns' | 'outputArgumentPatterns'
    >,
  ) {
    this.inputs = options.inputArgumentPatterns.map(p =>
      globToRegExp(p, { ignoreCase: true }),
    );
    this.outputs = options.outputArgumentPatterns.map(p =>
      globToRegExp(p, { ignoreCase: true }),
    );
  }

  /**
   * The datasets named by arguments (the parameterisation that chains jobs):
   * keys matching the input/output patterns whose values are S3 URIs (a
   * comma-separated list is split). `sourcePrefix` says whose arguments these
   * are, e.g. `default-argument` or `trigger-argument:nightly`.
   */
  match(
    args: Record<string, string> | undefined,
    sourcePrefix: string,
  ): DatasetReference[] {
    const refs: DatasetReference[] = [];
    for (const [key, value] of Object.entries(args ?? {})) {
      let direction: DatasetReference['direction'] | undefined;
      if (this.outputs.some(p => p.test(key))) {
        direction = 'output';
      } else if (this.inputs.some(p => p.test(key))) {
        direction = 'input';
      }
      if (!direction) continue;
      for (const part of String(value).split(',')) {
        const location = normalizeS3Uri(part);
        if (location) {
          refs.push({
            direction,
            type: 's3-prefix',
            location,
            source: `${sourcePrefix}:${key}`,
          });
        }
      }
    }
    return refs;
  }
}

/** The S3 prefixes a crawler reads (its S3, Delta, Iceberg and Hudi targets). */
export function lineageFromCrawlerTargets(
  targets:
    | {
        S3Targets?: { Path?: string }[];
        DeltaTargets?: { DeltaTables?: string[] }[];
        IcebergTargets?: { Paths?: string[] }[];
        HudiTargets?: { Paths?: string[] }[];
        CatalogTargets?: { DatabaseName?: string; Tables?: string[] }[];
      }
    | undefined,
): DatasetReference[] {
  const paths: string[] = [
    ...(targets?.S3Targets ?? []).map(t => t.Path ?? ''),
    ...(targets?.DeltaTargets ?? []).flatMap(t => t.DeltaTables ?? []),
    ...(targets?.IcebergTargets ?? []).flatMap(t => t.Paths ?? []),
    ...(targets?.HudiTargets ?? []).flatMap(t => t.Paths ?? []),
  ];
  const refs: DatasetReference[] = [];
  for (const path of paths) {
    const location = normalizeS3Uri(path);
    if (location) {
      refs.push({
        direction: 'input',
        type: 's3-prefix',
        location,
        source: 'crawler-target',
      });
    }
  }
  for (const target of targets?.CatalogTargets ?? []) {
    for (const table of target.Tables ?? []) {
      if (target.DatabaseName && table) {
        refs.push({
          direction: 'input',
          type: 'glue-table',
          location: tableLocation(target.DatabaseName, table),
          source: 'crawler-target',
        });
      }
    }
  }
  return refs;
}

/** Drops repeated (direction, location) pairs, keeping the first source found. */
export function dedupeReferences(refs: DatasetReference[]): DatasetReference[] {
  const seen = new Set<string>();
  return refs.filter(ref => {
    const key = `${ref.direction} ${ref.location}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
