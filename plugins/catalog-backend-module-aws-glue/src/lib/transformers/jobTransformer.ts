import { ANNOTATION_SOURCE_LOCATION, Entity } from '@backstage/catalog-model';
import type { Job } from '@aws-sdk/client-glue';
import {
  GLUE_ANNOTATIONS as A,
  GLUE_ENTITY_TYPES,
  glueConsoleUrls,
  s3ConsoleUrl,
  writeGlueJobDefaultArguments,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { withoutUserInfo } from '@aws-glue-backstage/plugin-aws-glue-node';
import { lineageAnnotation } from '../datasets';
import { sourceControlLocation } from '../sourceLocation';
import {
  AnnotationValues,
  baseEntity,
  consoleLink,
  runnableSpec,
} from './baseEntity';
import { compact, entityTag } from './entityParts';
import { GlueUnitContext, JobTransformerInput } from './types';

/** The script's location (user info stripped, redacted) and its console link. */
function scriptOf(job: Job, unit: GlueUnitContext) {
  const raw = job.Command?.ScriptLocation
    ? withoutUserInfo(job.Command.ScriptLocation)
    : undefined;
  const location = raw ? unit.redactor.redactText(raw) : undefined;
  // No console link to a location that had to be redacted.
  const link =
    location && location === raw
      ? s3ConsoleUrl(unit.partition, unit.region, location)
      : undefined;
  return { location, link };
}

function bookmarkOf(job: Job): string {
  return (
    job.DefaultArguments?.['--job-bookmark-option'] ?? 'job-bookmark-disable'
  );
}

function jobAnnotations(
  input: JobTransformerInput,
  scriptLocation: string | undefined,
): AnnotationValues {
  const { job, unit } = input;
  const args = job.DefaultArguments ?? {};
  return {
    [A.jobCommand]: job.Command?.Name,
    [A.jobMode]: job.JobMode ?? 'SCRIPT',
    [A.jobGlueVersion]: job.GlueVersion,
    [A.jobWorkerType]: job.WorkerType,
    [A.jobNumberOfWorkers]: job.NumberOfWorkers,
    [A.jobMaxCapacity]: job.WorkerType ? undefined : job.MaxCapacity,
    [A.jobTimeout]: job.Timeout,
    [A.jobMaxRetries]: job.MaxRetries ?? 0,
    [A.jobMaxConcurrentRuns]: job.ExecutionProperty?.MaxConcurrentRuns ?? 1,
    [A.jobExecutionClass]: job.ExecutionClass ?? 'STANDARD',
    [A.jobBookmarkOption]: bookmarkOf(job),
    [A.jobScriptLocation]: scriptLocation,
    [A.jobConnections]: job.Connections?.Connections?.join(','),
    [A.jobDefaultArguments]: Object.keys(args).length
      ? writeGlueJobDefaultArguments(unit.redactor.redact(args)!)
      : undefined,
    [A.lineage]: lineageAnnotation(input.lineage),
    [A.workflows]: input.workflows.join(','),
    // "View source" on the About card, for jobs kept in a Git repository.
    [ANNOTATION_SOURCE_LOCATION]: sourceControlLocation(
      job.SourceControlDetails,
    ),
  };
}

function jobTags(job: Job): string[] {
  const bookmark = bookmarkOf(job);
  return compact([
    entityTag(job.Command?.Name ?? ''),
    job.GlueVersion ? entityTag(`glue-${job.GlueVersion}`) : undefined,
    bookmark === 'job-bookmark-enable' ? 'bookmark-enabled' : undefined,
    bookmark === 'job-bookmark-pause' ? 'bookmark-paused' : undefined,
    job.JobMode === 'VISUAL' ? 'visual' : undefined,
    job.ExecutionClass === 'FLEX' ? 'flex' : undefined,
  ]);
}

/**
 * The default entity of a Glue job: a `Component` of type `glue-job` that
 * depends on the triggers that start it and the datasets it reads.
 *
 * @public
 */
export function defaultJobTransformer(input: JobTransformerInput): Entity {
  const { job, unit } = input;
  const name = job.Name!;
  const script = scriptOf(job, unit);
  const reads = input.lineage
    .filter(edge => edge.direction === 'input')
    .map(edge => edge.entityRef);
  return baseEntity(input, {
    description:
      job.Description?.trim() ||
      `AWS Glue ${job.Command?.Name ?? ''} job`.replace(/\s+/g, ' '),
    annotations: jobAnnotations(input, script.location),
    links: compact([
      consoleLink(glueConsoleUrls.job(unit.partition, unit.region, name)),
      script.link
        ? { url: script.link, title: 'Job script', icon: 'docs' }
        : undefined,
    ]),
    tags: jobTags(job),
    spec: runnableSpec(GLUE_ENTITY_TYPES.job, input.resolved, [
      ...input.startedBy,
      ...reads,
    ]),
  });
}
