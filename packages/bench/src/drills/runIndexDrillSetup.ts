/*
 * Set-up of the run-index drill: a small Glue account whose jobs belong to
 * a team, the team's org (a Group with one User member, as a catalog file
 * location, so the notifications backend resolves `group:` to a user), and
 * one replica's backend config.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '@backstage/types';
import type { Fixture } from '@aws-glue-backstage/glue-emulator';
import { benchBackendConfig } from '../backend/config';

export const DRILL_ACCOUNT = '100000000001';
export const DRILL_REGION = 'us-east-1';
export const DRILL_TEAM = 'drill-team';
export const DRILL_USER = 'drill-oncall';
export const DRILL_RECIPIENT = `user:default/${DRILL_USER}`;
export const DRILL_DB_PREFIX = 'rixdrill_';

export const drillJob = (i: number) => `drill-fail-${i}`;
export const drillJobArn = (name: string) =>
  `arn:aws:glue:${DRILL_REGION}:${DRILL_ACCOUNT}:job/${name}`;
/** The scope the plugin gives a run's notification. */
export const notificationScope = (job: string, runId: string) =>
  `aws-glue-run:${drillJobArn(job)}:${runId}`;

export function drillFixture(jobs: number): Fixture {
  return {
    seed: 7,
    accounts: [
      {
        accountId: DRILL_ACCOUNT,
        regions: {
          [DRILL_REGION]: {
            jobs: Array.from({ length: jobs }, (_, i) => ({
              Name: drillJob(i),
              Role: `arn:aws:iam::${DRILL_ACCOUNT}:role/${DRILL_TEAM}-glue-role`,
              Command: {
                Name: 'glueetl',
                ScriptLocation: `s3://drill-scripts/${drillJob(i)}.py`,
                PythonVersion: '3',
              },
              GlueVersion: '4.0',
              WorkerType: 'G.1X',
              NumberOfWorkers: 2,
              MaxRetries: 0,
              Timeout: 60,
              Tags: { owner: DRILL_TEAM },
              // a quiet history (nothing for a backfill to notify about)
              Simulation: {
                durationSeconds: 240,
                history: 3,
                failureRate: 0,
                timeoutRate: 0,
                stopRate: 0,
              },
            })),
          },
        },
      },
    ],
  } as Fixture;
}

/** Writes the team's org as a catalog file; returns its path. */
export function writeOrg(dir: string): string {
  const file = path.join(dir, 'org.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata:',
      `  name: ${DRILL_TEAM}`,
      'spec:',
      '  type: team',
      '  children: []',
      `  members: [${DRILL_USER}]`,
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: User',
      'metadata:',
      `  name: ${DRILL_USER}`,
      'spec:',
      `  memberOf: [${DRILL_TEAM}]`,
      '',
    ].join('\n'),
  );
  return file;
}

export function replicaConfig(options: {
  name: string;
  port: number;
  token: string;
  database: JsonObject;
  proxyUrl: string;
  orgFile: string;
  frequencySeconds: number;
}): JsonObject {
  const { name, port, token } = options;
  return benchBackendConfig({
    port,
    database: options.database,
    externalAccess: { token, subject: 'bench-drill' },
    awsAccount: { accountId: DRILL_ACCOUNT },
    catalog: {
      locations: [{ type: 'file', target: options.orgFile }],
      providers: {
        awsGlue: {
          drill: {
            accountId: DRILL_ACCOUNT,
            regions: [DRILL_REGION],
            // the path prefix tells the recording proxy who called
            endpoint: `${options.proxyUrl}/${name}-catalog`,
            lineage: { enabled: false },
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
          },
        },
      },
    },
    extra: {
      app: { baseUrl: `http://127.0.0.1:${port}` },
      events: { http: { topics: ['aws-glue'] } },
      awsGlue: {
        endpoint: `${options.proxyUrl}/${name}`,
        runIndex: {
          reconciler: {
            frequency: { seconds: options.frequencySeconds },
            initialDelay: { seconds: 5 },
            timeout: { minutes: 2 },
          },
        },
      },
    },
  });
}
