import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  AWS_CLIENT_DEFAULTS,
  invalidConfig,
  readHttpUrl,
  readRegExpList,
} from '@aws-glue-backstage/plugin-aws-glue-node';
import {
  GLUE_JOB_RUN_STATES,
  isActiveRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { GluePricing } from './cost';

/**
 * The plugin's configuration under `awsGlue`, with defaults applied.
 *
 * @public
 */
export interface AwsGlueBackendConfig {
  /** A Glue endpoint to use instead of AWS's (the emulator, a VPC endpoint). */
  endpoint?: string;
  /** A CloudWatch Logs endpoint instead of AWS's (the emulator, a VPC endpoint). */
  logsEndpoint?: string;
  /** SDK attempts per Glue call, including the first. */
  maxAttempts: number;
  timeouts: {
    /** Establishing a connection to Glue. */
    connectionMs: number;
    /** One attempt's request and response. */
    requestMs: number;
    /** One call, every retry included: then the caller gets a 504. */
    callMs: number;
  };
  /** Signs page cursors; when absent, a key kept in the plugin's database. */
  cursorSigningKey?: string;
  cache: {
    runsTtlMs: number;
    activeRunsTtlMs: number;
    jobsTtlMs: number;
    bookmarkTtlMs: number;
  };
  actions: {
    startJobRun: boolean;
    stopJobRun: boolean;
    /** Retry a failed run with its own arguments (`aws-glue.job.start`). */
    retryJobRun: boolean;
    /** ResumeWorkflowRun on a failed workflow run (`aws-glue.workflow.resume`). */
    resumeWorkflowRun: boolean;
    allowedArguments: string[];
    /** Refuse actions on jobs no synced entity stands for. */
    requireSyncedEntity: boolean;
  };
  /** `awsGlue.agentActions`: the actions registered for agents (MCP). */
  agentActions: {
    /** Register the read-only actions. */
    enabled: boolean;
    /** Register `start-glue-job-run` (destructive; `actions.startJobRun` must be on too). */
    startJobRun: boolean;
  };
  pricing: GluePricing;
  redaction: { keyPatterns: string[]; valuePatterns: string[] };
  runs: {
    /** Glue pages (of 200 runs) one filtered request may scan. */
    maxScanPages: number;
  };
  chain: {
    defaultDepth: number;
    maxDepth: number;
    maxNodes: number;
    /** Glue calls in flight while loading the latest runs of a chain. */
    concurrency: number;
    executions: {
      /** Runs per execution before it is cut. */
      maxNodes: number;
      /** Missing predecessor runs fetched from Glue (GetJobRun) per request. */
      predecessorFetches: number;
    };
  };
  triage: {
    /** Log lines of a failed run shown, the last ones. */
    logLines: number;
  };
  runIndex: RunIndexConfig;
  notifications: NotificationsConfig;
}

/**
 * `awsGlue.runIndex`: the runs the plugin keeps in its database.
 *
 * @public
 */
export interface RunIndexConfig {
  enabled: boolean;
  /** Runs and crawls that started longer ago are deleted. */
  retentionDays: number;
  /** The events topic Glue's EventBridge events arrive on. */
  eventsTopic: string;
  reconciler: {
    enabled: boolean;
    frequencyMs: number;
    timeoutMs: number;
    initialDelayMs: number;
    /** Glue calls one pass may make per account x region. */
    callBudget: number;
    /** Fetch what Glue still holds (90 days) for a job seen the first time. */
    backfill: boolean;
  };
  /** Glue calls in flight for the index (GetJobRun for events, reconciler pages). */
  concurrency: number;
}

/**
 * `awsGlue.notifications`: telling owners when a run fails.
 *
 * @public
 */
export interface NotificationsConfig {
  enabled: boolean;
  /** Ended states that notify (default FAILED, TIMEOUT, ERROR). */
  states: string[];
  /** Also say when a job succeeds after a notified failure. */
  recovery: boolean;
  /** Runs that ended longer ago never notify (a backfill of old history). */
  maxAgeMs: number;
  /** The entity page route of the Runs tab the notification links to. */
  runsPath: string;
}

const DEFAULTS = {
  maxAttempts: AWS_CLIENT_DEFAULTS.maxAttempts,
  connectionTimeout: {
    seconds: AWS_CLIENT_DEFAULTS.connectionTimeoutMs / 1000,
  },
  requestTimeout: { seconds: AWS_CLIENT_DEFAULTS.requestTimeoutMs / 1000 },
  callTimeout: { seconds: 20 },
  runsTtl: { seconds: 30 },
  activeRunsTtl: { seconds: 5 },
  jobsTtl: { minutes: 5 },
  bookmarkTtl: { seconds: 60 },
  dpuHour: 0.44,
  flexDpuHour: 0.29,
  currency: 'USD',
  maxScanPages: 5,
  defaultDepth: 3,
  maxDepth: 6,
  maxNodes: 200,
  concurrency: 8,
  executionMaxNodes: 200,
  predecessorFetches: 10,
  logLines: 50,
  retentionDays: 400,
  eventsTopic: 'aws-glue',
  reconcileFrequency: { minutes: 5 },
  reconcileTimeout: { minutes: 4 },
  reconcileInitialDelay: { seconds: 30 },
  callBudget: 1000,
  indexConcurrency: 4,
  notifyStates: ['FAILED', 'TIMEOUT', 'ERROR'],
  notifyMaxAge: { hours: 1 },
} as const;

const key = (path: string) => `awsGlue.${path}`;

function invalid(path: string, problem: string): never {
  throw invalidConfig(key(path), problem);
}

function readDurationMs(
  config: Config,
  path: string,
  fallback: HumanDuration,
): number {
  if (!config.has(key(path))) {
    return durationToMilliseconds(fallback);
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(
      readDurationFromConfig(config, { key: key(path) }),
    );
  } catch (error) {
    return invalid(path, `${(error as Error).message}`);
  }
  if (!Number.isFinite(ms) || ms < 0) {
    invalid(path, 'must be a non-negative duration');
  }
  return ms;
}

function readInteger(
  config: Config,
  path: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = config.getOptionalNumber(key(path));
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(path, `must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function readPrice(config: Config, path: string, fallback: number): number {
  const value = config.getOptionalNumber(key(path));
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    invalid(path, `must be a non-negative number, got ${value}`);
  }
  return value;
}

function readPatterns(config: Config, path: string): string[] {
  return readRegExpList(config, key(path), key(path));
}

function readTimeouts(config: Config): AwsGlueBackendConfig['timeouts'] {
  const timeouts = {
    connectionMs: readDurationMs(
      config,
      'timeouts.connection',
      DEFAULTS.connectionTimeout,
    ),
    requestMs: readDurationMs(
      config,
      'timeouts.request',
      DEFAULTS.requestTimeout,
    ),
    callMs: readDurationMs(config, 'timeouts.call', DEFAULTS.callTimeout),
  };
  for (const [name, ms] of Object.entries(timeouts)) {
    if (ms <= 0) {
      invalid(`timeouts.${name.replace(/Ms$/, '')}`, 'must be longer than 0');
    }
  }
  if (timeouts.callMs < timeouts.requestMs) {
    invalid(
      'timeouts.call',
      'must be at least timeouts.request (a call is one or more requests)',
    );
  }
  return timeouts;
}

function readCache(config: Config): AwsGlueBackendConfig['cache'] {
  return {
    runsTtlMs: readDurationMs(config, 'cache.runsTtl', DEFAULTS.runsTtl),
    activeRunsTtlMs: readDurationMs(
      config,
      'cache.activeRunsTtl',
      DEFAULTS.activeRunsTtl,
    ),
    jobsTtlMs: readDurationMs(config, 'cache.jobsTtl', DEFAULTS.jobsTtl),
    bookmarkTtlMs: readDurationMs(
      config,
      'cache.bookmarkTtl',
      DEFAULTS.bookmarkTtl,
    ),
  };
}

function readActions(config: Config): AwsGlueBackendConfig['actions'] {
  const allowedArguments =
    config.getOptionalStringArray(key('actions.allowedArguments')) ?? [];
  allowedArguments.forEach((glob, index) => {
    if (glob.trim() === '') {
      invalid(`actions.allowedArguments[${index}]`, 'must not be empty');
    }
  });
  return {
    startJobRun: config.getOptionalBoolean(key('actions.startJobRun')) ?? false,
    stopJobRun: config.getOptionalBoolean(key('actions.stopJobRun')) ?? false,
    retryJobRun: config.getOptionalBoolean(key('actions.retryJobRun')) ?? false,
    resumeWorkflowRun:
      config.getOptionalBoolean(key('actions.resumeWorkflowRun')) ?? false,
    allowedArguments,
    requireSyncedEntity:
      config.getOptionalBoolean(key('actions.requireSyncedEntity')) ?? true,
  };
}

function readPricing(config: Config): GluePricing {
  const currency = config.getOptionalString(key('pricing.currency')) ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) {
    invalid('pricing.currency', `must be an ISO 4217 code, got '${currency}'`);
  }
  return {
    dpuHour: readPrice(config, 'pricing.dpuHour', DEFAULTS.dpuHour),
    flexDpuHour: readPrice(config, 'pricing.flexDpuHour', DEFAULTS.flexDpuHour),
    currency,
  };
}

function readChain(config: Config): AwsGlueBackendConfig['chain'] {
  const maxDepth = readInteger(
    config,
    'chain.maxDepth',
    DEFAULTS.maxDepth,
    1,
    20,
  );
  return {
    defaultDepth: readInteger(
      config,
      'chain.defaultDepth',
      Math.min(DEFAULTS.defaultDepth, maxDepth),
      0,
      maxDepth,
    ),
    maxDepth,
    maxNodes: readInteger(config, 'chain.maxNodes', DEFAULTS.maxNodes, 1, 5000),
    concurrency: readInteger(
      config,
      'chain.concurrency',
      DEFAULTS.concurrency,
      1,
      64,
    ),
    executions: {
      maxNodes: readInteger(
        config,
        'chain.executions.maxNodes',
        DEFAULTS.executionMaxNodes,
        1,
        2000,
      ),
      predecessorFetches: readInteger(
        config,
        'chain.executions.predecessorFetches',
        DEFAULTS.predecessorFetches,
        0,
        100,
      ),
    },
  };
}

function readRunIndex(config: Config): RunIndexConfig {
  const eventsTopic =
    config.getOptionalString(key('runIndex.events.topic')) ??
    DEFAULTS.eventsTopic;
  if (!/^[\w.:-]{1,100}$/.test(eventsTopic)) {
    invalid('runIndex.events.topic', `is not a topic name: '${eventsTopic}'`);
  }
  return {
    enabled: config.getOptionalBoolean(key('runIndex.enabled')) ?? true,
    retentionDays: readInteger(
      config,
      'runIndex.retentionDays',
      DEFAULTS.retentionDays,
      1,
      3650,
    ),
    eventsTopic,
    reconciler: {
      enabled:
        config.getOptionalBoolean(key('runIndex.reconciler.enabled')) ?? true,
      frequencyMs: readDurationMs(
        config,
        'runIndex.reconciler.frequency',
        DEFAULTS.reconcileFrequency,
      ),
      timeoutMs: readDurationMs(
        config,
        'runIndex.reconciler.timeout',
        DEFAULTS.reconcileTimeout,
      ),
      initialDelayMs: readDurationMs(
        config,
        'runIndex.reconciler.initialDelay',
        DEFAULTS.reconcileInitialDelay,
      ),
      callBudget: readInteger(
        config,
        'runIndex.reconciler.callBudget',
        DEFAULTS.callBudget,
        1,
        1_000_000,
      ),
      backfill:
        config.getOptionalBoolean(key('runIndex.reconciler.backfill')) ?? true,
    },
    concurrency: readInteger(
      config,
      'runIndex.concurrency',
      DEFAULTS.indexConcurrency,
      1,
      64,
    ),
  };
}

/** Run states a run ends in. */
const ENDED_STATES = GLUE_JOB_RUN_STATES.filter(
  state => !isActiveRunState(state),
);

function readNotifications(config: Config): NotificationsConfig {
  const states = config.getOptionalStringArray(key('notifications.states')) ?? [
    ...DEFAULTS.notifyStates,
  ];
  states.forEach((state, index) => {
    if (!(ENDED_STATES as readonly string[]).includes(state)) {
      invalid(
        `notifications.states[${index}]`,
        `'${state}' is not an ended run state; use ${ENDED_STATES.join(', ')}`,
      );
    }
  });
  return {
    enabled: config.getOptionalBoolean(key('notifications.enabled')) ?? true,
    states,
    recovery: config.getOptionalBoolean(key('notifications.recovery')) ?? false,
    maxAgeMs: readDurationMs(
      config,
      'notifications.maxAge',
      DEFAULTS.notifyMaxAge,
    ),
    runsPath: readRunsPath(config),
  };
}

function readRunsPath(config: Config): string {
  const path =
    config.getOptionalString(key('notifications.runsPath')) ?? 'runs';
  if (!/^[\w-]+(\/[\w-]+)*$/.test(path)) {
    invalid(
      'notifications.runsPath',
      `must be a path like 'runs', got '${path}'`,
    );
  }
  return path;
}

/**
 * Reads `awsGlue` from the root config with defaults applied, one section at
 * a time. Throws an `InputError` naming the config path when a value is
 * invalid, so that a bad config fails at start-up.
 */
export function readAwsGlueBackendConfig(config: Config): AwsGlueBackendConfig {
  const cursorSigningKey = config.getOptionalString(key('cursorSigningKey'));
  if (cursorSigningKey !== undefined && cursorSigningKey.length < 32) {
    invalid('cursorSigningKey', 'must be at least 32 characters');
  }
  return {
    endpoint: readHttpUrl(config, key('endpoint'), key('endpoint')),
    logsEndpoint: readHttpUrl(config, key('logsEndpoint'), key('logsEndpoint')),
    timeouts: readTimeouts(config),
    cursorSigningKey,
    maxAttempts: readInteger(
      config,
      'maxAttempts',
      DEFAULTS.maxAttempts,
      1,
      10,
    ),
    cache: readCache(config),
    actions: readActions(config),
    agentActions: {
      enabled: config.getOptionalBoolean(key('agentActions.enabled')) ?? true,
      startJobRun:
        config.getOptionalBoolean(key('agentActions.startJobRun')) ?? false,
    },
    pricing: readPricing(config),
    redaction: {
      keyPatterns: readPatterns(config, 'redaction.keyPatterns'),
      valuePatterns: readPatterns(config, 'redaction.valuePatterns'),
    },
    runs: {
      maxScanPages: readInteger(
        config,
        'runs.maxScanPages',
        DEFAULTS.maxScanPages,
        1,
        50,
      ),
    },
    chain: readChain(config),
    triage: {
      logLines: readInteger(
        config,
        'triage.logLines',
        DEFAULTS.logLines,
        1,
        500,
      ),
    },
    runIndex: readRunIndex(config),
    notifications: readNotifications(config),
  };
}
