/**
 * The one reader of the AWS Glue backend's `GET /v1/job-facts` pages: every
 * page is checked here, and a page that is not one fails with the field
 * that is wrong. Pure.
 */
import { GlueJobFactsResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { z } from 'zod';

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

const factsSchema = z.object({
  runs7d: count,
  runs30d: count,
  successRate7d: rate.optional(),
  successRate30d: rate.optional(),
  p95DurationSeconds30d: nonNegative.optional(),
  dpuHours30d: nonNegative,
  cost30d: nonNegative,
  currency: z.string().min(1),
  daysSinceLastSuccess: nonNegative.optional(),
  readsIncrementalSource: z.boolean(),
  bookmarkEnabled: z.boolean(),
  maxRetries: count,
  timeoutMinutes: z.number().int().positive(),
  ownerIsGroup: z.boolean(),
});

const pageSchema = z.object({
  items: z.array(
    z.object({ entityRef: z.string().min(1), facts: factsSchema }),
  ),
  nextCursor: z.string().min(1).optional(),
  generatedAt: z.string().min(1),
});

/**
 * Reads one page; throws naming the page and the first wrong fields.
 *
 * @public
 */
export function readJobFactsPage(
  body: unknown,
  page: number,
): GlueJobFactsResponse {
  const result = pageSchema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 3)
    .map(issue => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  throw new Error(
    `AWS Glue job facts page ${page} is not a job facts page: ${problems}`,
  );
}
