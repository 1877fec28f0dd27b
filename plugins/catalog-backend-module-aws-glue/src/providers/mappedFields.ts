import type {
  Crawler,
  Job,
  SourceControlDetails,
  Trigger,
  Workflow,
} from '@aws-sdk/client-glue';

/**
 * The fields of each Glue shape the mapping (`lib/`: resolve, filters, the
 * trigger graph, lineage and datasets, the default transformers) reads. The
 * reader copies only these from each page as it arrives, so the SDK's whole
 * responses are not held for the sync (run state, timestamps, roles, crawler
 * configuration, workflow run properties and the like). A field the mapping
 * starts to read must be added here; `mappedFields.test.ts` builds the
 * entities of a generated account from whole and picked objects and expects
 * the same entities.
 */
export const MAPPED_FIELDS = {
  job: [
    'Name',
    'Description',
    'Command',
    'DefaultArguments',
    'Connections',
    'CodeGenConfigurationNodes',
    'ExecutionClass',
    'ExecutionProperty',
    'GlueVersion',
    'JobMode',
    'MaxCapacity',
    'MaxRetries',
    'NumberOfWorkers',
    'SourceControlDetails',
    'Timeout',
    'WorkerType',
  ],
  trigger: [
    'Name',
    'WorkflowName',
    'Type',
    'State',
    'Description',
    'Schedule',
    'Actions',
    'Predicate',
    'EventBatchingCondition',
  ],
  crawler: ['Name', 'Description', 'DatabaseName', 'Schedule', 'Targets'],
  workflow: ['Name', 'Description'],
} as const satisfies {
  job: readonly (keyof Job)[];
  trigger: readonly (keyof Trigger)[];
  crawler: readonly (keyof Crawler)[];
  workflow: readonly (keyof Workflow)[];
};

/** What the mapping reads of `SourceControlDetails` (never its `AuthToken`). */
const SOURCE_CONTROL_FIELDS = [
  'Provider',
  'Owner',
  'Repository',
  'Branch',
  'Folder',
] as const satisfies readonly (keyof SourceControlDetails)[];

/** A job as the reader keeps it (every field of a Glue `Job` is optional). */
export type MappedJob = Pick<Job, (typeof MAPPED_FIELDS.job)[number]>;
/** A trigger as the reader keeps it. */
export type MappedTrigger = Pick<
  Trigger,
  (typeof MAPPED_FIELDS.trigger)[number]
>;
/** A crawler as the reader keeps it. */
export type MappedCrawler = Pick<
  Crawler,
  (typeof MAPPED_FIELDS.crawler)[number]
>;
/** A workflow as the reader keeps it. */
export type MappedWorkflow = Pick<
  Workflow,
  (typeof MAPPED_FIELDS.workflow)[number]
>;

function pick<T extends object, K extends keyof T>(
  item: T,
  keys: readonly K[],
): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) {
    if (item[key] !== undefined) picked[key] = item[key];
  }
  return picked;
}

/** The fields of a job the mapping reads. */
export function pickJob(job: Job): MappedJob {
  const picked = pick(job, MAPPED_FIELDS.job);
  if (job.SourceControlDetails) {
    picked.SourceControlDetails = pick(
      job.SourceControlDetails,
      SOURCE_CONTROL_FIELDS,
    );
  }
  return picked;
}

/** The fields of a trigger the mapping reads. */
export function pickTrigger(trigger: Trigger): MappedTrigger {
  return pick(trigger, MAPPED_FIELDS.trigger);
}

/** The fields of a crawler the mapping reads. */
export function pickCrawler(crawler: Crawler): MappedCrawler {
  return pick(crawler, MAPPED_FIELDS.crawler);
}

/** The fields of a workflow the mapping reads. */
export function pickWorkflow(workflow: Workflow): MappedWorkflow {
  return pick(workflow, MAPPED_FIELDS.workflow);
}
