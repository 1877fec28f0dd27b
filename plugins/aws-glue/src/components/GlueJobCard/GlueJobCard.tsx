import { Box, Grid, Typography, makeStyles } from '@material-ui/core';
import {
  InfoCard,
  InfoCardVariants,
  Link,
  Progress,
} from '@backstage/core-components';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  useChainNeighbours,
  useJobBookmark,
  useSelectedJob,
  useStartingTriggers,
} from '../../hooks';
import {
  describeBookmark,
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  formatWorkers,
} from '../../lib/format';
import { describeCommand, scriptConsoleUrl } from '../../lib/links';
import { Field } from '../Field';
import { GlueEntityGate, GlueJobsGate } from '../GlueEntityGate';
import { JobPicker } from '../JobPicker';
import { RunStatus } from '../RunStatus';
import { StartedBy, Starts } from './JobNeighbours';

export { chainNeighbours } from '../../lib/chainNeighbours';

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
  {
    mono: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
    },
  },
  { name: 'AwsGlueJobCard' },
);

function LastRun(props: { job: GlueJob }) {
  const run = props.job.latestRun;
  if (!run) return <Typography variant="body2">Never run</Typography>;
  return (
    <Box>
      <RunStatus state={run.state} />
      <Typography variant="body2" title={formatDateTime(run.startedOn)}>
        {`started ${formatRelativeTime(run.startedOn)}, ${formatDuration(
          run.durationSeconds,
        )}`}
      </Typography>
    </Box>
  );
}

/** How the job runs: type, Glue version, workers, timeout, retries, concurrency. */
function JobConfiguration(props: { job: GlueJob }) {
  const { job } = props;
  return (
    <>
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
    </>
  );
}

function JobLinks(props: { job: GlueJob }) {
  const { job } = props;
  const classes = useStyles();
  const scriptUrl = scriptConsoleUrl(job.arn, job.scriptLocation);
  return (
    <Box display="flex" flexDirection="column">
      <Link to={job.consoleUrl}>Open in the AWS Glue console</Link>
      {job.scriptLocation &&
        (scriptUrl ? (
          <Link to={scriptUrl}>
            Script: <span className={classes.mono}>{job.scriptLocation}</span>
          </Link>
        ) : (
          <Typography variant="body2" className={classes.mono}>
            {job.scriptLocation}
          </Typography>
        ))}
    </Box>
  );
}

function JobDetails(props: { entity: Entity; job: GlueJob }) {
  const { entity, job } = props;
  const bookmark = useJobBookmark(entity, job);
  const neighbours = useChainNeighbours(entity);
  const catalogTriggers = useStartingTriggers(entity, job);
  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  return (
    <Grid container spacing={2}>
      {job.description && (
        <Grid item xs={12}>
          <Typography variant="body2">{job.description}</Typography>
        </Grid>
      )}
      <Field label="Last run">
        <LastRun job={job} />
      </Field>
      <Field label="Owner">
        {owners.length > 0 ? (
          <EntityRefLinks entityRefs={owners} defaultKind="group" />
        ) : (
          String(entity.spec?.owner ?? '—')
        )}
      </Field>
      <JobConfiguration job={job} />
      <Field label="Started by">
        <StartedBy catalogTriggers={catalogTriggers} neighbours={neighbours} />
      </Field>
      <Field label="Starts">
        <Starts neighbours={neighbours} />
      </Field>
      <Field label="Bookmark">
        {bookmark.loading && !bookmark.value ? (
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
        <JobLinks job={job} />
      </Field>
    </Grid>
  );
}

function JobCardBody(props: { entity: Entity; jobs: GlueJob[] }) {
  const { entity, jobs } = props;
  const [job, selectJob] = useSelectedJob(jobs);
  return (
    <>
      {jobs.length > 1 && (
        <Box mb={2}>
          <JobPicker jobs={jobs} value={job.name} onChange={selectJob} />
        </Box>
      )}
      <JobDetails entity={entity} job={job} />
    </>
  );
}

/** The overview card of an entity's Glue job. */
export function GlueJobCard(props: EntityAwsGlueJobCardProps) {
  return (
    <GlueEntityGate requires="job">
      {entity => (
        <InfoCard title={props.title ?? 'AWS Glue job'} variant={props.variant}>
          <GlueJobsGate entity={entity} live>
            {jobs => <JobCardBody entity={entity} jobs={jobs} />}
          </GlueJobsGate>
        </InfoCard>
      )}
    </GlueEntityGate>
  );
}
