import { parseEntityRef } from '@backstage/catalog-model';
import { GLUE_ENTITY_TYPES } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { GlueJobFacts } from '@aws-glue-backstage/plugin-aws-glue-common';
import { readJobFactsPage } from './jobFactsPage';
import { AWS_GLUE_JOB_FACTS_ID, awsGlueJobFactSchema } from './schema';

/**
 * Limits of one retrieval.
 *
 * @public
 */
export interface AwsGlueJobFactRetrieverOptions {
  /** Job entities per page asked of the AWS Glue backend (at most 500). */
  pageSize: number;
  /** How long one page may take (ms). */
  callTimeoutMs: number;
  /** How long the whole retrieval may take (ms); keep it below the retriever's Tech Insights `timeout`. */
  deadlineMs: number;
  /** The most pages read in one retrieval. */
  maxPages: number;
  /** For tests. */
  fetch?: typeof fetch;
  now?: () => number;
}

export const DEFAULT_RETRIEVER_OPTIONS: AwsGlueJobFactRetrieverOptions = {
  pageSize: 500,
  callTimeoutMs: 30_000,
  deadlineMs: 240_000,
  maxPages: 1_000,
};

/**
 * The facts as Tech Insights stores them: every fact present, `null` when unknown.
 *
 * @public
 */
export function techInsightsFactsOf(
  facts: GlueJobFacts,
): TechInsightFact['facts'] {
  return {
    ...facts,
    successRate7d: facts.successRate7d ?? null,
    successRate30d: facts.successRate30d ?? null,
    p95DurationSeconds30d: facts.p95DurationSeconds30d ?? null,
    daysSinceLastSuccess: facts.daysSinceLastSuccess ?? null,
  };
}

/**
 * The fact retriever `aws-glue-job-facts`: pages the AWS Glue backend's
 * `GET /v1/job-facts` with a service token. A failed read throws (Tech
 * Insights then keeps the facts it has); it never returns an empty set
 * for a failure.
 *
 * @public
 */
export function createAwsGlueJobFactRetriever(
  overrides: Partial<AwsGlueJobFactRetrieverOptions> = {},
): FactRetriever {
  const options = { ...DEFAULT_RETRIEVER_OPTIONS, ...overrides };
  return {
    id: AWS_GLUE_JOB_FACTS_ID,
    version: '0.1.0',
    title: 'AWS Glue job facts',
    description:
      'Success rates, p95 duration, DPU-hours and cost, days since the last success, bookmark, retries, timeout and owner of AWS Glue jobs, from the AWS Glue backend plugin',
    entityFilter: [{ kind: 'component', 'spec.type': GLUE_ENTITY_TYPES.job }],
    schema: awsGlueJobFactSchema,
    handler: ctx => retrieve(ctx, options),
  };
}

async function retrieve(
  ctx: FactRetrieverContext,
  options: AwsGlueJobFactRetrieverOptions,
): Promise<TechInsightFact[]> {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  const deadline = now() + options.deadlineMs;
  const baseUrl = await ctx.discovery.getBaseUrl('aws-glue');
  const { token } = await ctx.auth.getPluginRequestToken({
    onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
    targetPluginId: 'aws-glue',
  });
  const facts: TechInsightFact[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    if (page > options.maxPages) {
      ctx.logger.warn(
        `Stopped reading AWS Glue job facts after ${options.maxPages} pages (${facts.length} jobs); raise the page cap if the catalog has more`,
      );
      break;
    }
    const remaining = deadline - now();
    if (remaining <= 0) {
      throw new Error(
        `Reading AWS Glue job facts took longer than ${options.deadlineMs} ms (stopped before page ${page})`,
      );
    }
    const url = new URL(`${baseUrl}/v1/job-facts`);
    url.searchParams.set('limit', String(options.pageSize));
    if (cursor) url.searchParams.set('cursor', cursor);
    const body = await getJson(doFetch, url, token, page, {
      timeoutMs: Math.min(options.callTimeoutMs, remaining),
    });
    const { items, nextCursor } = readJobFactsPage(body, page);
    for (const item of items) {
      const { kind, namespace, name } = parseEntityRef(item.entityRef);
      facts.push({
        entity: { kind, namespace, name },
        facts: techInsightsFactsOf(item.facts),
      });
    }
    if (!nextCursor) break;
    if (seen.has(nextCursor)) {
      ctx.logger.warn(
        `The AWS Glue backend repeated a job facts cursor at page ${page}; stopped with ${facts.length} jobs`,
      );
      break;
    }
    seen.add(nextCursor);
    cursor = nextCursor;
  }
  ctx.logger.info(`Read facts of ${facts.length} AWS Glue jobs`);
  return facts;
}

async function getJson(
  doFetch: typeof fetch,
  url: URL,
  token: string,
  page: number,
  { timeoutMs }: { timeoutMs: number },
): Promise<unknown> {
  let res: Response;
  try {
    res = await doFetch(url, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : (error as Error).message;
    throw new Error(
      `Could not read AWS Glue job facts page ${page} from ${url.origin}${url.pathname}: ${reason}`,
    );
  }
  if (!res.ok) {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    throw new Error(
      `Could not read AWS Glue job facts page ${page}: HTTP ${res.status} ${
        res.statusText
      }${text ? ` ${text}` : ''}`,
    );
  }
  try {
    return await res.json();
  } catch (error) {
    throw new Error(
      `AWS Glue job facts page ${page} is not JSON: ${
        (error as Error).message
      }`,
    );
  }
}
