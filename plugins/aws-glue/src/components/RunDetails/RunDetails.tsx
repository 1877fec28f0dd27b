import { ReactNode } from 'react';
import {
  Box,
  Grid,
  Table as MuiTable,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { GlueJobRun } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  formatCost,
  formatDateTime,
  formatDpuHours,
  formatDuration,
  formatWorkers,
} from '../../lib/format';

/** What the entity provider and backend put in place of a secret. */
const REDACTED = '<redacted>';

/** Props of {@link RunDetails}. */
export interface RunDetailsProps {
  run: GlueJobRun;
}

const useStyles = makeStyles(
  theme => ({
    root: {
      padding: theme.spacing(2, 3),
      background: theme.palette.background.default,
    },
    label: {
      color: theme.palette.text.secondary,
      fontSize: '0.7rem',
      textTransform: 'uppercase',
      fontWeight: theme.typography.fontWeightBold as number,
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
    redacted: {
      fontStyle: 'italic',
      color: theme.palette.text.secondary,
    },
  }),
  { name: 'AwsGlueRunDetails' },
);

function Item(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Grid item xs={6} sm={4} md={3}>
      <Typography className={classes.label}>{props.label}</Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

/**
 * Everything about one run: the full error, timings and cost, the redacted
 * arguments, the runs that led to it, and links to its logs and the console.
 */
export function RunDetails(props: RunDetailsProps) {
  const { run } = props;
  const classes = useStyles();
  const args = Object.entries(run.arguments ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <Box className={classes.root} data-testid={`run-details-${run.id}`}>
      <Grid container spacing={2}>
        {run.errorMessage && (
          <Grid item xs={12}>
            <Typography className={classes.label}>Error</Typography>
            <pre className={classes.error}>{run.errorMessage}</pre>
          </Grid>
        )}
        <Item label="Run ID">
          <span className={classes.mono}>{run.id}</span>
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
            <span className={classes.mono}>{run.previousRunId}</span>
          </Item>
        )}
        <Grid item xs={12} md={6}>
          <Typography className={classes.label}>Arguments</Typography>
          {args.length === 0 ? (
            <Typography variant="body2">No arguments</Typography>
          ) : (
            <MuiTable size="small" aria-label="Run arguments">
              <TableHead>
                <TableRow>
                  <TableCell>Key</TableCell>
                  <TableCell>Value</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {args.map(([key, value]) => (
                  <TableRow key={key}>
                    <TableCell className={classes.mono}>{key}</TableCell>
                    <TableCell
                      className={
                        value === REDACTED ? classes.redacted : classes.mono
                      }
                    >
                      {value === REDACTED ? 'redacted' : value}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </MuiTable>
          )}
        </Grid>
        <Grid item xs={12} md={6}>
          <Typography className={classes.label}>Predecessor runs</Typography>
          {run.predecessorRuns.length === 0 ? (
            <Typography variant="body2">None</Typography>
          ) : (
            <ul>
              {run.predecessorRuns.map(p => (
                <li key={`${p.jobName}:${p.runId}`}>
                  <Typography variant="body2">
                    {p.jobName} <span className={classes.mono}>{p.runId}</span>
                  </Typography>
                </li>
              ))}
            </ul>
          )}
          <Typography className={classes.label}>Links</Typography>
          <Box display="flex" flexDirection="column">
            <Link to={run.links.console}>Run in the AWS Glue console</Link>
            {run.links.logs.map(log => (
              <Link key={log.url} to={log.url}>
                CloudWatch logs: {log.title}
              </Link>
            ))}
          </Box>
        </Grid>
      </Grid>
    </Box>
  );
}
