import {
  EmptyState,
  InfoCard,
  InfoCardVariants,
} from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isAwsGlueTeamAvailable } from '../../conditions';
import { useEntityCompoundRef, useTeamSummary } from '../../hooks';
import { describeFreshness } from '../../lib/format';
import { AsyncView } from '../AsyncView';
import { TeamSummary } from './TeamSummary';

/**
 * Props of {@link EntityAwsGlueTeamCard}.
 *
 * @public
 */
export interface EntityAwsGlueTeamCardProps {
  /** Card title; `AWS Glue jobs` by default. */
  title?: string;
  /** `gridItem` to fill the height of a grid cell. */
  variant?: InfoCardVariants;
}

/** Props of {@link TeamSummaryCard}. */
export interface TeamSummaryCardProps extends EntityAwsGlueTeamCardProps {
  /** A Group or User. */
  entityRef: CompoundEntityRef;
}

/** The team summary of any Group or User in a card: progress, error, none owned, or the summary. */
export function TeamSummaryCard(props: TeamSummaryCardProps) {
  const summary = useTeamSummary(props.entityRef);
  return (
    <InfoCard
      title={props.title ?? 'AWS Glue jobs'}
      subheader={
        summary.value ? describeFreshness(summary.value.freshness) : undefined
      }
      variant={props.variant}
    >
      <AsyncView
        state={summary}
        isEmpty={value => value.jobCount === 0}
        emptyTitle="No Glue jobs owned"
        emptyDescription="The catalog has no AWS Glue job that this team or user owns."
      >
        {value => <TeamSummary summary={value} />}
      </AsyncView>
    </InfoCard>
  );
}

/** The team card of the current Group or User entity. */
export function GlueTeamCard(props: EntityAwsGlueTeamCardProps) {
  const { entity } = useEntity();
  const entityRef = useEntityCompoundRef(entity);
  if (!isAwsGlueTeamAvailable(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a team"
        description="The AWS Glue team card is for Group and User entities (wrap it in EntitySwitch.Case if={isAwsGlueTeamAvailable})."
      />
    );
  }
  return <TeamSummaryCard {...props} entityRef={entityRef} />;
}
