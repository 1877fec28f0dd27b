import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  GlueChainExecutionsResponse,
  GlueChainResponse,
  GlueFleetResponse,
  GlueJobBookmarkResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueJobsResponse,
  GlueRunTriageResponse,
  GlueWorkflowResumePreview,
  GlueWorkflowRunsResponse,
  ResumeGlueWorkflowRunResponse,
  RetryGlueJobRunResponse,
  StartGlueJobRunRequest,
  GlueTeamSummaryResponse,
  GlueTrendsResponse,
  StartGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  AwsGlueApi,
  GetGlueChainExecutionsOptions,
  GetGlueChainOptions,
  GetGlueFleetJobsOptions,
  GetGlueJobRunsOptions,
  GetGlueTrendsOptions,
  GetGlueWorkflowRunsOptions,
} from './AwsGlueApi';
import { GlueScorecardResponse, readScorecardResponse } from '../lib/scorecard';

/**
 * Options of {@link AwsGlueClient}.
 *
 * @public
 */
export interface AwsGlueClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

type Query = Record<string, string | number | undefined>;

/** A comma list of `values`; left out when there are none. */
const commaList = (values: string[] | undefined) =>
  values?.length ? values.join(',') : undefined;

/** The `?a=1&b=2` of the query's set values, or nothing. */
function searchOf(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** `/v1/entity/:namespace/:kind/:name`, each segment encoded. */
function entityPath(entityRef: CompoundEntityRef): string {
  return `/v1/entity/${[
    entityRef.namespace,
    entityRef.kind.toLocaleLowerCase('en-US'),
    entityRef.name,
  ]
    .map(encodeURIComponent)
    .join('/')}`;
}

/**
 * The default {@link AwsGlueApi}: talks to the `aws-glue` backend plugin.
 *
 * @public
 */
export class AwsGlueClient implements AwsGlueApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: AwsGlueClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getJobs(entityRef: CompoundEntityRef): Promise<GlueJobsResponse> {
    return this.get(entityRef, '/jobs');
  }

  async getJobRuns(
    entityRef: CompoundEntityRef,
    options: GetGlueJobRunsOptions = {},
  ): Promise<GlueJobRunsResponse> {
    return this.get(entityRef, '/runs', {
      job: options.job,
      limit: options.limit,
      nextToken: options.nextToken,
      state: commaList(options.states),
    });
  }

  async getJobRun(
    entityRef: CompoundEntityRef,
    runId: string,
    options: { job?: string } = {},
  ): Promise<GlueJobRun> {
    return this.get(entityRef, `/runs/${encodeURIComponent(runId)}`, {
      job: options.job,
    });
  }

  async getChain(
    entityRef: CompoundEntityRef,
    options: GetGlueChainOptions = {},
  ): Promise<GlueChainResponse> {
    return this.get(entityRef, '/chain', {
      direction: options.direction,
      depth: options.depth,
    });
  }

  async getBookmark(
    entityRef: CompoundEntityRef,
    options: { job?: string } = {},
  ): Promise<GlueJobBookmarkResponse> {
    return this.get(entityRef, '/bookmark', { job: options.job });
  }

  async getWorkflowRuns(
    entityRef: CompoundEntityRef,
    options: GetGlueWorkflowRunsOptions = {},
  ): Promise<GlueWorkflowRunsResponse> {
    return this.get(entityRef, '/workflow-runs', {
      limit: options.limit,
      nextToken: options.nextToken,
    });
  }

  async startJobRun(
    entityRef: CompoundEntityRef,
    request: StartGlueJobRunRequest,
  ): Promise<StartGlueJobRunResponse> {
    const response = await this.send(entityRef, '/runs', request);
    return (await response.json()) as StartGlueJobRunResponse;
  }

  async stopJobRun(
    entityRef: CompoundEntityRef,
    runId: string,
    options: { job: string },
  ): Promise<void> {
    await this.send(entityRef, `/runs/${encodeURIComponent(runId)}/stop`, {
      job: options.job,
    });
  }

  async getFleetJobs(
    options: GetGlueFleetJobsOptions = {},
  ): Promise<GlueFleetResponse> {
    return this.fetchJson(
      await this.url('/v1/jobs', {
        owner: options.owner,
        account: options.account,
        region: options.region,
        state: commaList(options.states),
        q: options.query?.trim(),
        limit: options.limit,
        cursor: options.cursor,
      }),
    );
  }

  async getTrends(
    entityRef: CompoundEntityRef,
    options: GetGlueTrendsOptions = {},
  ): Promise<GlueTrendsResponse> {
    return this.get(entityRef, '/trends', {
      days: options.days,
      job: options.job,
    });
  }

  async getTeamSummary(
    entityRef: CompoundEntityRef,
  ): Promise<GlueTeamSummaryResponse> {
    return this.get(entityRef, '/team-summary');
  }

  async getChainExecutions(
    entityRef: CompoundEntityRef,
    options: GetGlueChainExecutionsOptions = {},
  ): Promise<GlueChainExecutionsResponse> {
    return this.get(entityRef, '/chain-executions', { limit: options.limit });
  }

  async getRunTriage(
    entityRef: CompoundEntityRef,
    runId: string,
    options: { job?: string } = {},
  ): Promise<GlueRunTriageResponse> {
    return this.get(entityRef, `/runs/${encodeURIComponent(runId)}/triage`, {
      job: options.job,
    });
  }

  async retryJobRun(
    entityRef: CompoundEntityRef,
    runId: string,
    options: { job?: string } = {},
  ): Promise<RetryGlueJobRunResponse> {
    const response = await this.send(
      entityRef,
      `/runs/${encodeURIComponent(runId)}/retry`,
      options.job ? { job: options.job } : {},
    );
    return (await response.json()) as RetryGlueJobRunResponse;
  }

  async getWorkflowResumePreview(
    entityRef: CompoundEntityRef,
    runId: string,
  ): Promise<GlueWorkflowResumePreview> {
    return this.get(
      entityRef,
      `/workflow-runs/${encodeURIComponent(runId)}/resume`,
    );
  }

  async resumeWorkflowRun(
    entityRef: CompoundEntityRef,
    runId: string,
    request: { nodeIds: string[] },
  ): Promise<ResumeGlueWorkflowRunResponse> {
    const response = await this.send(
      entityRef,
      `/workflow-runs/${encodeURIComponent(runId)}/resume`,
      { nodeIds: request.nodeIds },
    );
    return (await response.json()) as ResumeGlueWorkflowRunResponse;
  }

  async runScorecardChecks(
    entityRef: CompoundEntityRef,
  ): Promise<GlueScorecardResponse> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tech-insights');
    const path = [
      entityRef.namespace,
      entityRef.kind.toLocaleLowerCase('en-US'),
      entityRef.name,
    ]
      .map(encodeURIComponent)
      .join('/');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/checks/run/${path}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        // no `checks`: every check runs; the card keeps the `aws-glue-` ones
        body: JSON.stringify({}),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return readScorecardResponse(await response.json());
  }

  /** The URL of a route of the `aws-glue` backend with the query's set values. */
  private async url(path: string, query: Query = {}): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aws-glue');
    return `${baseUrl}${path}${searchOf(query)}`;
  }

  private async get<T>(
    entityRef: CompoundEntityRef,
    path: string,
    query?: Query,
  ): Promise<T> {
    return this.fetchJson(await this.url(entityPath(entityRef) + path, query));
  }

  private async fetchJson<T>(url: string): Promise<T> {
    const response = await this.fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  private async send(
    entityRef: CompoundEntityRef,
    path: string,
    body: unknown,
  ): Promise<Response> {
    const response = await this.fetchApi.fetch(
      await this.url(entityPath(entityRef) + path),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
