import { useState } from 'react';
import { Grid } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { ChainDirection, useGlueChain } from '../../hooks';
import { ChainGraph, ChainLegend } from '../ChainGraph';
import { GlueEntityGate } from '../GlueEntityGate';
import { ChainAlerts } from './ChainAlerts';
import { ChainControls } from './ChainControls';
import { LoadedChain } from './LoadedChain';

export type { ChainDirection } from '../../hooks';

/**
 * Props of {@link EntityAwsGlueChainContent}.
 *
 * @public
 */
export interface EntityAwsGlueChainContentProps {
  /** Hops from the entity, from 1 to the backend's `awsGlue.chain.maxDepth` (6 unless configured); 3 by default. */
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

function ChainView(props: {
  entity: Entity;
  initialDepth: number;
  initialDirection: ChainDirection;
  initialShowDatasets: boolean;
  height: number;
  pollIntervalMs: number;
}) {
  const [direction, setDirection] = useState(props.initialDirection);
  const [showDatasets, setShowDatasets] = useState(props.initialShowDatasets);
  const [collapseTriggers, setCollapseTriggers] = useState(false);
  const { chain, depth, setDepth, depthChoices } = useGlueChain(props.entity, {
    direction,
    initialDepth: props.initialDepth,
    pollIntervalMs: props.pollIntervalMs,
  });

  return (
    <InfoCard title="Glue chain">
      <ChainControls
        direction={direction}
        onDirection={setDirection}
        depth={depth}
        depthChoices={depthChoices}
        onDepth={setDepth}
        showDatasets={showDatasets}
        onShowDatasets={setShowDatasets}
        collapseTriggers={collapseTriggers}
        onCollapseTriggers={setCollapseTriggers}
      />
      <LoadedChain
        chain={chain}
        emptyDescription="No trigger starts it, nothing watches it, and no dataset links it to another job."
      >
        {value => (
          <>
            <ChainAlerts chain={value} />
            {value.truncated && (
              <Alert severity="info" style={{ marginBottom: 8 }}>
                The chain goes on beyond what is shown; increase the depth to
                see more.
              </Alert>
            )}
            <ChainGraph
              chain={value}
              showDatasets={showDatasets}
              collapseTriggers={collapseTriggers}
              height={props.height}
            />
            <ChainLegend />
          </>
        )}
      </LoadedChain>
    </InfoCard>
  );
}

/** The chain tab: the entity's upstream and downstream with live states. */
export function GlueChainContent(props: EntityAwsGlueChainContentProps) {
  return (
    <GlueEntityGate requires="chain">
      {entity => (
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
      )}
    </GlueEntityGate>
  );
}
