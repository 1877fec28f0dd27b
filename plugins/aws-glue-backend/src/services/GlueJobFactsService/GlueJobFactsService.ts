import { GlueJobFactsResponse } from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * Options of {@link GlueJobFactsService.getJobFacts}.
 *
 * @public
 */
export interface JobFactsOptions {
  /** Job entities per page (1-500). */
  limit: number;
  /** The previous page's `nextCursor`. */
  cursor?: string;
}

/**
 * Facts about every synced Glue job entity for scorecards (Tech Insights),
 * from the run index and the entities, with no Glue calls.
 *
 * @public
 */
export interface GlueJobFactsService {
  getJobFacts(options: JobFactsOptions): Promise<GlueJobFactsResponse>;
}
