import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  GlueChainResponse,
  GlueJobBookmarkResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueJobsResponse,
  GlueWorkflowRunsResponse,
  StartGlueJobRunRequest,
  StartGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  AwsGlueApi,
  GetGlueChainOptions,
  GetGlueJobRunsOptions,
  GetGlueWorkflowRunsOptions,
} from './AwsGlueApi';

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
      state: options.states?.length ? options.states.join(',') : undefined,
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

  private async url(
    entityRef: CompoundEntityRef,
    path: string,
    query: Query = {},
  ): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aws-glue');
    const segments = [
      entityRef.namespace,
      entityRef.kind.toLocaleLowerCase('en-US'),
      entityRef.name,
    ].map(encodeURIComponent);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    return `${baseUrl}/v1/entity/${segments.join('/')}${path}${
      search ? `?${search}` : ''
    }`;
  }

  private async get<T>(
    entityRef: CompoundEntityRef,
    path: string,
    query?: Query,
  ): Promise<T> {
    const response = await this.fetchApi.fetch(
      await this.url(entityRef, path, query),
    );
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
      await this.url(entityRef, path),
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
