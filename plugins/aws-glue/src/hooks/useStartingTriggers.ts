import { useMemo } from 'react';
import { Entity } from '@backstage/catalog-model';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ChainLine, startsJob, triggerLine } from '../lib/chainNeighbours';
import { useRelatedGlueEntities } from './useRelatedGlueEntities';

/**
 * The triggers that start the job, from the catalog (the trigger entities
 * the entity is related to): synced triggers carry their conditions in
 * words. None for hand-written entities, which have no such relations.
 */
export function useStartingTriggers(
  entity: Entity,
  job: GlueJob | undefined,
): { loading: boolean; error?: Error; value?: ChainLine[] } {
  const related = useRelatedGlueEntities(entity);
  const jobName = job?.name;
  const lines = useMemo(
    () =>
      related.value && jobName
        ? related.value.triggers
            .filter(trigger => startsJob(trigger, jobName))
            .map(triggerLine)
        : related.value && [],
    [related.value, jobName],
  );
  return { loading: related.loading, error: related.error, value: lines };
}
