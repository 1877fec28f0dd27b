import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  GLUE_JOB_RUN_STATES,
  GLUE_TREND_WINDOWS,
  GlueTrendWindow,
  glueChainExecutionsQuerySchema,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { AwsGlueBackendConfig } from './lib/config';
import { retryAfterOf } from './lib/errors';
import { ChainService } from './services/ChainService';
import { GlueFleetService } from './services/GlueFleetService';
import { GlueJobFactsService } from './services/GlueJobFactsService';
import { GlueRunsService } from './services/GlueRunsService';

/** Options of {@link createRouter}. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  runsService: GlueRunsService;
  chainService: ChainService;
  fleetService: GlueFleetService;
  /** Serves `/v1/job-facts` (for Tech Insights); the route is absent without it. */
  jobFactsService?: GlueJobFactsService;
  config: Pick<AwsGlueBackendConfig, 'chain'>;
}

const entityParams = z.object({
  namespace: z.string().min(1).max(253),
  kind: z.string().min(1).max(253),
  name: z.string().min(1).max(253),
});

const job = z.string().min(1).max(2048).optional();
const nextToken = z.string().min(1).max(8192).optional();
const runId = z.string().min(1).max(255);

const stateFilter = z
  .string()
  .max(200)
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return undefined;
    const states = value
      .split(',')
      .map(s => s.trim().toLocaleUpperCase('en-US'))
      .filter(Boolean);
    for (const state of states) {
      if (!(GLUE_JOB_RUN_STATES as readonly string[]).includes(state)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `unknown job run state '${state}'; use one or more (comma-separated) of ${GLUE_JOB_RUN_STATES.join(
            ', ',
          )}`,
        });
        return z.NEVER;
      }
    }
    return [...new Set(states)];
  });

const runsQuery = z.object({
  job,
  limit: z.coerce.number().int().min(1).max(200).default(25),
  nextToken,
  state: stateFilter,
});

const jobQuery = z.object({ job });

const workflowRunsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(25),
  nextToken,
});

const startBody = z
  .object({
    job,
    arguments: z
      .record(z.string().min(1).max(1024), z.string().max(100_000))
      .refine(args => Object.keys(args).length <= 50, {
        message: 'at most 50 arguments',
      })
      .optional(),
  })
  .strict();

const stopBody = z.object({ job }).strict();

/** Body of a retry: which of the entity's jobs (the run's arguments are the run's own). */
const retryBody = stopBody;

/** Body of a resume: the failed nodes to resume (default: all of them). */
const resumeBody = z
  .object({ nodeIds: z.array(z.string().min(1).max(255)).max(100).optional() })
  .strict();

const fleetQuery = z.object({
  owner: z
    .string()
    .max(2000)
    .regex(
      /^([\w.-]+:)?([\w.-]+\/)?[\w.-]+(,([\w.-]+:)?([\w.-]+\/)?[\w.-]+)*$/,
      'entity refs such as group:default/analytics, comma-separated',
    )
    .optional()
    .transform(value => value?.split(',')),
  account: z
    .string()
    .regex(/^\d{12}$/, 'a 12-digit account id')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region')
    .optional(),
  state: stateFilter,
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: nextToken,
});

const jobFactsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(500),
  cursor: nextToken,
});

const trendsQuery = z.object({
  job,
  days: z.coerce
    .number()
    .refine(
      (days): days is GlueTrendWindow =>
        (GLUE_TREND_WINDOWS as readonly number[]).includes(days),
      { message: `one of ${GLUE_TREND_WINDOWS.join(', ')}` },
    )
    .default(30),
});

/** Parses with zod; an `InputError` naming each failing field otherwise. */
function parse<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(issue => `${issue.path.join('.') || what}: ${issue.message}`)
        .join('; '),
    );
  }
  return result.data;
}

/** The entity ref of the `:namespace/:kind/:name` route parameters. */
function entityRefOf(req: Request): string {
  const { namespace, kind, name } = parse(entityParams, req.params, 'entity');
  return stringifyEntityRef({ kind, namespace, name });
}

/**
 * Copies a 503's retry hint into a `Retry-After` header, then lets the error
 * go on to the framework's error handler (no error middleware here).
 */
function withRetryAfter(
  handler: (req: Request, res: Response) => Promise<void>,
) {
  return async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      const seconds = retryAfterOf(error);
      if (seconds !== undefined && !res.headersSent) {
        res.setHeader('Retry-After', String(seconds));
      }
      throw error;
    }
  };
}

/** What an entity route's handler gets. */
interface EntityRequest {
  req: Request;
  /** The entity of the `:namespace/:kind/:name` parameters. */
  entityRef: string;
  credentials: BackstageCredentials;
}

/**
 * `get`/`post` for routes keyed by entity: the entity ref and the caller's
 * credentials for the handler, the handler's result as JSON, and a 503's
 * `Retry-After`.
 */
function entityRoutes(router: express.Router, httpAuth: HttpAuthService) {
  const base = '/v1/entity/:namespace/:kind/:name';
  const handle = (
    handler: (request: EntityRequest) => Promise<unknown>,
    status: number,
  ) =>
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      const credentials = await httpAuth.credentials(req);
      res.status(status).json(await handler({ req, entityRef, credentials }));
    });
  return {
    get: (path: string, handler: (r: EntityRequest) => Promise<unknown>) =>
      router.get(`${base}${path}`, handle(handler, 200)),
    post: (
      path: string,
      handler: (r: EntityRequest) => Promise<unknown>,
      status = 200,
    ) => router.post(`${base}${path}`, handle(handler, status)),
  };
}

/**
 * The plugin's HTTP API, mounted at `/api/aws-glue`. Every route but the
 * fleet overview (`/v1/jobs`) is keyed by entity:
 * `/v1/entity/:namespace/:kind/:name/...`. Thin: validates input and calls
 * the services.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, runsService, chainService, fleetService, config } = options;
  const { jobFactsService } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));
  const entity = entityRoutes(router, httpAuth);

  const chainQuery = z.object({
    direction: z.enum(['up', 'down', 'both']).default('both'),
    depth: z.coerce
      .number()
      .int()
      .min(0)
      .max(config.chain.maxDepth)
      .default(config.chain.defaultDepth),
  });

  router.get(
    '/v1/jobs',
    withRetryAfter(async (req, res) => {
      const query = parse(fleetQuery, req.query, 'query');
      res.json(
        await fleetService.getFleet({
          credentials: await httpAuth.credentials(req),
          owners: query.owner,
          account: query.account,
          region: query.region,
          states: query.state,
          text: query.q?.trim() || undefined,
          limit: query.limit,
          cursor: query.cursor,
        }),
      );
    }),
  );

  // Facts of every synced job for Tech Insights, which serves them again
  // behind its own permissions: service principals only (no user reads them
  // here), and no arguments or run details in them.
  if (jobFactsService) {
    router.get(
      '/v1/job-facts',
      withRetryAfter(async (req, res) => {
        await httpAuth.credentials(req, { allow: ['service'] });
        const query = parse(jobFactsQuery, req.query, 'query');
        res.json(
          await jobFactsService.getJobFacts({
            limit: query.limit,
            cursor: query.cursor,
          }),
        );
      }),
    );
  }

  entity.get('/trends', ({ req, entityRef, credentials }) => {
    const query = parse(trendsQuery, req.query, 'query');
    return fleetService.getTrends({
      entityRef,
      credentials,
      job: query.job,
      days: query.days as GlueTrendWindow,
    });
  });

  entity.get('/team-summary', ({ entityRef, credentials }) =>
    fleetService.getTeamSummary({ entityRef, credentials }),
  );

  entity.get('/jobs', ({ entityRef, credentials }) =>
    runsService.getJobs({ entityRef, credentials }),
  );

  entity.get('/runs', ({ req, entityRef, credentials }) => {
    const query = parse(runsQuery, req.query, 'query');
    return runsService.listRuns({
      entityRef,
      credentials,
      job: query.job,
      limit: query.limit,
      nextToken: query.nextToken,
      states: query.state,
    });
  });

  entity.post(
    '/runs',
    ({ req, entityRef, credentials }) => {
      const body = parse(startBody, req.body ?? {}, 'body');
      return runsService.startRun({
        entityRef,
        credentials,
        request: req,
        job: body.job,
        arguments: body.arguments,
      });
    },
    201,
  );

  entity.get('/runs/:runId', ({ req, entityRef, credentials }) =>
    runsService.getRun({
      entityRef,
      credentials,
      job: parse(jobQuery, req.query, 'query').job,
      runId: parse(runId, req.params.runId, 'runId'),
    }),
  );

  entity.get('/runs/:runId/triage', ({ req, entityRef, credentials }) =>
    runsService.getTriage({
      entityRef,
      credentials,
      job: parse(jobQuery, req.query, 'query').job,
      runId: parse(runId, req.params.runId, 'runId'),
    }),
  );

  entity.post(
    '/runs/:runId/retry',
    ({ req, entityRef, credentials }) =>
      runsService.retryRun({
        entityRef,
        credentials,
        request: req,
        job: parse(retryBody, req.body ?? {}, 'body').job,
        runId: parse(runId, req.params.runId, 'runId'),
      }),
    201,
  );

  entity.get(
    '/workflow-runs/:runId/resume',
    ({ req, entityRef, credentials }) =>
      runsService.getResumePreview({
        entityRef,
        credentials,
        runId: parse(runId, req.params.runId, 'runId'),
      }),
  );

  entity.post(
    '/workflow-runs/:runId/resume',
    ({ req, entityRef, credentials }) =>
      runsService.resumeWorkflowRun({
        entityRef,
        credentials,
        request: req,
        nodeIds: parse(resumeBody, req.body ?? {}, 'body').nodeIds,
        runId: parse(runId, req.params.runId, 'runId'),
      }),
    201,
  );

  entity.post('/runs/:runId/stop', ({ req, entityRef, credentials }) =>
    runsService.stopRun({
      entityRef,
      credentials,
      request: req,
      job: parse(stopBody, req.body ?? {}, 'body').job,
      runId: parse(runId, req.params.runId, 'runId'),
    }),
  );

  entity.get('/bookmark', ({ req, entityRef, credentials }) =>
    runsService.getBookmark({
      entityRef,
      credentials,
      job: parse(jobQuery, req.query, 'query').job,
    }),
  );

  entity.get('/chain', ({ req, entityRef, credentials }) => {
    const query = parse(chainQuery, req.query, 'query');
    return chainService.getChain({
      entityRef,
      credentials,
      direction: query.direction,
      depth: query.depth,
    });
  });

  entity.get('/chain-executions', ({ req, entityRef, credentials }) =>
    chainService.getExecutions({
      entityRef,
      credentials,
      limit: parse(glueChainExecutionsQuerySchema, req.query, 'query').limit,
    }),
  );

  entity.get('/workflow-runs', ({ req, entityRef, credentials }) => {
    const query = parse(workflowRunsQuery, req.query, 'query');
    return runsService.getWorkflowRuns({
      entityRef,
      credentials,
      limit: query.limit,
      nextToken: query.nextToken,
    });
  });

  return router;
}
