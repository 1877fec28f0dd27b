import { ReactNode } from 'react';
import { Box, Typography, makeStyles } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { GlueWorkflowRun } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  shortRunId,
} from '../../lib/format';
import {
  describeStatistics,
  workflowRunAsChain,
  workflowRunDuration,
} from '../../lib/workflow';
import { ChainGraph, ChainLegend } from '../ChainGraph';
import { RunStatus } from '../RunStatus';

const useStyles = makeStyles(
  theme => ({
    summary: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(3),
      marginBottom: theme.spacing(1),
    },
    mono: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      wordBreak: 'break-all',
    },
    error: {
      color: theme.palette.error.main,
    },
  }),
  { name: 'AwsGlueWorkflowRunCard' },
);

/** Props of {@link WorkflowRunCard}. */
export interface WorkflowRunCardProps {
  workflowName?: string;
  run: GlueWorkflowRun;
  /** Height of the graph in px. */
  height: number;
  /** Buttons for the run (Resume), in its summary. */
  actions?: ReactNode;
}

/**
 * One workflow run: its short id in the title (the full one on hover and
 * in the summary), state, timing, statistics, error and graph.
 */
export function WorkflowRunCard(props: WorkflowRunCardProps) {
  const { run, height } = props;
  const classes = useStyles();
  return (
    <InfoCard
      title={
        <span title={run.id}>
          {`Workflow ${props.workflowName ?? ''}: run ${shortRunId(run.id)}`}
        </span>
      }
    >
      <Box className={classes.summary}>
        <RunStatus state={run.status} />
        <Typography variant="body2">
          {`Started ${formatDateTime(run.startedOn)} (${formatRelativeTime(
            run.startedOn,
          )}), ${formatDuration(workflowRunDuration(run))}`}
        </Typography>
        <Typography variant="body2">
          {describeStatistics(run.statistics)}
        </Typography>
        <Typography variant="body2" component="span">
          Run ID{' '}
          <span className={classes.mono} data-testid="workflow-run-id">
            {run.id}
          </span>
        </Typography>
        {props.actions}
      </Box>
      {run.errorMessage && (
        <Typography variant="body2" className={classes.error} paragraph>
          {run.errorMessage}
        </Typography>
      )}
      {run.nodes.length > 0 ? (
        <>
          <ChainGraph
            chain={workflowRunAsChain(run)}
            showDatasets
            height={height}
          />
          <ChainLegend />
        </>
      ) : (
        <Typography variant="body2">
          Glue did not return the graph of this run.
        </Typography>
      )}
    </InfoCard>
  );
}
