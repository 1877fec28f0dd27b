import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';

/** What is known about one entity's latest Glue run. */
export type LatestRunState =
  | { status: 'loading' }
  | { status: 'loaded'; job?: GlueJob }
  | { status: 'error'; error: Error };

/** How often loaded rows are applied to the table. */
const FLUSH_INTERVAL_MS = 100;

/** The job whose latest run started last. */
function mostRecent(jobs: GlueJob[]): GlueJob | undefined {
  let best: GlueJob | undefined;
  for (const job of jobs) {
    const started = Date.parse(job.latestRun?.startedOn ?? '') || 0;
    const bestStarted = Date.parse(best?.latestRun?.startedOn ?? '') || 0;
    if (!best || started > bestStarted) best = job;
  }
  return best;
}

/**
 * Loads the jobs route of each entity, at most `concurrency` at a time, and
 * reports each entity's state as soon as it arrives.
 */
export function useLatestRuns(
  entities: Entity[] | undefined,
  concurrency: number,
): Map<string, LatestRunState> {
  const api = useApi(awsGlueApiRef);
  const [states, setStates] = useState<Map<string, LatestRunState>>(
    () => new Map(),
  );

  useEffect(() => {
    if (!entities) return undefined;
    let cancelled = false;
    const queue = [...entities];
    setStates(new Map());

    // Results are applied in batches, so that thousands of jobs do not copy
    // the map thousands of times.
    let pending: [string, LatestRunState][] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const batch = pending;
      pending = [];
      if (cancelled || batch.length === 0) return;
      setStates(previous => {
        const next = new Map(previous);
        for (const [ref, state] of batch) next.set(ref, state);
        return next;
      });
    };
    const report = (ref: string, state: LatestRunState) => {
      pending.push([ref, state]);
      if (!timer) timer = setTimeout(flush, FLUSH_INTERVAL_MS);
    };

    const worker = async () => {
      for (;;) {
        const entity = queue.shift();
        if (!entity || cancelled) return;
        try {
          const { jobs } = await api.getJobs(getCompoundEntityRef(entity));
          report(stringifyEntityRef(entity), {
            status: 'loaded',
            job: mostRecent(jobs),
          });
        } catch (error) {
          report(stringifyEntityRef(entity), {
            status: 'error',
            error: error as Error,
          });
        }
      }
    };
    for (let i = 0; i < Math.max(1, concurrency); i++) {
      worker();
    }
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, entities, concurrency]);

  return states;
}
