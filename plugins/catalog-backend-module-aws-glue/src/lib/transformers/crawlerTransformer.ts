import { Entity } from '@backstage/catalog-model';
import {
  GLUE_ANNOTATIONS as A,
  GLUE_ENTITY_TYPES,
  glueConsoleUrls,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { lineageAnnotation } from '../datasets';
import { baseEntity, consoleLink, runnableSpec } from './baseEntity';
import { CrawlerTransformerInput } from './types';

/**
 * The default entity of a Glue crawler: a `Resource` of type `glue-crawler`
 * that depends on the triggers that start it and the datasets it crawls.
 *
 * @public
 */
export function defaultCrawlerTransformer(
  input: CrawlerTransformerInput,
): Entity {
  const { crawler, unit } = input;
  const name = input.resolved.glueName;
  return baseEntity(input, {
    description:
      crawler.Description?.trim() ||
      `AWS Glue crawler writing to database ${
        crawler.DatabaseName ?? '(none)'
      }`,
    annotations: {
      [A.crawlerDatabase]: crawler.DatabaseName,
      [A.crawlerSchedule]: crawler.Schedule?.ScheduleExpression,
      [A.lineage]: lineageAnnotation(input.lineage),
      [A.workflows]: input.workflows.join(','),
    },
    links: [
      consoleLink(glueConsoleUrls.crawler(unit.partition, unit.region, name)),
    ],
    spec: runnableSpec(GLUE_ENTITY_TYPES.crawler, input.resolved, [
      ...input.startedBy,
      ...input.lineage.map(edge => edge.entityRef),
    ]),
  });
}
