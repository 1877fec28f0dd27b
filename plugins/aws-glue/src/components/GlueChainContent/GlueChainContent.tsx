import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import {
  Box,
  FormControlLabel,
  Grid,
  MenuItem,
  Switch,
  TextField,
  makeStyles,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AWS_GLUE_JOB_ARN,
  GLUE_ANNOTATIONS,
  isActiveRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { isAwsGlueChainAvailable } from '../../conditions';
import { awsGlueApiRef } from '../../api';
import { useEntityCompoundRef, useRefreshableAsync } from '../../hooks';
import { ChainGraph, ChainLegend } from '../ChainGraph';
import { GlueErrorPanel } from '../GlueErrorPanel';
import { ChainAlerts } from './ChainAlerts';

/** Which way to follow the chain from the entity. */
export type ChainDirection = 'up' | 'down' | 'both';

/**
 * Props of {@link EntityAwsGlueChainContent}.
 *
 * @public
 */
export interface EntityAwsGlueChainContentProps {
  /** Hops from the entity, 1 to 6; 3 by default. */
  initialDepth?: number;
  /** `both` by default. */
  initialDirection?: ChainDirection;
  /** Start with dataset nodes shown; off by default. */
  initialShowDatasets?: boolean;
  /** Height of the graph in px; 500 by default. */
  height?: number;
  /** Refresh interval while a job in the chain runs, ms; 15000 by default. */
  pollIntervalMs?: number;
}

const useStyles = makeStyles(
  theme => ({
    controls: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(2),
      marginBottom: theme.spacing(2),
    },
  }),
  { name: 'AwsGlueChainContent' },
);

const DEPTHS = [1, 2, 3, 4, 5, 6];

function ChainView(props: {
  entity: Entity;
  initialDepth: number;
  initialDirection: ChainDirection;
  initialShowDatasets: boolean;
  height: number;
  pollIntervalMs: number;
}) {
  const classes = useStyles();
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(props.entity);
  const [depth, setDepth] = useState(
    Math.min(6, Math.max(1, props.initialDepth)),
  );
  const [direction, setDirection] = useState<ChainDirection>(
    props.initialDirection,
  );
  const [showDatasets, setShowDatasets] = useState(props.initialShowDatasets);
  const [collapseTriggers, setCollapseTriggers] = useState(false);
  const chain = useRefreshableAsync(
    () => api.getChain(entityRef, { direction, depth }),
    [api, entityRef, direction, depth],
  );
  const active =
    chain.value?.nodes.some(n => isActiveRunState(n.latestRun?.state)) ?? false;
  useInterval(chain.refresh, active ? props.pollIntervalMs : null);

  let body;
  if (chain.loading && !chain.value) {
    body = <Progress />;
  } else if (chain.error && !chain.value) {
    body = <GlueErrorPanel error={chain.error} onRetry={chain.refresh} />;
  } else if (!chain.value || chain.value.nodes.length <= 1) {
    body = (
      <EmptyState
        missing="data"
        title="Nothing upstream or downstream"
        description="No trigger starts it, nothing watches it, and no dataset links it to another job."
      />
    );
  } else {
    body = (
      <>
        <ChainAlerts chain={chain.value} />
        {chain.value.truncated && (
          <Alert severity="info" style={{ marginBottom: 8 }}>
            The chain goes on beyond what is shown; increase the depth to see
            more.
          </Alert>
        )}
        <ChainGraph
          chain={chain.value}
          showDatasets={showDatasets}
          collapseTriggers={collapseTriggers}
          height={props.height}
        />
        <ChainLegend />
      </>
    );
  }

  return (
    <InfoCard title="Glue chain">
      <Box className={classes.controls}>
        <TextField
          select
          label="Direction"
          size="small"
          variant="outlined"
          value={direction}
          onChange={e => setDirection(e.target.value as ChainDirection)}
          SelectProps={{ inputProps: { 'aria-label': 'Direction' } }}
          style={{ minWidth: 180 }}
        >
          <MenuItem value="both">Upstream and downstream</MenuItem>
          <MenuItem value="up">Upstream only</MenuItem>
          <MenuItem value="down">Downstream only</MenuItem>
        </TextField>
        <TextField
          select
          label="Depth"
          size="small"
          variant="outlined"
          value={depth}
          onChange={e => setDepth(Number(e.target.value))}
          SelectProps={{ inputProps: { 'aria-label': 'Depth' } }}
          style={{ minWidth: 100 }}
        >
          {DEPTHS.map(d => (
            <MenuItem key={d} value={d}>
              {d}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Switch
              checked={showDatasets}
              onChange={e => setShowDatasets(e.target.checked)}
              color="primary"
            />
          }
          label="Show datasets"
        />
        <FormControlLabel
          control={
            <Switch
              checked={collapseTriggers}
              onChange={e => setCollapseTriggers(e.target.checked)}
              color="primary"
            />
          }
          label="Triggers as edges"
        />
      </Box>
      {body}
    </InfoCard>
  );
}

/** The chain tab: the entity's upstream and downstream with live states. */
export function GlueChainContent(props: EntityAwsGlueChainContentProps) {
  const { entity } = useEntity();
  if (!isAwsGlueChainAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={[
          ANNOTATION_AWS_GLUE_JOB_ARN,
          GLUE_ANNOTATIONS.resourceKind,
        ]}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ChainView
          entity={entity}
          initialDepth={props.initialDepth ?? 3}
          initialDirection={props.initialDirection ?? 'both'}
          initialShowDatasets={props.initialShowDatasets ?? false}
          height={props.height ?? 500}
          pollIntervalMs={props.pollIntervalMs ?? 15000}
        />
      </Grid>
    </Grid>
  );
}
