/*
 * Where a fleet request's time goes, measured piece by piece in the same
 * run: the catalog read the route makes (the same query, over HTTP with
 * the same fields), the run store's queries (straight on the database),
 * the answer's size, and optionally a V8 CPU profile of the backend while
 * it serves sequential fleet requests (self time by package, inclusive
 * time of the route's own steps).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SYNCED_JOB_FIELDS } from '@aws-glue-backstage/plugin-aws-glue-backend';
import { getOk } from '../lib/http';
import { median } from '../lib/stats';
import { CpuProfile, ProfileSummary, summarizeProfile } from './analysis';
import type { RunIndexEnv } from './environment';

/** The catalog read of the fleet route (`loadSyncedJobs`). */
const CATALOG_QUERY = `/api/catalog/entities?filter=${encodeURIComponent(
  'kind=component,spec.type=glue-job',
)}&fields=${SYNCED_JOB_FIELDS.join(',')}`;

/** Steps of the route (plugin code) and of its catalog read. */
export const FLEET_FUNCTIONS = [
  'getFleet',
  'readableJobs',
  'loadSyncedJobs',
  'readableSyncedEntities',
  'latestRuns',
  'countEndedSince',
  'freshness',
  'fleetJob',
  'fleetOrder',
  // fleetOrder's sort key: Date.parse of the latest run's start, per comparison
  'started in plugins/aws-glue-backend',
  'runSummary',
  'queryEntities in @backstage/plugin-catalog-backend',
  'processRawEntitiesResult in @backstage/plugin-catalog-backend',
  'stringify',
  'parse',
  '(garbage collector)',
];

export interface FleetBreakdown {
  catalogReadMs: number;
  catalogEntities: number;
  catalogBytes: number;
  storeQueriesMs: Record<string, number>;
  profile?: ProfileSummary & { file: string; requests: number; wallMs: number };
}

function waitForEvent(
  env: RunIndexEnv,
  type: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined = undefined;
    const listener = (event: Record<string, unknown>) => {
      if (event.type === type || event.type === 'profile-error') {
        clearTimeout(timer);
        env.listeners.delete(listener);
        if (event.type === 'profile-error')
          reject(new Error(String(event.error)));
        else resolve(event);
      }
    };
    timer = setTimeout(() => {
      env.listeners.delete(listener);
      reject(new Error(`no ${type} event from the backend in ${timeoutMs} ms`));
    }, timeoutMs);
    env.listeners.add(listener);
  });
}

async function profileFleet(
  env: RunIndexEnv,
  file: string,
  requests: number,
): Promise<FleetBreakdown['profile']> {
  const started = waitForEvent(env, 'profile-started', 10_000);
  env.backend.send({ type: 'profile-start' });
  await started;
  const t0 = Date.now();
  for (let i = 0; i < requests; i++) {
    await getOk(env.client, '/api/aws-glue/v1/jobs?limit=100');
  }
  const wallMs = Date.now() - t0;
  const written = waitForEvent(env, 'profile', 60_000);
  env.backend.send({ type: 'profile-stop', file });
  await written;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  return {
    ...summarizeProfile(profile, FLEET_FUNCTIONS),
    file,
    requests,
    wallMs,
  };
}

export async function fleetBreakdown(
  env: RunIndexEnv,
  options: { profileDir?: string; profileRequests: number; label: string },
): Promise<FleetBreakdown> {
  const catalog: number[] = [];
  let entities = 0;
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const res = await getOk(env.client, CATALOG_QUERY);
    catalog.push(res.ms);
    entities = Array.isArray(res.body) ? res.body.length : 0;
    bytes = res.bytes;
  }
  const queries: Record<string, number[]> = {};
  for (let i = 0; i < 3; i++) {
    for (const [name, ms] of Object.entries(
      await env.store.timeFleetQueries(),
    )) {
      (queries[name] ??= []).push(ms);
    }
  }
  const result: FleetBreakdown = {
    catalogReadMs: Math.round(median(catalog)),
    catalogEntities: entities,
    catalogBytes: bytes,
    storeQueriesMs: Object.fromEntries(
      Object.entries(queries).map(([name, ms]) => [name, median(ms)]),
    ),
  };
  if (options.profileDir) {
    result.profile = await profileFleet(
      env,
      path.join(
        options.profileDir,
        `runindex-${options.label}-fleet.cpuprofile`,
      ),
      options.profileRequests,
    );
  }
  return result;
}
