import { ReactNode, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Box, Grid, Typography, makeStyles } from '@material-ui/core';
import {
  EmptyState,
  InfoCard,
  InfoCardVariants,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Entity,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AWS_GLUE_JOB_ARN,
  getGlueResourceKind,
  GLUE_ANNOTATIONS,
  GlueChainResponse,
  GlueJob,
  GlueJobBookmarkResponse,
  isAwsGlueJobEntity,
  unescapeMarkdown,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../../api';
import { useEntityCompoundRef, useGlueJobs } from '../../hooks';
import {
  describeSchedule,
  formatBookmarkOption,
  formatDuration,
  formatRelativeTime,
  formatDateTime,
  formatWorkers,
} from '../../lib/format';
import { readTriggerActions } from '../../lib/annotations';
import { describeCommand, scriptConsoleUrl } from '../../lib/links';
import { GlueErrorPanel } from '../GlueErrorPanel';
import { JobPicker } from '../JobPicker';
import { RunStatus } from '../RunStatus';

/**
 * Props of {@link EntityAwsGlueJobCard}.
 *
 * @public
 */
export interface EntityAwsGlueJobCardProps {
  /** Card title; `AWS Glue job` by default. */
  title?: string;
  /** `gridItem` to fill the height of a grid cell. */
  variant?: InfoCardVariants;
}

const useStyles = makeStyles(
  theme => ({
    label: {
      color: theme.palette.text.secondary,
      textTransform: 'uppercase',
      fontSize: '0.7rem',
      fontWeight: theme.typography.fontWeightBold as number,
      letterSpacing: 0.5,
    },
    value: {
      wordBreak: 'break-word',
    },
    lines: {
      display: 'flex',
      flexDirection: 'column',
      gap: theme.spacing(0.75),
    },
    mono: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
    },
  }),
  { name: 'AwsGlueJobCard' },
);

function Field(props: {
  label: string;
  children: ReactNode;
  xs?: 12 | 6;
  sm?: 12 | 6 | 4;
}) {
  const classes = useStyles();
  return (
    <Grid item xs={props.xs ?? 12} sm={props.sm ?? 6}>
      <Typography className={classes.label} component="h3">
        {props.label}
      </Typography>
      <Box className={classes.value}>
        {typeof props.children === 'string' ? (
          <Typography variant="body2">{props.children}</Typography>
        ) : (
          props.children
        )}
      </Box>
    </Grid>
  );
}

/** What starts or is started by the job, one line each. */
interface ChainLine {
  key: string;
  entityRef?: string;
  title: string;
  detail?: string;
}

/** Triggers that start the job, from the catalog: synced triggers carry their conditions in words. */
function useStartingTriggers(entity: Entity, job: GlueJob | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const refs = getEntityRelations(entity, RELATION_DEPENDS_ON, {
    kind: 'resource',
  }).map(ref => stringifyEntityRef(ref));
  const key = refs.join(',');
  return useAsync(async (): Promise<ChainLine[]> => {
    if (refs.length === 0 || !job) return [];
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: ['kind', 'metadata', 'spec.type'],
    });
    return items
      .filter((e): e is Entity => !!e && getGlueResourceKind(e) === 'trigger')
      .filter(trigger => {
        const actions = readTriggerActions(trigger);
        return (
          !actions?.value ||
          actions.value.some(a => a.kind === 'job' && a.name === job.name)
        );
      })
      .map(trigger => {
        const annotations = trigger.metadata.annotations ?? {};
        const schedule = describeSchedule(
          annotations[GLUE_ANNOTATIONS.triggerSchedule],
        );
        const state = annotations[GLUE_ANNOTATIONS.triggerState];
        return {
          key: stringifyEntityRef(trigger),
          entityRef: stringifyEntityRef(trigger),
          title: trigger.metadata.title ?? trigger.metadata.name,
          detail: [
            trigger.metadata.description &&
              unescapeMarkdown(trigger.metadata.description),
            schedule ? `(${schedule})` : undefined,
            state && state !== 'ACTIVATED' && state !== 'CREATED'
              ? `[${state}]`
              : undefined,
          ]
            .filter(Boolean)
            .join(' '),
        };
      });
  }, [catalogApi, key, job?.name]);
}

/** Upstream triggers and downstream jobs from the chain route. */
export function chainNeighbours(chain: GlueChainResponse): {
  startedBy: ChainLine[];
  starts: ChainLine[];
} {
  const nodes = new Map(chain.nodes.map(n => [n.id, n]));
  const startedBy: ChainLine[] = [];
  const starts: ChainLine[] = [];
  for (const edge of chain.edges) {
    const from = nodes.get(edge.from);
    if (edge.to === chain.root && from?.kind === 'trigger') {
      const schedule = describeSchedule(from.trigger?.schedule);
      startedBy.push({
        key: from.id,
        entityRef: from.id,
        title: from.title,
        detail: [
          from.trigger?.description ??
            (from.trigger?.type ? `${from.trigger.type} trigger` : undefined),
          schedule ? `(${schedule})` : undefined,
        ]
          .filter(Boolean)
          .join(' '),
      });
    }
    if (edge.from !== chain.root) continue;
    const middle = nodes.get(edge.to);
    if (!middle) continue;
    if (middle.kind === 'job' || middle.kind === 'crawler') {
      starts.push({
        key: `${middle.id}:${edge.label}`,
        entityRef: middle.id,
        title: middle.title,
        detail: edge.label,
      });
      continue;
    }
    for (const next of chain.edges.filter(e => e.from === middle.id)) {
      const target = nodes.get(next.to);
      if (!target || target.id === chain.root) continue;
      if (target.kind !== 'job' && target.kind !== 'crawler') continue;
      starts.push({
        key: `${target.id}:${middle.id}`,
        entityRef: target.id,
        title: target.title,
        detail:
          middle.kind === 'trigger'
            ? `via trigger ${middle.title} (${edge.label})`
            : `reads ${middle.title}`,
      });
    }
  }
  return { startedBy, starts };
}

function ChainLines(props: { lines: ChainLine[]; empty: string }) {
  const classes = useStyles();
  if (props.lines.length === 0) {
    return <Typography variant="body2">{props.empty}</Typography>;
  }
  return (
    <Box className={classes.lines}>
      {props.lines.map(line => (
        <Box key={line.key}>
          <Typography variant="body2">
            {line.entityRef ? (
              <EntityRefLink entityRef={line.entityRef}>
                {line.title}
              </EntityRefLink>
            ) : (
              line.title
            )}
          </Typography>
          {line.detail && (
            <Typography variant="body2" color="textSecondary">
              {line.detail}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}

function describeBookmark(
  job: GlueJob,
  bookmark: GlueJobBookmarkResponse | undefined,
  error: Error | undefined,
): string {
  const option = formatBookmarkOption(bookmark?.option ?? job.bookmarkOption);
  if (error) return `${option} (bookmark state unavailable)`;
  if (!bookmark) return option;
  if (!bookmark.entry) {
    return job.bookmarkOption === 'job-bookmark-disable'
      ? option
      : `${option}, no bookmark recorded yet`;
  }
  const { run, attempt, runId } = bookmark.entry;
  return `${option}, at run ${run} (attempt ${attempt})${
    runId ? `, ${runId}` : ''
  }`;
}

function JobDetails(props: { entity: Entity; job: GlueJob }) {
  const { entity, job } = props;
  const classes = useStyles();
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  const bookmark = useAsync(
    // the ARN: unambiguous even when two of the entity's jobs share a name
    () => api.getBookmark(entityRef, { job: job.arn }),
    [api, entityRef, job.arn],
  );
  const chain = useAsync(
    () => api.getChain(entityRef, { direction: 'both', depth: 2 }),
    [api, entityRef],
  );
  const catalogTriggers = useStartingTriggers(entity, job);
  const neighbours = useMemo(
    () => (chain.value ? chainNeighbours(chain.value) : undefined),
    [chain.value],
  );
  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  const scriptUrl = scriptConsoleUrl(job.arn, job.scriptLocation);
  const run = job.latestRun;

  let startedBy: ReactNode;
  if (catalogTriggers.value && catalogTriggers.value.length > 0) {
    startedBy = <ChainLines lines={catalogTriggers.value} empty="" />;
  } else if (chain.loading || catalogTriggers.loading) {
    startedBy = <Progress />;
  } else if (neighbours) {
    startedBy = (
      <ChainLines
        lines={neighbours.startedBy}
        empty="No trigger: started on demand (console, API or another tool)"
      />
    );
  } else {
    startedBy = 'No trigger found in the catalog';
  }

  let starts: ReactNode;
  if (chain.loading) {
    starts = <Progress />;
  } else if (neighbours) {
    starts = (
      <ChainLines lines={neighbours.starts} empty="Nothing downstream" />
    );
  } else {
    starts = 'Chain unavailable';
  }

  return (
    <Grid container spacing={2}>
      {job.description && (
        <Grid item xs={12}>
          <Typography variant="body2">{job.description}</Typography>
        </Grid>
      )}
      <Field label="Last run">
        {run ? (
          <Box>
            <RunStatus state={run.state} />
            <Typography variant="body2" title={formatDateTime(run.startedOn)}>
              {`started ${formatRelativeTime(run.startedOn)}, ${formatDuration(
                run.durationSeconds,
              )}`}
            </Typography>
          </Box>
        ) : (
          'Never run'
        )}
      </Field>
      <Field label="Owner">
        {owners.length > 0 ? (
          <EntityRefLinks entityRefs={owners} defaultKind="group" />
        ) : (
          String(entity.spec?.owner ?? '—')
        )}
      </Field>
      <Field label="Type" sm={4}>
        {`${describeCommand(job.command)}${
          job.jobMode && job.jobMode !== 'SCRIPT'
            ? `, ${job.jobMode.toLocaleLowerCase('en-US')} job`
            : ''
        }`}
      </Field>
      <Field label="Glue version" sm={4}>
        {`${job.glueVersion ?? '—'}${
          job.executionClass && job.executionClass !== 'STANDARD'
            ? ` (${job.executionClass})`
            : ''
        }`}
      </Field>
      <Field label="Workers" sm={4}>
        {formatWorkers(job)}
      </Field>
      <Field label="Timeout" sm={4}>
        {job.timeoutMinutes !== undefined
          ? formatDuration(job.timeoutMinutes * 60)
          : '—'}
      </Field>
      <Field label="Retries" sm={4}>
        {String(job.maxRetries)}
      </Field>
      <Field label="Max concurrent runs" sm={4}>
        {String(job.maxConcurrentRuns)}
      </Field>
      <Field label="Started by">{startedBy}</Field>
      <Field label="Starts">{starts}</Field>
      <Field label="Bookmark">
        {bookmark.loading ? (
          <Progress />
        ) : (
          describeBookmark(job, bookmark.value, bookmark.error)
        )}
      </Field>
      <Field label="Account / region">{`${job.accountId} / ${job.region}`}</Field>
      {job.connections.length > 0 && (
        <Field label="Connections">{job.connections.join(', ')}</Field>
      )}
      <Field label="Links">
        <Box display="flex" flexDirection="column">
          <Link to={job.consoleUrl}>Open in the AWS Glue console</Link>
          {job.scriptLocation &&
            (scriptUrl ? (
              <Link to={scriptUrl}>
                Script:{' '}
                <span className={classes.mono}>{job.scriptLocation}</span>
              </Link>
            ) : (
              <Typography variant="body2" className={classes.mono}>
                {job.scriptLocation}
              </Typography>
            ))}
        </Box>
      </Field>
    </Grid>
  );
}

function JobCardBody(props: { entity: Entity }) {
  const { entity } = props;
  const jobs = useGlueJobs(entity);
  const [selected, setSelected] = useState<string | undefined>(undefined);

  if (jobs.loading && !jobs.value) {
    return <Progress />;
  }
  if (jobs.error) {
    return <GlueErrorPanel error={jobs.error} onRetry={jobs.retry} />;
  }
  const list = jobs.value?.jobs ?? [];
  if (list.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No Glue jobs found"
        description="None of the job ARNs on this entity exists in AWS Glue, or the backend cannot read them."
      />
    );
  }
  const job = list.find(j => j.name === selected) ?? list[0];
  return (
    <>
      {list.length > 1 && (
        <Box mb={2}>
          <JobPicker jobs={list} value={job.name} onChange={setSelected} />
        </Box>
      )}
      <JobDetails entity={entity} job={job} />
    </>
  );
}

/** The overview card of an entity's Glue job. */
export function GlueJobCard(props: EntityAwsGlueJobCardProps) {
  const { entity } = useEntity();
  const title = props.title ?? 'AWS Glue job';
  if (!isAwsGlueJobEntity(entity)) {
    return (
      <MissingAnnotationEmptyState annotation={ANNOTATION_AWS_GLUE_JOB_ARN} />
    );
  }
  return (
    <InfoCard title={title} variant={props.variant}>
      <JobCardBody entity={entity} />
    </InfoCard>
  );
}
