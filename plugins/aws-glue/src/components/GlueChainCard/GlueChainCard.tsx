import { InfoCard } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { ChainDirection, useGlueChain } from '../../hooks';
import { ChainGraph } from '../ChainGraph';
import { ChainAlerts, LoadedChain } from '../GlueChainContent';
import { GlueEntityGate } from '../GlueEntityGate';

/**
 * Props of {@link EntityAwsGlueChainCard}.
 *
 * @public
 */
export interface EntityAwsGlueChainCardProps {
  /** `Glue chain` by default. */
  title?: string;
  /** Hops from the entity (at most the backend's `awsGlue.chain.maxDepth`); 2 by default. */
  depth?: number;
  /** `both` by default. */
  direction?: 'up' | 'down' | 'both';
  /** Height of the graph in px; 300 by default. */
  height?: number;
  /** `vertical` (upstream on top; the default, for half-width columns) or `horizontal` (upstream left, for full-width rows). */
  layout?: 'horizontal' | 'vertical';
}

function ChainCardBody(props: {
  entity: Entity;
  depth: number;
  direction: ChainDirection;
  height: number;
  layout?: 'horizontal' | 'vertical';
}) {
  const { chain } = useGlueChain(props.entity, {
    direction: props.direction,
    initialDepth: props.depth,
  });
  return (
    <LoadedChain
      chain={chain}
      emptyDescription="No trigger, job or dataset connects this entity to another."
    >
      {value => (
        <>
          <ChainAlerts chain={value} showImpact={false} />
          <ChainGraph
            chain={value}
            showDatasets={false}
            height={props.height}
            zoom="enable-on-click"
            layout={props.layout}
          />
        </>
      )}
    </LoadedChain>
  );
}

/** A compact chain graph for the overview tab. */
export function GlueChainCard(props: EntityAwsGlueChainCardProps) {
  return (
    <GlueEntityGate requires="chain">
      {entity => (
        <InfoCard title={props.title ?? 'Glue chain'}>
          <ChainCardBody
            entity={entity}
            depth={props.depth ?? 2}
            direction={props.direction ?? 'both'}
            height={props.height ?? 300}
            layout={props.layout ?? 'vertical'}
          />
        </InfoCard>
      )}
    </GlueEntityGate>
  );
}
