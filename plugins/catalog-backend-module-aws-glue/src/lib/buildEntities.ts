import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  formatGlueArn,
  GLUE_ANNOTATIONS as A,
  GLUE_ENTITY_TYPES,
  GlueLineageEdge,
  GlueResourceKind,
  consoleHost,
  glueConsoleUrls,
  s3ConsoleUrl,
  withoutUserInfo,
  writeGlueJobDefaultArguments,
  writeGlueLineage,
  writeGlueTriggerActions,
  writeGlueTriggerPredicate,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  ArgumentLineageMatcher,
  DatasetReference,
  dedupeReferences,
  lineageFromCrawlerTargets,
  lineageFromVisualNodes,
  LineageOptions,
} from './lineage';
import { renderNameTemplate, toEntityName } from './naming';
import {
  normalizeEntityRefValue,
  OwnershipOptions,
  resolveOwner,
} from './ownership';
import { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueProviderLocation } from '@aws-glue-backstage/plugin-aws-glue-node';
import { describeTrigger } from './describeTrigger';
import { plainDescription } from './plainDescription';
import {
  AwsGlueTransformer,
  AwsGlueTransformers,
  GlueDataset,
  GlueInventory,
} from './types';

/** Name include/exclude patterns and required tags. */
export interface ResourceFilters {
  jobs: { include: RegExp[]; exclude: RegExp[] };
  triggers: { include: RegExp[]; exclude: RegExp[] };
  /** Every synced resource must have these tags; a value of `*` accepts any value. */
  requiredTags: Record<string, string>;
}

/** The mapping options of one provider (compiled from config). */
export interface MappingOptions {
  providerId: string;
  namespace: string;
  nameTemplate: string;
  filters: ResourceFilters;
  ownership: OwnershipOptions;
  lifecycle: { tagKey: string; defaultValue: string };
  system: { tagKey: string };
  workflowsAsSystems: boolean;
  lineage: LineageOptions;
  redactor: ArgumentRedactor;
  transformers?: AwsGlueTransformers;
}

/** What a mapping run produced. */
export interface BuildResult {
  entities: Entity[];
  /** Human-readable problems worth a warning log line (no secrets in them). */
  warnings: string[];
  counts: Record<GlueResourceKind, number>;
}

const DATASET_NAME_PREFIX: Record<DatasetReference['type'], string> = {
  's3-prefix': 's3',
  'glue-table': 'table',
  'jdbc-table': 'jdbc',
};

const ENTITY_TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

/** Entity tags must be `[a-z0-9:+#]` runs joined by `-`, at most 63 chars. */
function entityTag(value: string): string | undefined {
  const tag = value
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9:+#]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return ENTITY_TAG.test(tag) ? tag : undefined;
}

function compact<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

function definedAnnotations(
  values: Record<string, string | number | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') {
      result[key] = String(value);
    }
  }
  return result;
}

function passesNameFilter(
  name: string,
  filter: { include: RegExp[]; exclude: RegExp[] },
): boolean {
  if (filter.include.length > 0 && !filter.include.some(p => p.test(name))) {
    return false;
  }
  return !filter.exclude.some(p => p.test(name));
}

function hasRequiredTags(
  tags: Record<string, string>,
  required: Record<string, string>,
): boolean {
  return Object.entries(required).every(([key, value]) =>
    value === '*' ? key in tags : tags[key] === value,
  );
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (!best || count > counts.get(best)!) best = value;
  }
  return best;
}

/**
 * Builds the catalog entities for one account and region: jobs, triggers,
 * workflows, crawlers and the datasets they read and write, with their
 * `dependsOn` relations, owners and systems. Pure apart from transformers.
 */
export async function buildEntities(
  inventory: GlueInventory,
  options: MappingOptions,
): Promise<BuildResult> {
  const { partition, accountId, region } = inventory;
  const { namespace } = options;
  const warnings: string[] = [];
  const arnOf = (
    resourceType: 'job' | 'trigger' | 'workflow' | 'crawler',
    name: string,
  ) => formatGlueArn({ partition, region, accountId, resourceType, name });
  const tagsOf = (arn: string) => inventory.tags.get(arn) ?? {};
  const keep = (arn: string) =>
    hasRequiredTags(tagsOf(arn), options.filters.requiredTags);
  const baseName = (name: string) =>
    renderNameTemplate(options.nameTemplate, { name, region, accountId });

  // 1. Which resources are synced.
  const jobs = inventory.jobs.filter(
    job =>
      job.Name &&
      passesNameFilter(job.Name, options.filters.jobs) &&
      keep(arnOf('job', job.Name)),
  );
  const triggers = inventory.triggers.filter(
    trigger =>
      trigger.Name &&
      passesNameFilter(trigger.Name, options.filters.triggers) &&
      keep(arnOf('trigger', trigger.Name)),
  );
  const crawlers = inventory.crawlers.filter(
    crawler => crawler.Name && keep(arnOf('crawler', crawler.Name)),
  );
  const workflows = options.workflowsAsSystems
    ? inventory.workflows.filter(
        workflow => workflow.Name && keep(arnOf('workflow', workflow.Name)),
      )
    : [];

  // 2. Entity refs: names depend only on each resource's own identity.
  const ref = (kind: string, name: string) =>
    stringifyEntityRef({ kind, namespace, name });
  /** Glue name -> entity ref, for one kind of resource. */
  const refsOf = (
    items: { Name?: string }[],
    kind: 'Component' | 'Resource' | 'System',
    resourceType: 'job' | 'trigger' | 'workflow' | 'crawler',
    prefix: string,
  ) =>
    new Map(
      items.map(item => [
        item.Name!,
        ref(
          kind,
          toEntityName(
            `${prefix}${baseName(item.Name!)}`,
            arnOf(resourceType, item.Name!),
          ),
        ),
      ]),
    );
  const jobRefs = refsOf(jobs, 'Component', 'job', '');
  const triggerRefs = refsOf(triggers, 'Resource', 'trigger', 'trigger-');
  const crawlerRefs = refsOf(crawlers, 'Resource', 'crawler', 'crawler-');
  const workflowRefs = refsOf(workflows, 'System', 'workflow', '');

  /** The entity ref of the synced job or crawler an action or condition names. */
  const refOfTarget = (t: { JobName?: string; CrawlerName?: string }) => {
    if (t.JobName) return jobRefs.get(t.JobName);
    if (t.CrawlerName) return crawlerRefs.get(t.CrawlerName);
    return undefined;
  };

  // 3. Trigger wiring: who starts whom, who watches whom, workflow membership.
  const startedBy = new Map<string, string[]>(); // job/crawler key -> trigger names
  const workflowsOf = new Map<string, Set<string>>(); // job/crawler key -> workflow names
  const membersOf = new Map<string, Set<string>>(); // workflow name -> job/crawler keys
  const jobKey = (name: string) => `job:${name}`;
  const crawlerKey = (name: string) => `crawler:${name}`;
  /** The key of the job or crawler an action or condition names. */
  const targetKey = (t: { JobName?: string; CrawlerName?: string }) => {
    if (t.JobName) return jobKey(t.JobName);
    if (t.CrawlerName) return crawlerKey(t.CrawlerName);
    return undefined;
  };
  const addTo = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const missingByTrigger = new Map<string, string[]>();
  for (const trigger of triggers) {
    const missing: string[] = [];
    const note = (exists: boolean, label: string) => {
      if (!exists) missing.push(label);
    };
    for (const action of trigger.Actions ?? []) {
      if (action.JobName) {
        addTo(startedBy, jobKey(action.JobName), trigger.Name!);
        note(jobRefs.has(action.JobName), action.JobName);
      } else if (action.CrawlerName) {
        addTo(startedBy, crawlerKey(action.CrawlerName), trigger.Name!);
        note(
          crawlerRefs.has(action.CrawlerName),
          `crawler ${action.CrawlerName}`,
        );
      }
    }
    for (const condition of trigger.Predicate?.Conditions ?? []) {
      if (condition.JobName)
        note(jobRefs.has(condition.JobName), condition.JobName);
      else if (condition.CrawlerName) {
        note(
          crawlerRefs.has(condition.CrawlerName),
          `crawler ${condition.CrawlerName}`,
        );
      }
    }
    const unique = [...new Set(missing)];
    if (unique.length > 0) {
      missingByTrigger.set(trigger.Name!, unique);
      warnings.push(
        `trigger ${trigger.Name} refers to ${unique.join(', ')}, which ${
          unique.length === 1 ? 'is' : 'are'
        } not synced (missing in Glue or filtered out); no relation was made`,
      );
    }
    if (trigger.WorkflowName) {
      const members = [
        ...(trigger.Actions ?? []).map(targetKey),
        ...(trigger.Predicate?.Conditions ?? []).map(targetKey),
      ];
      for (const member of compact(members)) {
        const set = workflowsOf.get(member) ?? new Set<string>();
        set.add(trigger.WorkflowName);
        workflowsOf.set(member, set);
        const memberSet =
          membersOf.get(trigger.WorkflowName) ?? new Set<string>();
        memberSet.add(member);
        membersOf.set(trigger.WorkflowName, memberSet);
      }
    }
  }

  // 4. Lineage: visual nodes, default arguments, trigger action arguments.
  const matcher = new ArgumentLineageMatcher(options.lineage);
  const lineageOf = new Map<string, DatasetReference[]>();
  if (options.lineage.enabled) {
    for (const job of jobs) {
      lineageOf.set(jobKey(job.Name!), [
        ...lineageFromVisualNodes(job.CodeGenConfigurationNodes as any),
        ...matcher.match(job.DefaultArguments, 'default-argument'),
      ]);
    }
    for (const trigger of triggers) {
      for (const action of trigger.Actions ?? []) {
        if (action.JobName && jobRefs.has(action.JobName) && action.Arguments) {
          lineageOf
            .get(jobKey(action.JobName))!
            .push(
              ...matcher.match(
                action.Arguments,
                `trigger-argument:${trigger.Name}`,
              ),
            );
        }
      }
    }
    for (const crawler of crawlers) {
      lineageOf.set(
        crawlerKey(crawler.Name!),
        lineageFromCrawlerTargets(crawler.Targets),
      );
    }
    for (const [key, refs] of lineageOf)
      lineageOf.set(key, dedupeReferences(refs));
  }

  const datasets = new Map<string, GlueDataset>();
  const datasetArn = (reference: DatasetReference) => {
    if (reference.type === 's3-prefix') {
      return `arn:${partition}:s3:::${reference.location.slice(
        's3://'.length,
      )}`;
    }
    if (reference.type === 'glue-table') {
      return `arn:${partition}:glue:${region}:${accountId}:table/${reference.location.slice(
        'glue://'.length,
      )}`;
    }
    return `arn:${partition}:glue:${region}:${accountId}:connection/${reference.location.slice(
      'jdbc://'.length,
    )}`;
  };
  const datasetRefs = new Map<string, string>();
  for (const [owner, refs] of lineageOf) {
    const ownerRef = owner.startsWith('job:')
      ? jobRefs.get(owner.slice(4))!
      : crawlerRefs.get(owner.slice(8))!;
    for (const reference of refs) {
      let dataset = datasets.get(reference.location);
      if (!dataset) {
        dataset = {
          type: reference.type,
          location: reference.location,
          arn: datasetArn(reference),
          readers: [],
          writers: [],
        };
        datasets.set(reference.location, dataset);
        const prefix = DATASET_NAME_PREFIX[reference.type];
        datasetRefs.set(
          reference.location,
          ref(
            'Resource',
            // Through the name template like every other entity, so that the
            // providers of two regions never emit the same dataset entity.
            toEntityName(
              `${prefix}-${baseName(
                reference.location.replace(/^[a-z0-9]+:\/\//, ''),
              )}`,
              `${dataset.arn}|${baseName('')}`,
            ),
          ),
        );
      }
      (reference.direction === 'input'
        ? dataset.readers
        : dataset.writers
      ).push(ownerRef);
    }
  }
  const lineageAnnotation = (key: string) => {
    const refs = lineageOf.get(key) ?? [];
    if (refs.length === 0) return undefined;
    const edges: GlueLineageEdge[] = refs.map(r => ({
      direction: r.direction,
      location: r.location,
      entityRef: datasetRefs.get(r.location)!,
      source: r.source,
    }));
    return writeGlueLineage(edges);
  };

  // 5. Owners.
  const ownerOf = new Map<string, string>(); // entity ref -> owner
  const ownerFor = (
    name: string,
    tags: Record<string, string>,
    inherited?: string,
  ) =>
    resolveOwner(options.ownership, { name, tags, inherited }, namespace).owner;
  const lifecycleOf = (tags: Record<string, string>) =>
    tags[options.lifecycle.tagKey]?.trim() || options.lifecycle.defaultValue;
  const systemTagOf = (tags: Record<string, string>): string | undefined => {
    const value = tags[options.system.tagKey];
    return value === undefined
      ? undefined
      : normalizeEntityRefValue(value, ['system'], namespace);
  };
  const systemOf = (key: string, tags: Record<string, string>) => {
    const tagged = systemTagOf(tags);
    if (tagged) return tagged;
    const memberOf = [...(workflowsOf.get(key) ?? [])].filter(w =>
      workflowRefs.has(w),
    );
    return memberOf.length === 1 ? workflowRefs.get(memberOf[0]) : undefined;
  };

  const location = awsGlueProviderLocation(options.providerId);
  const common = (
    kind: GlueResourceKind,
    arn: string,
    glueName: string,
    extra: Record<string, string | number | undefined>,
  ) => ({
    // Only this module's providers emit this location type: the backend
    // plugin trusts an entity as the Glue resource's own because of it.
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
    [ANNOTATION_AWS_ARN]: arn,
    [ANNOTATION_AWS_ACCOUNT_ID]: accountId,
    [A.region]: region,
    [A.name]: glueName,
    [A.resourceKind]: kind,
    [A.provider]: options.providerId,
    ...definedAnnotations(extra),
  });
  const nameOf = (entityRef: string) =>
    entityRef.slice(entityRef.indexOf('/') + 1);
  /**
   * Descriptions are rendered as Markdown, and Glue texts are written by
   * whoever may update the resource: redacted, one line, Markdown escaped.
   */
  const descriptionOf = (text: string) =>
    plainDescription(text, options.redactor);

  const entities: Entity[] = [];
  const emit = async <T>(
    resource: T,
    entity: Entity,
    tags: Record<string, string>,
    transformer: AwsGlueTransformer<T> | undefined,
  ) => {
    const result = transformer
      ? await transformer(resource, {
          providerId: options.providerId,
          accountId,
          region,
          tags,
          defaultEntity: entity,
        })
      : entity;
    if (result) entities.push(result);
  };

  // Jobs.
  for (const job of jobs) {
    const name = job.Name!;
    const arn = arnOf('job', name);
    const tags = tagsOf(arn);
    const entityRef = jobRefs.get(name)!;
    const owner = ownerFor(name, tags);
    ownerOf.set(entityRef, owner);
    const args = job.DefaultArguments ?? {};
    const bookmark = args['--job-bookmark-option'] ?? 'job-bookmark-disable';
    const link = glueConsoleUrls.job(partition, region, name);
    const rawScriptLocation = job.Command?.ScriptLocation
      ? withoutUserInfo(job.Command.ScriptLocation)
      : undefined;
    const scriptLocation = rawScriptLocation
      ? options.redactor.redactText(rawScriptLocation)
      : undefined;
    // No console link to a location that had to be redacted.
    const scriptLink =
      scriptLocation && scriptLocation === rawScriptLocation
        ? s3ConsoleUrl(partition, region, scriptLocation)
        : undefined;
    const reads = (lineageOf.get(jobKey(name)) ?? [])
      .filter(r => r.direction === 'input')
      .map(r => datasetRefs.get(r.location)!);
    const starters = (startedBy.get(jobKey(name)) ?? [])
      .map(t => triggerRefs.get(t))
      .filter((r): r is string => Boolean(r));
    const system = systemOf(jobKey(name), tags);
    const workflowNames = [...(workflowsOf.get(jobKey(name)) ?? [])];
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        namespace,
        name: nameOf(entityRef),
        title: name,
        description: descriptionOf(
          job.Description?.trim() ||
            `AWS Glue ${job.Command?.Name ?? ''} job`.replace(/\s+/g, ' '),
        ),
        annotations: common('job', arn, name, {
          [A.jobCommand]: job.Command?.Name,
          [A.jobMode]: job.JobMode ?? 'SCRIPT',
          [A.jobGlueVersion]: job.GlueVersion,
          [A.jobWorkerType]: job.WorkerType,
          [A.jobNumberOfWorkers]: job.NumberOfWorkers,
          [A.jobMaxCapacity]: job.WorkerType ? undefined : job.MaxCapacity,
          [A.jobTimeout]: job.Timeout,
          [A.jobMaxRetries]: job.MaxRetries ?? 0,
          [A.jobMaxConcurrentRuns]:
            job.ExecutionProperty?.MaxConcurrentRuns ?? 1,
          [A.jobExecutionClass]: job.ExecutionClass ?? 'STANDARD',
          [A.jobBookmarkOption]: bookmark,
          [A.jobScriptLocation]: scriptLocation,
          [A.jobConnections]: job.Connections?.Connections?.join(','),
          [A.jobDefaultArguments]: Object.keys(args).length
            ? writeGlueJobDefaultArguments(options.redactor.redact(args)!)
            : undefined,
          [A.lineage]: lineageAnnotation(jobKey(name)),
          [A.workflows]: workflowNames.join(','),
        }),
        links: compact([
          { url: link, title: 'AWS Glue console', icon: 'cloud' },
          scriptLink
            ? { url: scriptLink, title: 'Job script', icon: 'docs' }
            : undefined,
        ]),
        tags: compact([
          entityTag(job.Command?.Name ?? ''),
          job.GlueVersion ? entityTag(`glue-${job.GlueVersion}`) : undefined,
          bookmark === 'job-bookmark-enable' ? 'bookmark-enabled' : undefined,
          bookmark === 'job-bookmark-pause' ? 'bookmark-paused' : undefined,
          job.JobMode === 'VISUAL' ? 'visual' : undefined,
          job.ExecutionClass === 'FLEX' ? 'flex' : undefined,
        ]),
      },
      spec: {
        type: GLUE_ENTITY_TYPES.job,
        lifecycle: lifecycleOf(tags),
        owner,
        ...(system ? { system } : {}),
        dependsOn: [...new Set([...starters, ...reads])],
      },
    };
    await emit(job, entity, tags, options.transformers?.job);
  }

  // Crawlers.
  for (const crawler of crawlers) {
    const name = crawler.Name!;
    const arn = arnOf('crawler', name);
    const tags = tagsOf(arn);
    const entityRef = crawlerRefs.get(name)!;
    const owner = ownerFor(name, tags);
    ownerOf.set(entityRef, owner);
    const link = glueConsoleUrls.crawler(partition, region, name);
    const reads = (lineageOf.get(crawlerKey(name)) ?? []).map(
      r => datasetRefs.get(r.location)!,
    );
    const starters = (startedBy.get(crawlerKey(name)) ?? [])
      .map(t => triggerRefs.get(t))
      .filter((r): r is string => Boolean(r));
    const system = systemOf(crawlerKey(name), tags);
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        namespace,
        name: nameOf(entityRef),
        title: name,
        description: descriptionOf(
          crawler.Description?.trim() ||
            `AWS Glue crawler writing to database ${
              crawler.DatabaseName ?? '(none)'
            }`,
        ),
        annotations: common('crawler', arn, name, {
          [A.crawlerDatabase]: crawler.DatabaseName,
          [A.crawlerSchedule]: crawler.Schedule?.ScheduleExpression,
          [A.lineage]: lineageAnnotation(crawlerKey(name)),
          [A.workflows]: [...(workflowsOf.get(crawlerKey(name)) ?? [])].join(
            ',',
          ),
        }),
        links: [{ url: link, title: 'AWS Glue console', icon: 'cloud' }],
      },
      spec: {
        type: GLUE_ENTITY_TYPES.crawler,
        lifecycle: lifecycleOf(tags),
        owner,
        ...(system ? { system } : {}),
        dependsOn: [...new Set([...starters, ...reads])],
      },
    };
    await emit(crawler, entity, tags, options.transformers?.crawler);
  }

  // Triggers (after jobs and crawlers: an untagged trigger takes the owner of what it starts).
  for (const trigger of triggers) {
    const name = trigger.Name!;
    const arn = arnOf('trigger', name);
    const tags = tagsOf(arn);
    const entityRef = triggerRefs.get(name)!;
    const firstTarget = (trigger.Actions ?? []).map(refOfTarget).find(Boolean);
    const owner = ownerFor(
      name,
      tags,
      firstTarget ? ownerOf.get(firstTarget) : undefined,
    );
    ownerOf.set(entityRef, owner);
    const watched = compact(
      (trigger.Predicate?.Conditions ?? []).map(refOfTarget),
    );
    const link = glueConsoleUrls.trigger(partition, region, name);
    const systemTag = systemTagOf(tags);
    const system =
      systemTag ??
      (trigger.WorkflowName
        ? workflowRefs.get(trigger.WorkflowName)
        : undefined);
    const actions = (trigger.Actions ?? []).map(action => ({
      ...(action.JobName ? { JobName: action.JobName } : {}),
      ...(action.CrawlerName ? { CrawlerName: action.CrawlerName } : {}),
      ...(action.Arguments
        ? { Arguments: options.redactor.redact(action.Arguments) }
        : {}),
      ...(action.Timeout ? { Timeout: action.Timeout } : {}),
    }));
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        namespace,
        name: nameOf(entityRef),
        title: name,
        // The sentence embeds Glue names and the trigger's own description.
        description: descriptionOf(describeTrigger(trigger)),
        annotations: common('trigger', arn, name, {
          [A.triggerType]: trigger.Type,
          [A.triggerState]: trigger.State,
          [A.triggerSchedule]: trigger.Schedule,
          [A.triggerPredicate]: trigger.Predicate
            ? writeGlueTriggerPredicate(trigger.Predicate)
            : undefined,
          [A.triggerActions]: writeGlueTriggerActions(actions),
          [A.missingReferences]: missingByTrigger.get(name)?.join(','),
          [A.workflows]: trigger.WorkflowName,
        }),
        links: [{ url: link, title: 'AWS Glue console', icon: 'cloud' }],
        tags: compact([
          entityTag(trigger.Type ?? ''),
          trigger.State ? entityTag(trigger.State) : undefined,
        ]),
      },
      spec: {
        type: GLUE_ENTITY_TYPES.trigger,
        lifecycle: lifecycleOf(tags),
        owner,
        ...(system ? { system } : {}),
        dependsOn: [...new Set(watched)],
      },
    };
    await emit(trigger, entity, tags, options.transformers?.trigger);
  }

  // Workflows as Systems.
  for (const workflow of workflows) {
    const name = workflow.Name!;
    const arn = arnOf('workflow', name);
    const tags = tagsOf(arn);
    const memberOwners = [...(membersOf.get(name) ?? [])]
      .map(key =>
        key.startsWith('job:')
          ? jobRefs.get(key.slice(4))
          : crawlerRefs.get(key.slice(8)),
      )
      .map(memberRef => (memberRef ? ownerOf.get(memberRef) : undefined))
      .filter((o): o is string => Boolean(o));
    const owner = ownerFor(name, tags, mostCommon(memberOwners));
    const link = glueConsoleUrls.workflow(partition, region, name);
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        namespace,
        name: nameOf(workflowRefs.get(name)!),
        title: name,
        description: descriptionOf(
          workflow.Description?.trim() || `AWS Glue workflow ${name}`,
        ),
        annotations: common('workflow', arn, name, {}),
        links: [{ url: link, title: 'AWS Glue console', icon: 'cloud' }],
        tags: ['glue-workflow'],
      },
      spec: { owner },
    };
    await emit(workflow, entity, tags, options.transformers?.workflow);
  }

  // Datasets: depend on whoever writes them.
  for (const dataset of datasets.values()) {
    const entityRef = datasetRefs.get(dataset.location)!;
    const owner = ownerFor(
      dataset.location,
      {},
      ownerOf.get(dataset.writers[0] ?? dataset.readers[0] ?? ''),
    );
    let link: string;
    let type: string;
    if (dataset.type === 's3-prefix') {
      link =
        s3ConsoleUrl(partition, region, dataset.location) ??
        `${consoleHost(partition, region)}/s3/home?region=${region}`;
      type = GLUE_ENTITY_TYPES.s3Prefix;
    } else if (dataset.type === 'glue-table') {
      const [database, table] = dataset.location
        .slice('glue://'.length)
        .split('/');
      link = glueConsoleUrls.table(partition, region, database, table);
      type = GLUE_ENTITY_TYPES.table;
    } else {
      link = glueConsoleUrls.connections(partition, region);
      type = GLUE_ENTITY_TYPES.jdbcTable;
    }
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        namespace,
        name: nameOf(entityRef),
        title: dataset.location,
        description: descriptionOf(
          `Dataset ${dataset.location}, written by ${dataset.writers.length} and read by ${dataset.readers.length} Glue jobs or crawlers`,
        ),
        annotations: common('dataset', dataset.arn, dataset.location, {
          [A.datasetLocation]: dataset.location,
        }),
        links: [{ url: link, title: 'AWS console', icon: 'cloud' }],
      },
      spec: {
        type,
        owner,
        dependsOn: [...new Set(dataset.writers)],
      },
    };
    await emit(dataset, entity, {}, options.transformers?.dataset);
  }

  return {
    entities,
    warnings,
    counts: {
      job: jobs.length,
      trigger: triggers.length,
      workflow: workflows.length,
      crawler: crawlers.length,
      dataset: datasets.size,
    },
  };
}
