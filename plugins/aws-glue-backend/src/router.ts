import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { GLUE_JOB_RUN_STATES } from '@aws-glue-backstage/plugin-aws-glue-common';
import { AwsGlueBackendConfig } from './lib/config';
import { retryAfterOf } from './lib/errors';
import { ChainService } from './services/ChainService';
import { GlueRunsService } from './services/GlueRunsService';

/** Options of {@link createRouter}. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  runsService: GlueRunsService;
  chainService: ChainService;
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

/**
 * The plugin's HTTP API, mounted at `/api/aws-glue`. Every route is keyed by
 * entity: `/v1/entity/:namespace/:kind/:name/...`. Thin: validates input and
 * calls the services.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, runsService, chainService, config } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  const chainQuery = z.object({
    direction: z.enum(['up', 'down', 'both']).default('both'),
    depth: z.coerce
      .number()
      .int()
      .min(0)
      .max(config.chain.maxDepth)
      .default(config.chain.defaultDepth),
  });

  const base = '/v1/entity/:namespace/:kind/:name';

  router.get(
    `${base}/jobs`,
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      res.json(
        await runsService.getJobs({
          entityRef,
          credentials: await httpAuth.credentials(req),
        }),
      );
    }),
  );

  router.get(
    `${base}/runs`,
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      const query = parse(runsQuery, req.query, 'query');
      res.json(
        await runsService.listRuns({
          entityRef,
          credentials: await httpAuth.credentials(req),
          job: query.job,
          limit: query.limit,
          nextToken: query.nextToken,
          states: query.state,
        }),
      );
    }),
  );

  router.post(
    `${base}/runs`,
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      const body = parse(startBody, req.body ?? {}, 'body');
      const result = await runsService.startRun({
        entityRef,
        credentials: await httpAuth.credentials(req),
        request: req,
        job: body.job,
        arguments: body.arguments,
      });
      res.status(201).json(result);
    }),
  );

  router.get(
    `${base}/runs/:runId`,
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      const id = parse(runId, req.params.runId, 'runId');
      const query = parse(jobQuery, req.query, 'query');
      res.json(
        await runsService.getRun({
          entityRef,
          credentials: await httpAuth.credentials(req),
          job: query.job,
          runId: id,
        }),
      );
    }),
  );

  router.post(
    `${base}/runs/:runId/stop`,
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      const id = parse(runId, req.params.runId, 'runId');
      const body = parse(stopBody, req.body ?? {}, 'body');
      res.json(
        await runsService.stopRun({
          entityRef,
          credentials: await httpAuth.credentials(req),
          request: req,
          job: body.job,
          runId: id,
        }),
      );
    }),
  );

  router.get(
    `${base}/bookmark`,
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      const query = parse(jobQuery, req.query, 'query');
      res.json(
        await runsService.getBookmark({
          entityRef,
          credentials: await httpAuth.credentials(req),
          job: query.job,
        }),
      );
    }),
  );

  router.get(
    `${base}/chain`,
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      const query = parse(chainQuery, req.query, 'query');
      res.json(
        await chainService.getChain({
          entityRef,
          credentials: await httpAuth.credentials(req),
          direction: query.direction,
          depth: query.depth,
        }),
      );
    }),
  );

  router.get(
    `${base}/workflow-runs`,
    withRetryAfter(async (req, res) => {
      const entityRef = entityRefOf(req);
      const query = parse(workflowRunsQuery, req.query, 'query');
      res.json(
        await runsService.getWorkflowRuns({
          entityRef,
          credentials: await httpAuth.credentials(req),
          limit: query.limit,
          nextToken: query.nextToken,
        }),
      );
    }),
  );

  return router;
}
