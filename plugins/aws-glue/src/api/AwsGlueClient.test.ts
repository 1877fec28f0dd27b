import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { AwsGlueClient } from './AwsGlueClient';
import {
  dependentJobChain,
  makeFleetJob,
  makeFleetResponse,
  makeJob,
  makeRun,
  makeRunsResponse,
  makeTeamSummary,
  makeTrendPoint,
  makeTrendsResponse,
} from '../__testUtils__/fixtures';
import {
  executionsResponse,
  glueetlTriage,
  resumePreview,
} from '../__testUtils__/executions';
import { wireScorecard } from '../__testUtils__/scorecard';

const BASE = 'http://backstage.test/api/aws-glue';
const server = setupServer();
registerMswTestHooks(server);

const entityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'freshers_in_dependent_job',
};
const ENTITY = `${BASE}/v1/entity/default/component/freshers_in_dependent_job`;

function createClient() {
  return new AwsGlueClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
    },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

describe('AwsGlueClient', () => {
  it('gets the jobs of an entity under the aws-glue base URL', async () => {
    const job = makeJob();
    let url: string | undefined;
    server.use(
      http.get(`${ENTITY}/jobs`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ jobs: [job] });
      }),
    );
    await expect(createClient().getJobs(entityRef)).resolves.toEqual({
      jobs: [job],
    });
    expect(url).toBe(`${ENTITY}/jobs`);
  });

  it('encodes every path segment and lower-cases the kind', async () => {
    let path: string | undefined;
    server.use(
      http.get(`${BASE}/v1/entity/*`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json({ jobs: [] });
      }),
    );
    await createClient().getJobs({
      kind: 'Component',
      namespace: 'team a',
      name: 'job/with?odd#chars',
    });
    expect(path).toBe(
      '/api/aws-glue/v1/entity/team%20a/component/job%2Fwith%3Fodd%23chars/jobs',
    );
  });

  it('passes job, limit, nextToken and a comma list of states for runs', async () => {
    let params: URLSearchParams | undefined;
    const body = makeRunsResponse([makeRun()], 'token-2');
    server.use(
      http.get(`${ENTITY}/runs`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json(body);
      }),
    );
    await expect(
      createClient().getJobRuns(entityRef, {
        job: 'freshers_in_dependent_job',
        limit: 25,
        nextToken: 'token/1+=',
        states: ['FAILED', 'TIMEOUT'],
      }),
    ).resolves.toEqual(body);
    expect(params?.get('job')).toBe('freshers_in_dependent_job');
    expect(params?.get('limit')).toBe('25');
    expect(params?.get('nextToken')).toBe('token/1+=');
    expect(params?.get('state')).toBe('FAILED,TIMEOUT');
  });

  it('omits empty query parameters', async () => {
    let search: string | undefined;
    server.use(
      http.get(`${ENTITY}/runs`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json(makeRunsResponse([]));
      }),
    );
    await createClient().getJobRuns(entityRef, { states: [] });
    expect(search).toBe('');
  });

  it('gets one run with an encoded run id', async () => {
    let url: URL | undefined;
    const run = makeRun({ id: 'jr_1/2' });
    server.use(
      http.get(`${ENTITY}/runs/:runId`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(run);
      }),
    );
    await expect(
      createClient().getJobRun(entityRef, 'jr_1/2', { job: 'a b' }),
    ).resolves.toEqual(run);
    expect(url?.pathname).toMatch(/\/runs\/jr_1%2F2$/);
    expect(url?.searchParams.get('job')).toBe('a b');
  });

  it('gets the chain with direction and depth', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      http.get(`${ENTITY}/chain`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json(dependentJobChain);
      }),
    );
    await expect(
      createClient().getChain(entityRef, { direction: 'up', depth: 4 }),
    ).resolves.toEqual(dependentJobChain);
    expect(params?.get('direction')).toBe('up');
    expect(params?.get('depth')).toBe('4');
  });

  it('gets the bookmark and the workflow runs', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${ENTITY}/bookmark`, ({ request }) => {
        seen.push(request.url);
        return HttpResponse.json({
          jobName: 'x',
          jobArn: 'arn',
          option: 'job-bookmark-enable',
        });
      }),
      http.get(
        `${BASE}/v1/entity/default/system/sales-pipeline/workflow-runs`,
        ({ request }) => {
          seen.push(request.url);
          return HttpResponse.json({
            workflowName: 'sales-pipeline',
            runs: [],
          });
        },
      ),
    );
    const client = createClient();
    await expect(
      client.getBookmark(entityRef, { job: 'freshers_in_dependent_job' }),
    ).resolves.toMatchObject({ option: 'job-bookmark-enable' });
    await expect(
      client.getWorkflowRuns(
        { kind: 'System', namespace: 'default', name: 'sales-pipeline' },
        { limit: 10, nextToken: 'n1' },
      ),
    ).resolves.toEqual({ workflowName: 'sales-pipeline', runs: [] });
    expect(seen).toEqual([
      `${ENTITY}/bookmark?job=freshers_in_dependent_job`,
      `${BASE}/v1/entity/default/system/sales-pipeline/workflow-runs?limit=10&nextToken=n1`,
    ]);
  });

  it('starts a run with a JSON body', async () => {
    let body: unknown;
    let contentType: string | null = null;
    server.use(
      http.post(`${ENTITY}/runs`, async ({ request }) => {
        body = await request.json();
        contentType = request.headers.get('content-type');
        return HttpResponse.json(
          { jobName: 'freshers_in_dependent_job', runId: 'jr_new' },
          { status: 201 },
        );
      }),
    );
    await expect(
      createClient().startJobRun(entityRef, {
        job: 'freshers_in_dependent_job',
        arguments: { '--dependency-param': 'x' },
      }),
    ).resolves.toEqual({
      jobName: 'freshers_in_dependent_job',
      runId: 'jr_new',
    });
    expect(body).toEqual({
      job: 'freshers_in_dependent_job',
      arguments: { '--dependency-param': 'x' },
    });
    expect(contentType).toBe('application/json');
  });

  it('stops a run with the job in the body', async () => {
    let body: unknown;
    let path: string | undefined;
    server.use(
      http.post(`${ENTITY}/runs/:runId/stop`, async ({ request }) => {
        body = await request.json();
        path = new URL(request.url).pathname;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await expect(
      createClient().stopJobRun(entityRef, 'jr_7', {
        job: 'freshers_in_dependent_job',
      }),
    ).resolves.toBeUndefined();
    expect(body).toEqual({ job: 'freshers_in_dependent_job' });
    expect(path).toMatch(/\/runs\/jr_7\/stop$/);
  });

  it('gets the fleet with every filter as a query parameter of /v1/jobs', async () => {
    let url: URL | undefined;
    const body = makeFleetResponse([makeFleetJob('triggering_job')], {
      nextCursor: 'c2',
    });
    server.use(
      http.get(`${BASE}/v1/jobs`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(body);
      }),
    );
    await expect(
      createClient().getFleetJobs({
        owner: 'group:default/data platform',
        account: '123456789012',
        region: 'eu-west-1',
        states: ['FAILED', 'TIMEOUT'],
        query: '  orders & co ',
        limit: 50,
        cursor: 'c1/+=',
      }),
    ).resolves.toEqual(body);
    expect(url?.pathname).toBe('/api/aws-glue/v1/jobs');
    expect(Object.fromEntries(url!.searchParams)).toEqual({
      owner: 'group:default/data platform',
      account: '123456789012',
      region: 'eu-west-1',
      state: 'FAILED,TIMEOUT',
      q: 'orders & co',
      limit: '50',
      cursor: 'c1/+=',
    });
  });

  it('asks for the whole fleet without filters', async () => {
    let search: string | undefined;
    server.use(
      http.get(`${BASE}/v1/jobs`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json(makeFleetResponse([]));
      }),
    );
    await createClient().getFleetJobs({ states: [], query: ' ' });
    expect(search).toBe('');
  });

  it('gets the trends of an entity with days and job', async () => {
    let url: string | undefined;
    const body = makeTrendsResponse([makeTrendPoint('2025-03-04', 3, 1)], 7);
    server.use(
      http.get(`${ENTITY}/trends`, ({ request }) => {
        url = request.url;
        return HttpResponse.json(body);
      }),
    );
    await expect(
      createClient().getTrends(entityRef, {
        days: 7,
        job: 'arn:aws:glue:us-east-1:123456789012:job/a b',
      }),
    ).resolves.toEqual(body);
    expect(url).toBe(
      `${ENTITY}/trends?days=7&job=arn%3Aaws%3Aglue%3Aus-east-1%3A123456789012%3Ajob%2Fa+b`,
    );
  });

  it('gets the team summary of a group', async () => {
    let path: string | undefined;
    const body = makeTeamSummary();
    server.use(
      http.get(`${BASE}/v1/entity/*`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json(body);
      }),
    );
    await expect(
      createClient().getTeamSummary({
        kind: 'Group',
        namespace: 'default',
        name: 'data-platform',
      }),
    ).resolves.toEqual(body);
    expect(path).toBe(
      '/api/aws-glue/v1/entity/default/group/data-platform/team-summary',
    );
  });

  it('throws a ResponseError for a refused fleet or trends request', async () => {
    const refusal = (message: string) =>
      HttpResponse.json(
        {
          error: { name: 'InputError', message },
          response: { statusCode: 400 },
        },
        { status: 400 },
      );
    server.use(
      http.get(`${BASE}/v1/jobs`, () => refusal('limit must be at most 500')),
      http.get(`${ENTITY}/trends`, () =>
        refusal('days must be 7, 30, 90 or 365'),
      ),
    );
    const fleetError = await createClient()
      .getFleetJobs({ limit: 501 })
      .catch(e => e);
    expect(ResponseError.is(fleetError)).toBe(true);
    expect(fleetError.statusCode).toBe(400);
    expect(fleetError.cause.message).toBe('limit must be at most 500');
    const trendsError = await createClient()
      .getTrends(entityRef)
      .catch(e => e);
    expect(trendsError).toBeInstanceOf(ResponseError);
    expect(trendsError.cause.message).toBe('days must be 7, 30, 90 or 365');
  });

  it('throws a ResponseError with the server error on failure', async () => {
    server.use(
      http.get(`${ENTITY}/jobs`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No such entity' },
            request: { method: 'GET', url: '/jobs' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await createClient()
      .getJobs(entityRef)
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.cause.message).toBe('No such entity');
  });

  it('keeps Retry-After of a 503 on the error', async () => {
    server.use(
      http.post(`${ENTITY}/runs`, () =>
        HttpResponse.json(
          {
            error: { name: 'ServiceUnavailableError', message: 'Throttled' },
            response: { statusCode: 503 },
          },
          { status: 503, headers: { 'Retry-After': '7' } },
        ),
      ),
    );
    const error = await createClient()
      .startJobRun(entityRef, { job: 'freshers_in_dependent_job' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(error.response.headers.get('retry-after')).toBe('7');
  });
  it('gets the chain executions with a limit', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${ENTITY}/chain-executions`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(executionsResponse);
      }),
    );
    await expect(
      createClient().getChainExecutions(entityRef, { limit: 14 }),
    ).resolves.toEqual(executionsResponse);
    expect(url?.searchParams.get('limit')).toBe('14');
  });

  it('gets the triage of a run with the job in the query', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${ENTITY}/runs/:runId/triage`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(glueetlTriage);
      }),
    );
    await expect(
      createClient().getRunTriage(entityRef, 'jr_etl/3', { job: 'glueetl' }),
    ).resolves.toEqual(glueetlTriage);
    expect(url?.pathname).toMatch(/\/runs\/jr_etl%2F3\/triage$/);
    expect(url?.searchParams.get('job')).toBe('glueetl');
  });

  it('retries a run with a POST naming the job', async () => {
    let body: unknown;
    let method: string | undefined;
    let path: string | undefined;
    const answer = {
      jobName: 'glueetl',
      retriedRunId: 'jr_etl_3',
      runId: 'jr_etl_4',
    };
    server.use(
      http.post(`${ENTITY}/runs/:runId/retry`, async ({ request }) => {
        body = await request.json();
        method = request.method;
        path = new URL(request.url).pathname;
        return HttpResponse.json(answer, { status: 201 });
      }),
    );
    await expect(
      createClient().retryJobRun(entityRef, 'jr_etl_3', { job: 'glueetl' }),
    ).resolves.toEqual(answer);
    expect(method).toBe('POST');
    expect(path).toMatch(/\/runs\/jr_etl_3\/retry$/);
    expect(body).toEqual({ job: 'glueetl' });
    await createClient().retryJobRun(entityRef, 'jr_etl_3');
    expect(body).toEqual({});
  });

  it('gets the resume preview and resumes a workflow run with its node ids', async () => {
    const WORKFLOW = `${BASE}/v1/entity/default/system/sales-pipeline`;
    const workflowRef = {
      kind: 'System',
      namespace: 'default',
      name: 'sales-pipeline',
    };
    let body: unknown;
    const answer = {
      workflowName: 'sales-pipeline',
      resumedRunId: 'wr_0002',
      runId: 'wr_0003',
      nodeIds: ['n-customers'],
    };
    server.use(
      http.get(`${WORKFLOW}/workflow-runs/wr_0002/resume`, () =>
        HttpResponse.json(resumePreview),
      ),
      http.post(
        `${WORKFLOW}/workflow-runs/wr_0002/resume`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(answer, { status: 201 });
        },
      ),
    );
    const client = createClient();
    await expect(
      client.getWorkflowResumePreview(workflowRef, 'wr_0002'),
    ).resolves.toEqual(resumePreview);
    await expect(
      client.resumeWorkflowRun(workflowRef, 'wr_0002', {
        nodeIds: ['n-customers'],
      }),
    ).resolves.toEqual(answer);
    expect(body).toEqual({ nodeIds: ['n-customers'] });
  });

  it('throws the backend error of a refused retry', async () => {
    server.use(
      http.post(`${ENTITY}/runs/:runId/retry`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Retrying is off' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await createClient()
      .retryJobRun(entityRef, 'jr_1')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe('Retrying is off');
  });
});

describe('AwsGlueClient.runScorecardChecks', () => {
  const TECH_INSIGHTS = 'http://backstage.test/api/tech-insights';

  it('runs every check on the entity at the tech-insights base URL and reads the results', async () => {
    let request: { url: string; body: unknown; type: string | null } = {
      url: '',
      body: undefined,
      type: null,
    };
    server.use(
      http.post(`${TECH_INSIGHTS}/checks/run/*`, async ({ request: req }) => {
        request = {
          url: new URL(req.url).pathname,
          body: await req.json(),
          type: req.headers.get('content-type'),
        };
        return HttpResponse.json(wireScorecard);
      }),
    );
    const response = await createClient().runScorecardChecks({
      kind: 'Component',
      namespace: 'team a',
      name: 'freshers_in_dependent_job',
    });
    expect(request).toEqual({
      url: '/api/tech-insights/checks/run/team%20a/component/freshers_in_dependent_job',
      body: {},
      type: 'application/json',
    });
    expect(response.dropped).toBe(0);
    expect(response.results.map(r => [r.check.id, r.passed])).toEqual([
      ['aws-glue-success-rate-30d', true],
      ['aws-glue-timeout-set', false],
      ['aws-glue-retries-configured', true],
      ['tech-docs-present', false],
    ]);
  });

  it('throws a ResponseError with the status, 404 when Tech Insights is not installed', async () => {
    server.use(
      http.post(
        `${TECH_INSIGHTS}/checks/run/*`,
        () => new HttpResponse('Not Found', { status: 404 }),
      ),
    );
    const error = await createClient()
      .runScorecardChecks(entityRef)
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
  });

  it('refuses an answer that is not a list of check results', async () => {
    server.use(
      http.post(`${TECH_INSIGHTS}/checks/run/*`, () =>
        HttpResponse.json({ results: [] }),
      ),
    );
    await expect(createClient().runScorecardChecks(entityRef)).rejects.toThrow(
      /list of check results/,
    );
  });
});
