/*
 * The plugin's actions for agents, in Backstage's actions registry (served to
 * MCP clients by @backstage/plugin-mcp-actions-backend). Each is a thin
 * adapter over the services behind the HTTP routes, called with the agent's
 * own credentials: the same entity lookup, permission checks, redaction and
 * audit as the routes, not a copy of them.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  FAILED_GLUE_JOB_RUN_STATES,
  GLUE_JOB_RUN_STATES,
  GlueFleetResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { AwsGlueBackendConfig } from '../lib/config';
import { ChainService } from '../services/ChainService';
import { FleetOptions, GlueFleetService } from '../services/GlueFleetService';
import { guardPages } from '@aws-glue-backstage/plugin-aws-glue-node';
import { GlueRunsService } from '../services/GlueRunsService';
import {
  agentEntityRef,
  latestRunTime,
  toAgentRun,
  toChainStatus,
  toFailingJob,
  toFailureExplanation,
} from './agentViews';

/** What {@link registerGlueActions} needs. */
export interface GlueActionsOptions {
  actionsRegistry: ActionsRegistryService;
  runsService: GlueRunsService;
  chainService: ChainService;
  fleetService: GlueFleetService;
  config: Pick<AwsGlueBackendConfig, 'agentActions'>;
  logger: LoggerService;
  /** For `list-failing-glue-jobs`' default window; tests pin it. */
  now?: () => number;
}

/** The zod the registry hands to schema factories. */
type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** Fleet pages `list-failing-glue-jobs` reads at most (of 500 jobs). */
const MAX_FLEET_PAGES = 20;

const entityRefField = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(1000)
    .describe(
      'The catalog entity of the Glue job, e.g. component:default/orders-daily-etl (kind and namespace default to component and default).',
    );

const jobField = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(2048)
    .optional()
    .describe(
      'Which of the entity’s Glue jobs (name or ARN); leave out when the entity stands for one job.',
    );

const runSchema = (z: Zod) =>
  z.object({
    runId: z.string(),
    jobName: z.string(),
    attempt: z.number(),
    state: z.string().describe(`One of ${GLUE_JOB_RUN_STATES.join(', ')}.`),
    startedOn: z.string().optional().describe('ISO-8601.'),
    completedOn: z.string().optional().describe('ISO-8601.'),
    durationSeconds: z.number().optional(),
    dpuHours: z.number().optional(),
    estimatedCost: z.number().optional(),
    currency: z.string(),
    triggerName: z.string().optional(),
    errorMessage: z
      .string()
      .optional()
      .describe('Glue’s error message, secrets redacted.'),
    consoleUrl: z.string().optional(),
  });

/**
 * Registers the read-only actions (unless `awsGlue.agentActions.enabled` is
 * false) and `start-glue-job-run` (only when `agentActions.startJobRun` is
 * true).
 */
export function registerGlueActions(options: GlueActionsOptions): void {
  const { agentActions } = options.config;
  if (agentActions.enabled) {
    registerGetRuns(options);
    registerExplainFailure(options);
    registerChainStatus(options);
    registerListFailing(options);
  }
  if (agentActions.startJobRun) {
    registerStartRun(options);
  }
  options.logger.info(
    `AWS Glue agent actions: ${
      agentActions.enabled ? 'read-only on' : 'read-only off'
    }, start-glue-job-run ${agentActions.startJobRun ? 'on' : 'off'}`,
  );
}

function registerGetRuns({ actionsRegistry, runsService }: GlueActionsOptions) {
  actionsRegistry.register({
    name: 'get-glue-job-runs',
    title: 'Get AWS Glue job runs',
    description:
      'Lists the runs of the AWS Glue job a catalog entity stands for, newest first, a page at a time: state, start and end, duration, DPU-hours, estimated cost and the (redacted) error of each. Filter by state to find failures; pass nextToken to read on.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z),
          job: jobField(z),
          states: z
            .array(z.enum(GLUE_JOB_RUN_STATES))
            .max(GLUE_JOB_RUN_STATES.length)
            .optional()
            .describe('Only runs in these states, e.g. ["FAILED", "TIMEOUT"].'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(100)
            .default(10)
            .describe('Runs in this page, 1-100 (default 10).'),
          nextToken: z
            .string()
            .min(1)
            .max(8192)
            .optional()
            .describe('The nextToken of the previous page.'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          runs: z.array(runSchema(z)),
          nextToken: z
            .string()
            .optional()
            .describe('Pass back to read the next page; absent on the last.'),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = agentEntityRef(input.entityRef);
      const page = await runsService.listRuns({
        entityRef,
        credentials,
        job: input.job,
        limit: input.limit,
        nextToken: input.nextToken,
        states: input.states?.length ? [...input.states] : undefined,
      });
      return {
        output: {
          entityRef,
          runs: page.runs.map(toAgentRun),
          nextToken: page.nextToken,
        },
      };
    },
  });
}

function registerExplainFailure({
  actionsRegistry,
  runsService,
}: GlueActionsOptions) {
  actionsRegistry.register({
    name: 'explain-glue-job-failure',
    title: 'Explain an AWS Glue job failure',
    description:
      'Explains why a run of the AWS Glue job a catalog entity stands for failed: its state and redacted error message, the last lines of its error log, and what changed in its arguments and job definition since the last successful run. Without runId, explains the latest failed run (FAILED, TIMEOUT, ERROR or EXPIRED).',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z),
          job: jobField(z),
          runId: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe('A run id (jr_…); default: the latest failed run.'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          found: z
            .boolean()
            .describe('False when the job has no failed run to explain.'),
          summary: z.string().describe('The explanation in one paragraph.'),
          run: runSchema(z).optional(),
          errorMessage: z.string().optional(),
          logTail: z
            .array(
              z.object({
                group: z.string(),
                lines: z.array(z.string()),
                error: z
                  .string()
                  .optional()
                  .describe('Why this log could not be read.'),
              }),
            )
            .optional(),
          lastSuccess: z
            .object({ runId: z.string(), startedOn: z.string().optional() })
            .optional(),
          changesSinceLastSuccess: z
            .array(
              z.object({
                kind: z.enum(['argument', 'definition']),
                field: z.string(),
                before: z.string().optional().describe('Redacted.'),
                after: z.string().optional().describe('Redacted.'),
              }),
            )
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = agentEntityRef(input.entityRef);
      const request = { entityRef, credentials, job: input.job };
      const run = input.runId
        ? await runsService.getRun({ ...request, runId: input.runId })
        : (
            await runsService.listRuns({
              ...request,
              limit: 1,
              states: [...FAILED_GLUE_JOB_RUN_STATES],
            })
          ).runs[0];
      if (!run) {
        return {
          output: {
            entityRef,
            found: false,
            summary: `No failed run of ${entityRef} in its run history.`,
          },
        };
      }
      const triage = await runsService.getTriage({
        ...request,
        job: run.jobArn,
        runId: run.id,
      });
      return { output: toFailureExplanation(entityRef, run, triage) };
    },
  });
}

function registerChainStatus({
  actionsRegistry,
  chainService,
}: GlueActionsOptions) {
  actionsRegistry.register({
    name: 'get-glue-chain-status',
    title: 'Get the status of an AWS Glue job chain',
    description:
      'How the latest execution of the chain around a catalog entity went (a Glue job, trigger or workflow): the root run, each job’s run in it with state and times, the critical path, when the chain’s output landed and whether it was late for its SLA.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ entityRef: entityRefField(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          found: z
            .boolean()
            .describe('False when no execution of the chain is known.'),
          execution: z
            .object({
              rootRunId: z.string(),
              rootJobName: z.string(),
              startKind: z
                .string()
                .describe(
                  'SCHEDULED, ON_DEMAND, CONDITIONAL, EVENT or MANUAL.',
                ),
              state: z.enum(['RUNNING', 'FAILED', 'SUCCEEDED']),
              startedOn: z.string().optional(),
              completedOn: z
                .string()
                .optional()
                .describe('When the output landed.'),
              landingSeconds: z.number().optional(),
              late: z.boolean().optional(),
              deadline: z.string().optional(),
              nodes: z.array(
                z.object({
                  entityRef: z.string(),
                  jobName: z.string(),
                  runId: z.string().optional(),
                  state: z.string().describe('A run state, or NOT_STARTED.'),
                  startedOn: z.string().optional(),
                  completedOn: z.string().optional(),
                  durationSeconds: z.number().optional(),
                  critical: z
                    .boolean()
                    .describe('On the path that decided when it landed.'),
                  errorMessage: z.string().optional(),
                }),
              ),
            })
            .optional(),
          problems: z
            .array(z.string())
            .describe('What could not be read or was cut short.'),
        }),
    },
    action: async ({ input, credentials }) => {
      const response = await chainService.getExecutions({
        entityRef: agentEntityRef(input.entityRef),
        credentials,
        limit: 1,
      });
      return { output: toChainStatus(response) };
    },
  });
}

function registerListFailing(options: GlueActionsOptions) {
  const { actionsRegistry, fleetService } = options;
  const now = options.now ?? Date.now;
  actionsRegistry.register({
    name: 'list-failing-glue-jobs',
    title: 'List failing AWS Glue jobs',
    description:
      'Lists the AWS Glue jobs whose latest run failed (FAILED, TIMEOUT, ERROR or EXPIRED), optionally only those of an owner and only failures since a time, from the run index. Each has its catalog entity ref, owner, latest run and failures in the last 24 hours.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .min(1)
            .max(1000)
            .optional()
            .describe(
              'Only jobs owned by this entity, e.g. group:default/analytics.',
            ),
          since: z
            .string()
            .datetime({ offset: true })
            .optional()
            .describe(
              'ISO-8601 date-time: only jobs whose latest run ended after it. Default: 24 hours ago.',
            ),
        }),
      output: z =>
        z.object({
          since: z.string(),
          jobs: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              owner: z.string().optional(),
              system: z.string().optional(),
              jobName: z.string(),
              accountId: z.string(),
              region: z.string(),
              failuresLast24h: z.number(),
              latestRun: z
                .object({
                  runId: z.string(),
                  state: z.string(),
                  startedOn: z.string().optional(),
                  completedOn: z.string().optional(),
                  errorMessage: z.string().optional(),
                })
                .optional(),
            }),
          ),
          truncated: z
            .boolean()
            .describe('True when there were more failing jobs than listed.'),
        }),
    },
    action: async ({ input, credentials }) => {
      const since = input.since
        ? Date.parse(input.since)
        : now() - 24 * 3600_000;
      const owners = input.owner ? [agentEntityRef(input.owner)] : undefined;
      const jobs = [];
      let truncated = false;
      for await (const page of guardPages(
        'The fleet of failing jobs',
        fleetPages(fleetService, {
          credentials,
          owners,
          states: [...FAILED_GLUE_JOB_RUN_STATES],
          limit: 500,
        }),
        { maxPages: MAX_FLEET_PAGES, tokenOf: p => p.nextCursor },
      )) {
        jobs.push(
          ...page.jobs.filter(job => (latestRunTime(job) ?? 0) >= since),
        );
        truncated = page.nextCursor !== undefined;
      }
      return {
        output: {
          since: new Date(since).toISOString(),
          jobs: jobs.map(toFailingJob),
          truncated,
        },
      };
    },
  });
}

/**
 * The fleet's pages from the first, at most {@link MAX_FLEET_PAGES} (the
 * last one read says by its cursor whether there were more).
 */
async function* fleetPages(
  fleetService: GlueFleetService,
  query: Omit<FleetOptions, 'cursor'>,
): AsyncGenerator<GlueFleetResponse> {
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_FLEET_PAGES; pages++) {
    const page = await fleetService.getFleet({ ...query, cursor });
    yield page;
    cursor = page.nextCursor;
    if (!cursor) return;
  }
}

function registerStartRun({
  actionsRegistry,
  runsService,
}: GlueActionsOptions) {
  actionsRegistry.register({
    name: 'start-glue-job-run',
    title: 'Start an AWS Glue job run',
    description:
      'Starts a run of the AWS Glue job a catalog entity stands for, as the caller: refused unless the caller may start runs of that entity. Argument overrides are limited to the keys the portal allows (awsGlue.actions.allowedArguments); any other key is refused. Returns the new run id.',
    attributes: { readOnly: false, destructive: true, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z),
          job: jobField(z),
          arguments: z
            .record(z.string().min(1).max(1024), z.string().max(100_000))
            .refine(args => Object.keys(args).length <= 50, {
              message: 'at most 50 arguments',
            })
            .optional()
            .describe(
              'Job argument overrides, e.g. {"--run_date": "2026-12-01"}; only allow-listed keys.',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          jobName: z.string(),
          runId: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = agentEntityRef(input.entityRef);
      const started = await runsService.startRun({
        entityRef,
        credentials,
        job: input.job,
        arguments: input.arguments,
      });
      return { output: { entityRef, ...started } };
    },
  });
}
