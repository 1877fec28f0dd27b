import { Entity } from '@backstage/catalog-model';
import {
  consoleHost,
  GLUE_ANNOTATIONS as A,
  GLUE_ENTITY_TYPES,
  glueConsoleUrls,
  s3ConsoleUrl,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { GlueDataset } from '../types';
import { baseEntity, consoleLink } from './baseEntity';
import { DatasetTransformerInput, GlueUnitContext } from './types';

/** A dataset's entity type and console page. */
function datasetKind(
  dataset: GlueDataset,
  unit: GlueUnitContext,
): { type: string; link: string } {
  const { partition, region } = unit;
  if (dataset.type === 's3-prefix') {
    return {
      type: GLUE_ENTITY_TYPES.s3Prefix,
      link:
        s3ConsoleUrl(partition, region, dataset.location) ??
        `${consoleHost(partition, region)}/s3/home?region=${region}`,
    };
  }
  if (dataset.type === 'glue-table') {
    const [database, table] = dataset.location
      .slice('glue://'.length)
      .split('/');
    return {
      type: GLUE_ENTITY_TYPES.table,
      link: glueConsoleUrls.table(partition, region, database, table),
    };
  }
  return {
    type: GLUE_ENTITY_TYPES.jdbcTable,
    link: glueConsoleUrls.connections(partition, region),
  };
}

/**
 * The default entity of a dataset (an S3 prefix, Data Catalog table or JDBC
 * table): a `Resource` that depends on the jobs and crawlers that write it.
 *
 * @public
 */
export function defaultDatasetTransformer(
  input: DatasetTransformerInput,
): Entity {
  const { dataset, unit } = input;
  const { type, link } = datasetKind(dataset, unit);
  return baseEntity(input, {
    description: `Dataset ${dataset.location}, written by ${dataset.writers.length} and read by ${dataset.readers.length} Glue jobs or crawlers`,
    annotations: { [A.datasetLocation]: dataset.location },
    links: [consoleLink(link, 'AWS console')],
    spec: {
      type,
      owner: input.resolved.owner,
      dependsOn: [...new Set(dataset.writers)],
    },
  });
}
