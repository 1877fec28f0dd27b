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
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { isAwsGlueChainAvailable } from '../../conditions';
import { awsGlueApiRef } from '../../api';
import { useEntityCompoundRef, useRefreshableAsync } from '../../hooks';
import { ChainGraph } from '../ChainGraph';
import { ChainAlerts } from '../GlueChainContent';
import { GlueErrorPanel } from '../GlueErrorPanel';

/**
 * Props of {@link EntityAwsGlueChainCard}.
 *
 * @public
 */
export interface EntityAwsGlueChainCardProps {
  /** `Glue chain` by default. */
  title?: string;
  /** Hops from the entity; 2 by default. */
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
  direction: 'up' | 'down' | 'both';
  height: number;
  layout?: 'horizontal' | 'vertical';
}) {
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(props.entity);
  const { depth, direction } = props;
  const chain = useRefreshableAsync(
    () => api.getChain(entityRef, { direction, depth }),
    [api, entityRef, direction, depth],
  );
  if (chain.loading && !chain.value) {
    return <Progress />;
  }
  if (chain.error && !chain.value) {
    return <GlueErrorPanel error={chain.error} onRetry={chain.refresh} />;
  }
  if (!chain.value || chain.value.nodes.length <= 1) {
    return (
      <EmptyState
        missing="data"
        title="Nothing upstream or downstream"
        description="No trigger, job or dataset connects this entity to another."
      />
    );
  }
  return (
    <>
      <ChainAlerts chain={chain.value} showImpact={false} />
      <ChainGraph
        chain={chain.value}
        showDatasets={false}
        height={props.height}
        zoom="enable-on-click"
        layout={props.layout}
      />
    </>
  );
}

/** A compact chain graph for the overview tab. */
export function GlueChainCard(props: EntityAwsGlueChainCardProps) {
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
    <InfoCard title={props.title ?? 'Glue chain'}>
      <ChainCardBody
        entity={entity}
        depth={props.depth ?? 2}
        direction={props.direction ?? 'both'}
        height={props.height ?? 300}
        layout={props.layout ?? 'vertical'}
      />
    </InfoCard>
  );
}
