import { ConfigReader } from '@backstage/config';
import { readAwsGlueBackendConfig } from './config';

describe('readAwsGlueBackendConfig', () => {
  it('applies the defaults', () => {
    expect(readAwsGlueBackendConfig(new ConfigReader({}))).toEqual({
      endpoint: undefined,
      maxAttempts: 10,
      timeouts: { connectionMs: 3_000, requestMs: 15_000, callMs: 20_000 },
      cursorSigningKey: undefined,
      cache: {
        runsTtlMs: 30_000,
        activeRunsTtlMs: 5_000,
        jobsTtlMs: 300_000,
        bookmarkTtlMs: 60_000,
      },
      actions: {
        startJobRun: false,
        stopJobRun: false,
        retryJobRun: false,
        resumeWorkflowRun: false,
        allowedArguments: [],
        requireSyncedEntity: true,
      },
      agentActions: { enabled: true, startJobRun: false },
      pricing: { dpuHour: 0.44, flexDpuHour: 0.29, currency: 'USD' },
      redaction: { keyPatterns: [], valuePatterns: [] },
      runs: { maxScanPages: 5 },
      chain: {
        defaultDepth: 3,
        maxDepth: 6,
        maxNodes: 200,
        concurrency: 8,
        executions: { maxNodes: 200, predecessorFetches: 10 },
      },
      triage: { logLines: 50 },
      runIndex: {
        enabled: true,
        retentionDays: 400,
        eventsTopic: 'aws-glue',
        concurrency: 4,
        reconciler: {
          enabled: true,
          frequencyMs: 300_000,
          timeoutMs: 240_000,
          initialDelayMs: 30_000,
          callBudget: 1000,
          backfill: true,
        },
      },
      notifications: {
        enabled: true,
        states: ['FAILED', 'TIMEOUT', 'ERROR'],
        recovery: false,
        maxAgeMs: 3_600_000,
        runsPath: 'runs',
      },
    });
  });

  it('reads every key', () => {
    const config = readAwsGlueBackendConfig(
      new ConfigReader({
        awsGlue: {
          endpoint: 'http://127.0.0.1:4599',
          logsEndpoint: 'http://127.0.0.1:4600',
          maxAttempts: 5,
          timeouts: { connection: '1s', request: { seconds: 5 }, call: 'PT8S' },
          cursorSigningKey: 'k'.repeat(32),
          cache: {
            runsTtl: { seconds: 10 },
            activeRunsTtl: '2s',
            jobsTtl: 'PT1M',
            bookmarkTtl: { minutes: 2 },
          },
          actions: {
            retryJobRun: true,
            resumeWorkflowRun: true,
            startJobRun: true,
            stopJobRun: true,
            allowedArguments: ['--run_date', '--input*'],
            requireSyncedEntity: false,
          },
          agentActions: { enabled: false, startJobRun: true },
          pricing: { dpuHour: 0.5, flexDpuHour: 0.3, currency: 'EUR' },
          redaction: { keyPatterns: ['^--conn'], valuePatterns: ['xyz\\d+'] },
          runs: { maxScanPages: 3 },
          chain: {
            defaultDepth: 2,
            maxDepth: 4,
            maxNodes: 50,
            concurrency: 4,
            executions: { maxNodes: 30, predecessorFetches: 3 },
          },
          triage: { logLines: 20 },
          runIndex: {
            enabled: false,
            retentionDays: 30,
            events: { topic: 'glue-events' },
            concurrency: 2,
            reconciler: {
              enabled: false,
              frequency: { seconds: 30 },
              timeout: '20s',
              initialDelay: { seconds: 1 },
              callBudget: 50,
              backfill: false,
            },
          },
          notifications: {
            enabled: false,
            states: ['FAILED'],
            recovery: true,
            maxAge: { minutes: 10 },
            runsPath: 'glue/runs',
          },
        },
      }),
    );
    expect(config).toEqual({
      endpoint: 'http://127.0.0.1:4599',
      logsEndpoint: 'http://127.0.0.1:4600',
      maxAttempts: 5,
      timeouts: { connectionMs: 1_000, requestMs: 5_000, callMs: 8_000 },
      cursorSigningKey: 'k'.repeat(32),
      cache: {
        runsTtlMs: 10_000,
        activeRunsTtlMs: 2_000,
        jobsTtlMs: 60_000,
        bookmarkTtlMs: 120_000,
      },
      actions: {
        startJobRun: true,
        stopJobRun: true,
        retryJobRun: true,
        resumeWorkflowRun: true,
        allowedArguments: ['--run_date', '--input*'],
        requireSyncedEntity: false,
      },
      agentActions: { enabled: false, startJobRun: true },
      pricing: { dpuHour: 0.5, flexDpuHour: 0.3, currency: 'EUR' },
      redaction: { keyPatterns: ['^--conn'], valuePatterns: ['xyz\\d+'] },
      runs: { maxScanPages: 3 },
      chain: {
        defaultDepth: 2,
        maxDepth: 4,
        maxNodes: 50,
        concurrency: 4,
        executions: { maxNodes: 30, predecessorFetches: 3 },
      },
      triage: { logLines: 20 },
      runIndex: {
        enabled: false,
        retentionDays: 30,
        eventsTopic: 'glue-events',
        concurrency: 2,
        reconciler: {
          enabled: false,
          frequencyMs: 30_000,
          timeoutMs: 20_000,
          initialDelayMs: 1_000,
          callBudget: 50,
          backfill: false,
        },
      },
      notifications: {
        enabled: false,
        states: ['FAILED'],
        recovery: true,
        maxAgeMs: 600_000,
        runsPath: 'glue/runs',
      },
    });
  });

  it('keeps the default depth within a smaller maxDepth', () => {
    expect(
      readAwsGlueBackendConfig(
        new ConfigReader({ awsGlue: { chain: { maxDepth: 2 } } }),
      ).chain,
    ).toEqual({
      defaultDepth: 2,
      maxDepth: 2,
      maxNodes: 200,
      concurrency: 8,
      executions: { maxNodes: 200, predecessorFetches: 10 },
    });
  });

  it.each([
    ['a non-http endpoint', { endpoint: 'ftp://x' }, 'awsGlue.endpoint'],
    [
      'an endpoint that is no URL',
      { endpoint: 'localhost 4599' },
      'awsGlue.endpoint',
    ],
    ['maxAttempts 0', { maxAttempts: 0 }, 'awsGlue.maxAttempts'],
    [
      'a notification state a run never ends in',
      { notifications: { states: ['RUNNING'] } },
      'awsGlue.notifications.states[0]',
    ],
    [
      'an events topic with spaces',
      { runIndex: { events: { topic: 'glue events' } } },
      'awsGlue.runIndex.events.topic',
    ],
    [
      'a zero call budget',
      { runIndex: { reconciler: { callBudget: 0 } } },
      'awsGlue.runIndex.reconciler.callBudget',
    ],
    [
      'a runs path with a query',
      { notifications: { runsPath: 'runs?x=1' } },
      'awsGlue.notifications.runsPath',
    ],
    [
      'a call deadline shorter than one request',
      { timeouts: { request: '10s', call: '5s' } },
      'awsGlue.timeouts.call',
    ],
    [
      'a zero timeout',
      { timeouts: { connection: 0 } },
      'awsGlue.timeouts.connection',
    ],
    [
      'a short signing key',
      { cursorSigningKey: 'short' },
      'awsGlue.cursorSigningKey',
    ],
    ['fractional maxAttempts', { maxAttempts: 1.5 }, 'awsGlue.maxAttempts'],
    ['a bad duration', { cache: { runsTtl: 'soon' } }, 'awsGlue.cache.runsTtl'],
    [
      'a negative price',
      { pricing: { dpuHour: -1 } },
      'awsGlue.pricing.dpuHour',
    ],
    [
      'a bad currency',
      { pricing: { currency: 'dollars' } },
      'awsGlue.pricing.currency',
    ],
    [
      'a bad key pattern',
      { redaction: { keyPatterns: ['ok', '('] } },
      'awsGlue.redaction.keyPatterns[1]',
    ],
    [
      'an empty argument glob',
      { actions: { allowedArguments: ['  '] } },
      'awsGlue.actions.allowedArguments[0]',
    ],
    ['maxDepth 0', { chain: { maxDepth: 0 } }, 'awsGlue.chain.maxDepth'],
    [
      'defaultDepth above maxDepth',
      { chain: { maxDepth: 2, defaultDepth: 3 } },
      'awsGlue.chain.defaultDepth',
    ],
    ['maxNodes 0', { chain: { maxNodes: 0 } }, 'awsGlue.chain.maxNodes'],
  ])('rejects %s naming %s', (_name, awsGlue, path) => {
    expect(() =>
      readAwsGlueBackendConfig(new ConfigReader({ awsGlue })),
    ).toThrow(`Invalid config at ${path}`);
  });
});
