import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import { Box, Button, Grid, Typography, makeStyles } from '@material-ui/core';
import {
  EmptyState,
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AWS_ARN,
  GLUE_ANNOTATIONS,
  GlueWorkflowRun,
  isAwsGlueWorkflowEntity,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../../api';
import { useEntityCompoundRef, useRefreshableAsync } from '../../hooks';
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  snippet,
} from '../../lib/format';
import {
  describeStatistics,
  isActiveWorkflowStatus,
  workflowRunAsChain,
  workflowRunDuration,
} from '../../lib/workflow';
import { ChainGraph, ChainLegend } from '../ChainGraph';
import { GlueErrorPanel } from '../GlueErrorPanel';
import { RunStatus } from '../RunStatus';

/**
 * Props of {@link EntityAwsGlueWorkflowContent}.
 *
 * @public
 */
export interface EntityAwsGlueWorkflowContentProps {
  /** Workflow runs per page; 20 by default. */
  pageSize?: number;
  /** Refresh interval while a run is active, ms; 10000 by default. */
  pollIntervalMs?: number;
  /** Height of the graph in px; 400 by default. */
  height?: number;
}

const useStyles = makeStyles(
  theme => ({
    pager: {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'flex-end',
      gap: theme.spacing(1),
      marginTop: theme.spacing(1),
    },
    summary: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(3),
      marginBottom: theme.spacing(1),
    },
    error: {
      color: theme.palette.error.main,
    },
  }),
  { name: 'AwsGlueWorkflowContent' },
);

function WorkflowView(props: {
  entity: Entity;
  pageSize: number;
  pollIntervalMs: number;
  height: number;
}) {
  const { entity, pageSize, pollIntervalMs, height } = props;
  const classes = useStyles();
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const nextToken = cursors[cursors.length - 1];
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);

  const runs = useRefreshableAsync(
    () => api.getWorkflowRuns(entityRef, { limit: pageSize, nextToken }),
    [api, entityRef, pageSize, nextToken],
  );
  const list = runs.value?.runs ?? [];
  const active = list.some(r => isActiveWorkflowStatus(r.status));
  useInterval(runs.refresh, active ? pollIntervalMs : null);

  if (runs.loading && !runs.value) {
    return <Progress />;
  }
  if (runs.error && !runs.value) {
    return <GlueErrorPanel error={runs.error} onRetry={runs.refresh} />;
  }
  if (list.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={`Workflow ${runs.value?.workflowName ?? ''} has no runs yet`}
        description="Glue keeps workflow run history for 90 days."
      />
    );
  }
  const selected = list.find(r => r.id === selectedId) ?? list[0];

  const columns: TableColumn<GlueWorkflowRun>[] = [
    {
      title: 'Status',
      field: 'status',
      cellStyle: { whiteSpace: 'nowrap' },
      render: run => <RunStatus state={run.status} />,
    },
    {
      title: 'Started',
      field: 'startedOn',
      render: run => (
        <span title={formatDateTime(run.startedOn)}>
          {formatRelativeTime(run.startedOn)}
        </span>
      ),
    },
    {
      title: 'Duration',
      render: run => formatDuration(workflowRunDuration(run)),
    },
    {
      title: 'Actions',
      cellStyle: { minWidth: 200 },
      render: run => describeStatistics(run.statistics),
    },
    {
      title: 'Error',
      field: 'errorMessage',
      render: run =>
        run.errorMessage ? (
          <span className={classes.error} title={run.errorMessage}>
            {snippet(run.errorMessage, 60)}
          </span>
        ) : (
          ''
        ),
    },
    {
      title: '',
      render: run =>
        run.id === selected.id ? (
          <Typography variant="caption" color="primary">
            shown above
          </Typography>
        ) : (
          ''
        ),
    },
  ];

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={`Workflow ${runs.value?.workflowName ?? ''}: run ${
            selected.id
          }`}
        >
          <Box className={classes.summary}>
            <RunStatus state={selected.status} />
            <Typography variant="body2">
              {`Started ${formatDateTime(
                selected.startedOn,
              )} (${formatRelativeTime(selected.startedOn)}), ${formatDuration(
                workflowRunDuration(selected),
              )}`}
            </Typography>
            <Typography variant="body2">
              {describeStatistics(selected.statistics)}
            </Typography>
          </Box>
          {selected.errorMessage && (
            <Typography variant="body2" className={classes.error} paragraph>
              {selected.errorMessage}
            </Typography>
          )}
          {selected.nodes.length > 0 ? (
            <>
              <ChainGraph
                chain={workflowRunAsChain(selected)}
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
      </Grid>
      <Grid item xs={12}>
        <Table<GlueWorkflowRun>
          title="Workflow runs"
          subtitle="Click a run to show its graph"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={columns}
          data={list}
          onRowClick={(_event, run) => run && setSelectedId(run.id)}
        />
        <Box className={classes.pager}>
          <Typography variant="body2" color="textSecondary">
            Page {cursors.length}
          </Typography>
          <Button
            size="small"
            disabled={cursors.length <= 1}
            onClick={() => setCursors(c => c.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            size="small"
            disabled={!runs.value?.nextToken}
            onClick={() => setCursors(c => [...c, runs.value?.nextToken])}
          >
            Next
          </Button>
        </Box>
      </Grid>
    </Grid>
  );
}

/** The workflow tab of a System that stands for a Glue workflow. */
export function GlueWorkflowContent(props: EntityAwsGlueWorkflowContentProps) {
  const { entity } = useEntity();
  if (!isAwsGlueWorkflowEntity(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={[ANNOTATION_AWS_ARN, GLUE_ANNOTATIONS.resourceKind]}
      />
    );
  }
  return (
    <WorkflowView
      entity={entity}
      pageSize={props.pageSize ?? 20}
      pollIntervalMs={props.pollIntervalMs ?? 10000}
      height={props.height ?? 400}
    />
  );
}
