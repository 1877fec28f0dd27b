import { ReactNode } from 'react';
import { Box, Grid, Typography, makeStyles } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueJob,
  GlueJobRun,
  RetryGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  formatCost,
  formatDateTime,
  formatDpuHours,
  formatDuration,
  formatWorkers,
} from '../../lib/format';
import { ArgumentsTable } from '../ArgumentsTable';
import { Field, FieldLabel } from '../Field';
import { RetryRunButton, RunTriage, TRIAGE_STATES } from '../RunTriage';

/** Where a run belongs, for the failure triage and Retry of a failed run. */
export interface RunDetailsContext {
  /** The entity the run's job belongs to. */
  entityRef: CompoundEntityRef;
  /** The run's job: Retry is enabled when its `canRetry` is true. */
  job?: GlueJob;
  /** After a retry started, with the new run. */
  onRetried?: (response: RetryGlueJobRunResponse) => void;
}

/** Props of {@link RunDetails}. */
export interface RunDetailsProps {
  run: GlueJobRun;
  /** With it, a failed run (FAILED, ERROR, TIMEOUT) gets Retry and its triage. */
  context?: RunDetailsContext;
}

/** Retry and the triage of a failed run; nothing for other runs. */
function FailedRunSection(props: {
  run: GlueJobRun;
  context?: RunDetailsContext;
}) {
  const { run, context } = props;
  if (!context || !TRIAGE_STATES.includes(run.state)) return null;
  return (
    <Grid item xs={12}>
      <RetryRunButton
        entityRef={context.entityRef}
        run={run}
        job={context.job}
        onRetried={context.onRetried}
      />
      <Box mt={2}>
        <RunTriage entityRef={context.entityRef} run={run} />
      </Box>
    </Grid>
  );
}

const useStyles = makeStyles(
  theme => ({
    root: {
      padding: theme.spacing(2, 3),
      background: theme.palette.background.default,
    },
    error: {
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      color: theme.palette.error.main,
      background: theme.palette.background.paper,
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(1),
      margin: 0,
    },
    mono: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      wordBreak: 'break-all',
    },
  }),
  { name: 'AwsGlueRunDetails' },
);

/** One fact of the run, four to a row on wide screens. */
function Item(props: { label: string; children: ReactNode }) {
  return (
    <Field label={props.label} xs={6} sm={4} md={3}>
      {props.children}
    </Field>
  );
}

function Mono(props: { children: ReactNode }) {
  const classes = useStyles();
  return (
    <Typography variant="body2" component="span" className={classes.mono}>
      {props.children}
    </Typography>
  );
}

/** The run's arguments, the runs that led to it, and links to its logs and the console. */
function RunContext(props: { run: GlueJobRun }) {
  const { run } = props;
  return (
    <>
      <Grid item xs={12} md={6}>
        <FieldLabel>Arguments</FieldLabel>
        {Object.keys(run.arguments ?? {}).length === 0 ? (
          <Typography variant="body2">No arguments</Typography>
        ) : (
          <ArgumentsTable
            args={run.arguments ?? {}}
            label="Run arguments"
            header
            sorted
          />
        )}
      </Grid>
      <Grid item xs={12} md={6}>
        <FieldLabel>Predecessor runs</FieldLabel>
        {run.predecessorRuns.length === 0 ? (
          <Typography variant="body2">None</Typography>
        ) : (
          <ul>
            {run.predecessorRuns.map(p => (
              <li key={`${p.jobName}:${p.runId}`}>
                <Typography variant="body2">
                  {p.jobName} <Mono>{p.runId}</Mono>
                </Typography>
              </li>
            ))}
          </ul>
        )}
        <FieldLabel>Links</FieldLabel>
        <Box display="flex" flexDirection="column">
          <Link to={run.links.console}>Run in the AWS Glue console</Link>
          {run.links.logs.map(log => (
            <Link key={log.url} to={log.url}>
              CloudWatch logs: {log.title}
            </Link>
          ))}
        </Box>
      </Grid>
    </>
  );
}

/**
 * Everything about one run: the full error, timings and cost, the redacted
 * arguments, the runs that led to it, and links to its logs and the console.
 */
export function RunDetails(props: RunDetailsProps) {
  const { run } = props;
  const classes = useStyles();
  return (
    <Box className={classes.root} data-testid={`run-details-${run.id}`}>
      <Grid container spacing={2}>
        {run.errorMessage && (
          <Grid item xs={12}>
            <FieldLabel>Error</FieldLabel>
            <pre className={classes.error}>{run.errorMessage}</pre>
          </Grid>
        )}
        <Item label="Run ID">
          <Mono>{run.id}</Mono>
        </Item>
        <Item label="Job">{run.jobName}</Item>
        <Item label="Attempt">{run.attempt}</Item>
        <Item label="Trigger">{run.triggerName ?? 'Manual / API'}</Item>
        <Item label="Started">{formatDateTime(run.startedOn)}</Item>
        <Item label="Completed">{formatDateTime(run.completedOn)}</Item>
        <Item label="Duration">{formatDuration(run.durationSeconds)}</Item>
        <Item label="Execution time">
          {formatDuration(run.executionTimeSeconds)}
        </Item>
        <Item label="DPU-hours">{formatDpuHours(run.dpuHours)}</Item>
        <Item label="Estimated cost">
          {formatCost(run.estimatedCost, run.currency)}
        </Item>
        <Item label="Workers">{formatWorkers(run)}</Item>
        <Item label="Glue version">
          {`${run.glueVersion ?? '—'}${
            run.executionClass ? ` (${run.executionClass})` : ''
          }`}
        </Item>
        {run.timeoutMinutes !== undefined && (
          <Item label="Timeout">{formatDuration(run.timeoutMinutes * 60)}</Item>
        )}
        {run.previousRunId && (
          <Item label="Retry of">
            <Mono>{run.previousRunId}</Mono>
          </Item>
        )}
        <RunContext run={run} />
        <FailedRunSection run={run} context={props.context} />
      </Grid>
    </Box>
  );
}
