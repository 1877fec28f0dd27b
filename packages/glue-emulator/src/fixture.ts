/*
 * The YAML fixture: schema (zod), loading, and validation with error messages
 * that name the file, the path inside it and the problem.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { CronError, parseCron } from './cron';
import type {
  GlueAction,
  GlueJobCommand,
  SimulationSettings,
  StringMap,
  TriggerType,
  WorkflowSimulation,
} from './types';

/** A time in a fixture: epoch seconds, an ISO-8601 string or a Date. */
export type FixtureTime = number | string | Date;

export interface FixtureJob {
  Name: string;
  Description?: string;
  Role: string;
  Command: GlueJobCommand;
  DefaultArguments?: StringMap;
  NonOverridableArguments?: StringMap;
  Connections?: { Connections: string[] };
  MaxRetries?: number;
  AllocatedCapacity?: number;
  Timeout?: number;
  MaxCapacity?: number;
  WorkerType?: string;
  NumberOfWorkers?: number;
  ExecutionProperty?: { MaxConcurrentRuns: number };
  ExecutionClass?: string;
  GlueVersion?: string;
  JobMode?: string;
  CodeGenConfigurationNodes?: Record<string, Record<string, unknown>>;
  CreatedOn?: FixtureTime;
  LastModifiedOn?: FixtureTime;
  Tags?: StringMap;
  Simulation?: SimulationSettings;
  [member: string]: unknown;
}

/** A trigger condition; `LogicalOperator` defaults to EQUALS. */
export interface FixtureCondition {
  LogicalOperator?: 'EQUALS';
  JobName?: string;
  State?: string;
  CrawlerName?: string;
  CrawlState?: string;
}

/** A trigger predicate; `Logical` is required with several conditions. */
export interface FixturePredicate {
  Logical?: 'AND' | 'ANY';
  Conditions: FixtureCondition[];
}

export interface FixtureTrigger {
  Name: string;
  Type: TriggerType;
  State?: string;
  Id?: string;
  Description?: string;
  Schedule?: string;
  Predicate?: FixturePredicate;
  Actions: GlueAction[];
  WorkflowName?: string;
  Tags?: StringMap;
  /** Emulator-only: `history` = number of firings of an ON_DEMAND trigger in the generated history. */
  Simulation?: { history?: number };
  [member: string]: unknown;
}

export interface FixtureWorkflow {
  Name: string;
  Description?: string;
  DefaultRunProperties?: StringMap;
  MaxConcurrentRuns?: number;
  CreatedOn?: FixtureTime;
  LastModifiedOn?: FixtureTime;
  Tags?: StringMap;
  /** Emulator-only: `resume` = how the runs of a resumed workflow run end. */
  Simulation?: WorkflowSimulation;
  [member: string]: unknown;
}

export interface FixtureCrawler {
  Name: string;
  Role: string;
  DatabaseName?: string;
  Description?: string;
  Targets: {
    S3Targets?: {
      Path: string;
      Exclusions?: string[];
      [member: string]: unknown;
    }[];
    [member: string]: unknown;
  };
  /** `cron(...)` or Glue's `{ ScheduleExpression, State }`. */
  Schedule?: string | { ScheduleExpression: string; State?: string };
  CreationTime?: FixtureTime;
  LastUpdated?: FixtureTime;
  Tags?: StringMap;
  Simulation?: SimulationSettings;
  [member: string]: unknown;
}

export interface FixtureRegion {
  jobs?: FixtureJob[];
  triggers?: FixtureTrigger[];
  workflows?: FixtureWorkflow[];
  crawlers?: FixtureCrawler[];
}

export interface FixtureAccount {
  accountId: string;
  regions: Record<string, FixtureRegion>;
}

/** The whole fixture, as written in YAML. */
export interface Fixture {
  /** Seed of the run-history generator. */
  seed?: number;
  /** Account used for requests whose access key is not a 12-digit account id. */
  defaultAccount?: string;
  accounts: FixtureAccount[];
}

/** One problem found in a fixture. */
export interface FixtureIssue {
  path: string;
  message: string;
}

/** Thrown when a fixture cannot be parsed or is invalid. */
export class FixtureError extends Error {
  readonly source: string;
  readonly issues: FixtureIssue[];

  constructor(source: string, issues: FixtureIssue[]) {
    const shown = issues
      .slice(0, 20)
      .map(issue =>
        issue.path
          ? `${source}: ${issue.path}: ${issue.message}`
          : `${source}: ${issue.message}`,
      );
    if (issues.length > 20) {
      shown.push(`${source}: ... and ${issues.length - 20} more problems`);
    }
    super(shown.join('\n'));
    this.name = 'FixtureError';
    this.source = source;
    this.issues = issues;
  }
}

// ---------------------------------------------------------------- schema

/** A single line: no control characters except TAB. */
function isSingleLine(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return false;
  }
  return true;
}

const nameString = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .refine(isSingleLine, 'must be a single line without control characters');

/** Scalars in argument maps are turned into strings (`true` -> `"true"`). */
const stringValue = z
  .union([z.string(), z.number(), z.boolean()])
  .transform(v => String(v));

const stringMap = z.record(stringValue);

const tags = z
  .record(
    z.string().min(1).max(128),
    z
      .union([z.string(), z.number(), z.boolean()])
      .transform(v => String(v))
      .refine(v => v.length <= 256, 'a tag value has at most 256 characters'),
  )
  .refine(t => Object.keys(t).length <= 50, 'at most 50 tags per resource');

const fixtureTime = z.union([
  z.number(),
  z.date(),
  z
    .string()
    .refine(
      s => !Number.isNaN(Date.parse(s)),
      'must be epoch seconds or an ISO-8601 date',
    ),
]);

const rate = z.number().min(0).max(1);

const terminalJobState = z.enum([
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'STOPPED',
  'ERROR',
]);

const simulationFields = {
  durationSeconds: z.number().positive().optional(),
  failureRate: rate.optional(),
  timeoutRate: rate.optional(),
  stopRate: rate.optional(),
  errorMessages: z.array(z.string()).optional(),
  history: z.number().int().min(0).optional(),
  inProgress: z.boolean().optional(),
  outcomes: z.array(terminalJobState).optional(),
};

const simulation = z.object(simulationFields).strict();

/** A job's Simulation block also pins its newest generated runs. */
const jobSimulation = z
  .object({
    ...simulationFields,
    manualOutcomes: z.array(terminalJobState).optional(),
    latest: z
      .array(
        z.union([
          terminalJobState,
          z
            .object({
              state: terminalJobState,
              errorMessage: z.string().min(1).optional(),
              arguments: stringMap.optional(),
              workerType: z.string().min(1).optional(),
              numberOfWorkers: z.number().int().min(1).optional(),
            })
            .strict()
            .refine(
              p =>
                !p.errorMessage || !['SUCCEEDED', 'STOPPED'].includes(p.state),
              'errorMessage is only for a FAILED, TIMEOUT or ERROR run',
            ),
        ]),
      )
      .optional(),
  })
  .strict();

const quotedVersion = (label: string) =>
  z.string({
    invalid_type_error: `${label} must be a quoted string, e.g. '4.0'`,
  });

const job = z
  .object({
    Name: nameString,
    Description: z.string().max(2048).optional(),
    Role: z.string().min(1),
    Command: z
      .object({
        Name: z.string().min(1),
        ScriptLocation: z.string().max(400000).optional(),
        PythonVersion: z
          .union([z.string(), z.number()])
          .transform(v => String(v))
          .refine(
            v => /^([2-3]|3[.]9)$/.test(v),
            "PythonVersion must be '2', '3' or '3.9'",
          )
          .optional(),
        Runtime: z.string().max(64).optional(),
      })
      .passthrough(),
    DefaultArguments: stringMap.optional(),
    NonOverridableArguments: stringMap.optional(),
    Connections: z.object({ Connections: z.array(z.string()) }).optional(),
    MaxRetries: z.number().int().min(0).optional(),
    AllocatedCapacity: z.number().int().min(0).optional(),
    Timeout: z
      .number()
      .int()
      .min(1)
      .max(10079, 'Timeout must be less than 10080 minutes')
      .optional(),
    MaxCapacity: z.number().positive().optional(),
    WorkerType: z.string().min(1).optional(),
    NumberOfWorkers: z.number().int().min(1).optional(),
    ExecutionProperty: z
      .object({ MaxConcurrentRuns: z.number().int().min(1) })
      .optional(),
    ExecutionClass: z.string().max(16).optional(),
    GlueVersion: quotedVersion('GlueVersion')
      .regex(/^(\w+\.)+\w+$/, "GlueVersion looks like '4.0'")
      .optional(),
    JobMode: z.string().optional(),
    CodeGenConfigurationNodes: z
      .record(
        z.string().regex(/^[A-Za-z0-9_-]*$/, 'node ids match [A-Za-z0-9_-]*'),
        z.record(z.unknown()),
      )
      .optional(),
    CreatedOn: fixtureTime.optional(),
    LastModifiedOn: fixtureTime.optional(),
    Tags: tags.optional(),
    Simulation: jobSimulation.optional(),
  })
  .passthrough();

const JOB_WATCH_STATES = ['SUCCEEDED', 'STOPPED', 'FAILED', 'TIMEOUT'];
const CRAWL_WATCH_STATES = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

const condition = z
  .object({
    LogicalOperator: z.literal('EQUALS').optional(),
    JobName: z.string().min(1).optional(),
    State: z.string().optional(),
    CrawlerName: z.string().min(1).optional(),
    CrawlState: z.string().optional(),
  })
  .passthrough()
  .superRefine((c, ctx) => {
    const problem = (message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (c.JobName && c.CrawlerName) {
      problem('a condition watches either JobName or CrawlerName, not both');
    } else if (c.JobName) {
      if (!c.State || !JOB_WATCH_STATES.includes(c.State)) {
        problem(
          `a job condition needs State, one of ${JOB_WATCH_STATES.join(', ')}`,
        );
      }
    } else if (c.CrawlerName) {
      if (!c.CrawlState || !CRAWL_WATCH_STATES.includes(c.CrawlState)) {
        problem(
          `a crawler condition needs CrawlState, one of ${CRAWL_WATCH_STATES.join(
            ', ',
          )}`,
        );
      }
    } else {
      problem(
        'a condition needs JobName and State or CrawlerName and CrawlState',
      );
    }
  });

const predicate = z
  .object({
    Logical: z.enum(['AND', 'ANY']).optional(),
    Conditions: z.array(condition).min(1, 'a predicate needs a condition'),
  })
  .passthrough()
  .superRefine((p, ctx) => {
    if (p.Conditions.length > 1 && !p.Logical) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['Logical'],
        message: 'Logical (AND or ANY) is required with several conditions',
      });
    }
  });

const action = z
  .object({
    JobName: z.string().min(1).optional(),
    CrawlerName: z.string().min(1).optional(),
    Arguments: stringMap.optional(),
    Timeout: z.number().int().min(1).optional(),
    SecurityConfiguration: z.string().optional(),
    NotificationProperty: z
      .object({ NotifyDelayAfter: z.number().int().min(1).optional() })
      .optional(),
  })
  .passthrough()
  .superRefine((a, ctx) => {
    if (!a.JobName && !a.CrawlerName) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'a trigger action needs JobName or CrawlerName',
      });
    } else if (a.JobName && a.CrawlerName) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'a trigger action has either JobName or CrawlerName, not both',
      });
    }
  });

function checkCron(
  expression: string,
  ctx: z.RefinementCtx,
  path: (string | number)[],
) {
  try {
    parseCron(expression);
  } catch (e) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path,
      message: e instanceof CronError ? e.message : String(e),
    });
  }
}

const trigger = z
  .object({
    Name: nameString,
    Id: z.string().optional(),
    Type: z.enum(['SCHEDULED', 'CONDITIONAL', 'ON_DEMAND', 'EVENT']),
    State: z
      .enum([
        'CREATING',
        'CREATED',
        'ACTIVATING',
        'ACTIVATED',
        'DEACTIVATING',
        'DEACTIVATED',
        'DELETING',
        'UPDATING',
      ])
      .optional(),
    Description: z.string().max(2048).optional(),
    Schedule: z.string().optional(),
    Predicate: predicate.optional(),
    Actions: z.array(action).min(1, 'a trigger needs at least one action'),
    WorkflowName: z.string().min(1).optional(),
    Tags: tags.optional(),
    Simulation: z
      .object({ history: z.number().int().min(0).optional() })
      .strict()
      .optional(),
  })
  .passthrough()
  .superRefine((t, ctx) => {
    if (t.Type === 'SCHEDULED') {
      if (!t.Schedule) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['Schedule'],
          message:
            'a SCHEDULED trigger needs a Schedule, e.g. cron(15 2 * * ? *)',
        });
      } else {
        checkCron(t.Schedule, ctx, ['Schedule']);
      }
    }
    if (t.Type === 'CONDITIONAL' && !t.Predicate) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['Predicate'],
        message: 'a CONDITIONAL trigger needs a Predicate',
      });
    }
    const crawlers = t.Actions.filter(a => a.CrawlerName).length;
    if (crawlers > 2) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['Actions'],
        message: 'a trigger can start at most 2 crawlers',
      });
    }
  });

const workflow = z
  .object({
    Name: nameString,
    Description: z.string().optional(),
    DefaultRunProperties: stringMap.optional(),
    MaxConcurrentRuns: z.number().int().min(0).optional(),
    CreatedOn: fixtureTime.optional(),
    LastModifiedOn: fixtureTime.optional(),
    Tags: tags.optional(),
    Simulation: z
      .object({
        resume: z
          .object({
            outcome: z.enum(['SUCCEEDED', 'FAILED']),
            durationSeconds: z.number().positive().optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough();

const crawler = z
  .object({
    Name: nameString,
    Role: z.string().min(1),
    DatabaseName: z.string().optional(),
    Description: z.string().max(2048).optional(),
    Targets: z
      .object({
        S3Targets: z
          .array(
            z
              .object({
                Path: z.string().min(1),
                Exclusions: z.array(z.string()).optional(),
              })
              .passthrough(),
          )
          .optional(),
      })
      .passthrough(),
    Schedule: z
      .union([
        z.string(),
        z
          .object({
            ScheduleExpression: z.string(),
            State: z.string().optional(),
          })
          .passthrough(),
      ])
      .optional(),
    CreationTime: fixtureTime.optional(),
    LastUpdated: fixtureTime.optional(),
    Tags: tags.optional(),
    Simulation: simulation.optional(),
  })
  .passthrough()
  .superRefine((c, ctx) => {
    if (c.Schedule !== undefined) {
      const expression =
        typeof c.Schedule === 'string'
          ? c.Schedule
          : c.Schedule.ScheduleExpression;
      checkCron(expression, ctx, ['Schedule']);
    }
  });

const region = z
  .object({
    jobs: z.array(job).optional(),
    triggers: z.array(trigger).optional(),
    workflows: z.array(workflow).optional(),
    crawlers: z.array(crawler).optional(),
  })
  .strict();

const accountId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(v => (typeof v === 'number' ? String(v).padStart(12, '0') : v))
  .refine(v => /^\d{12}$/.test(v), 'an account id is 12 digits');

const account = z
  .object({
    accountId,
    regions: z.record(
      z
        .string()
        .regex(
          /^[a-z]{2}(-[a-z]+)+-\d+$/,
          'not a region name (e.g. us-east-1)',
        ),
      region.nullable().transform(r => r ?? {}),
    ),
  })
  .strict();

const fixtureSchema = z
  .object({
    seed: z.number().int().optional(),
    defaultAccount: accountId.optional(),
    accounts: z.array(account),
  })
  .strict();

// ------------------------------------------------------------ formatting

/** Formats a path as `accounts[0].regions.us-east-1.jobs[2].Name`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') {
      out += `[${part}]`;
    } else if (/^[^.\s[\]"]+$/.test(part)) {
      out += out ? `.${part}` : part;
    } else {
      out += `[${JSON.stringify(part)}]`;
    }
  }
  return out;
}

function describeIssue(issue: z.ZodIssue): string {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') {
        return 'is required';
      }
      if (issue.message && !issue.message.startsWith('Expected')) {
        return issue.message;
      }
      return `expected ${issue.expected}, got ${issue.received}`;
    case z.ZodIssueCode.unrecognized_keys:
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map(k => `'${k}'`)
        .join(', ')}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `must be one of ${issue.options.join(', ')} (got '${String(
        issue.received,
      )}')`;
    case z.ZodIssueCode.invalid_literal:
      return `must be '${String(issue.expected)}'`;
    case z.ZodIssueCode.invalid_union: {
      // Report the most specific branch problem.
      const inner = issue.unionErrors
        .flatMap(e => e.issues)
        .find(i => i.code !== z.ZodIssueCode.invalid_type);
      return inner ? describeIssue(inner) : 'has an unsupported type';
    }
    default:
      return issue.message;
  }
}

// ------------------------------------------------------------ validation

type Kind = 'job' | 'trigger' | 'workflow' | 'crawler';

/** Cross-reference checks: names exist, no duplicates, one start trigger per workflow. */
function checkReferences(fixture: Fixture): FixtureIssue[] {
  const issues: FixtureIssue[] = [];
  const seenAccounts = new Map<string, number>();
  fixture.accounts.forEach((acct, ai) => {
    const previous = seenAccounts.get(acct.accountId);
    if (previous !== undefined) {
      issues.push({
        path: `accounts[${ai}].accountId`,
        message: `duplicate account '${acct.accountId}' (also accounts[${previous}])`,
      });
    }
    seenAccounts.set(acct.accountId, ai);
    for (const [regionName, r] of Object.entries(acct.regions)) {
      const base = formatPath(['accounts', ai, 'regions', regionName]);
      const names = (kind: Kind, list: { Name: string }[] | undefined) => {
        const seen = new Map<string, number>();
        (list ?? []).forEach((item, i) => {
          const other = seen.get(item.Name);
          if (other !== undefined) {
            issues.push({
              path: `${base}.${kind}s[${i}].Name`,
              message: `duplicate ${kind} name '${item.Name}' (also ${kind}s[${other}])`,
            });
          } else {
            seen.set(item.Name, i);
          }
        });
        return seen;
      };
      const jobs = names('job', r.jobs);
      names('trigger', r.triggers);
      const workflows = names('workflow', r.workflows);
      const crawlers = names('crawler', r.crawlers);
      const startTriggers = new Map<string, string[]>();
      (r.triggers ?? []).forEach((t, ti) => {
        const at = `${base}.triggers[${ti}]`;
        t.Actions.forEach((a, i) => {
          if (a.JobName && !jobs.has(a.JobName)) {
            issues.push({
              path: `${at}.Actions[${i}].JobName`,
              message: `no job named '${a.JobName}' in ${acct.accountId}/${regionName}`,
            });
          }
          if (a.CrawlerName && !crawlers.has(a.CrawlerName)) {
            issues.push({
              path: `${at}.Actions[${i}].CrawlerName`,
              message: `no crawler named '${a.CrawlerName}' in ${acct.accountId}/${regionName}`,
            });
          }
        });
        (t.Predicate?.Conditions ?? []).forEach((c, i) => {
          if (c.JobName && !jobs.has(c.JobName)) {
            issues.push({
              path: `${at}.Predicate.Conditions[${i}].JobName`,
              message: `no job named '${c.JobName}' in ${acct.accountId}/${regionName}`,
            });
          }
          if (c.CrawlerName && !crawlers.has(c.CrawlerName)) {
            issues.push({
              path: `${at}.Predicate.Conditions[${i}].CrawlerName`,
              message: `no crawler named '${c.CrawlerName}' in ${acct.accountId}/${regionName}`,
            });
          }
        });
        if (t.WorkflowName) {
          if (!workflows.has(t.WorkflowName)) {
            issues.push({
              path: `${at}.WorkflowName`,
              message: `no workflow named '${t.WorkflowName}' in ${acct.accountId}/${regionName}`,
            });
          } else if (t.Type !== 'CONDITIONAL') {
            const list = startTriggers.get(t.WorkflowName) ?? [];
            list.push(t.Name);
            startTriggers.set(t.WorkflowName, list);
            if (list.length > 1) {
              issues.push({
                path: `${at}.WorkflowName`,
                message: `workflow '${t.WorkflowName}' already has a starting trigger ('${list[0]}'); a workflow has only one`,
              });
            }
          }
        }
      });
    }
  });
  return issues;
}

/**
 * Validates a fixture object (e.g. parsed YAML or an object built in a test)
 * and returns it with scalars normalised. Throws {@link FixtureError}.
 */
export function validateFixture(value: unknown, source = 'fixture'): Fixture {
  if (value === null || value === undefined) {
    throw new FixtureError(source, [
      {
        path: '',
        message: 'the fixture is empty (expected a mapping with accounts)',
      },
    ]);
  }
  const result = fixtureSchema.safeParse(value);
  if (!result.success) {
    throw new FixtureError(
      source,
      result.error.issues.map(issue => ({
        path: formatPath(issue.path),
        message: describeIssue(issue),
      })),
    );
  }
  const fixture = result.data as unknown as Fixture;
  const issues = checkReferences(fixture);
  if (issues.length > 0) {
    throw new FixtureError(source, issues);
  }
  return fixture;
}

/** Parses YAML text and validates it. `fileName` is used in error messages. */
export function parseFixture(text: string, fileName = 'fixture'): Fixture {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new FixtureError(
      fileName,
      doc.errors.map(e => {
        const pos = e.linePos?.[0];
        return {
          path: pos ? `line ${pos.line}, column ${pos.col}` : '',
          message: e.message.split('\n')[0],
        };
      }),
    );
  }
  return validateFixture(doc.toJS({ maxAliasCount: 10_000 }), fileName);
}

/** Reads and validates a YAML fixture file. */
export function loadFixture(path: string): Fixture {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FixtureError(path, [
      { path: '', message: `cannot read the file (${(e as Error).message})` },
    ]);
  }
  return parseFixture(text, path);
}
