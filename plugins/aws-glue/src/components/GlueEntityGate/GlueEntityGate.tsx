import { ReactNode } from 'react';
import { Entity } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AWS_ARN,
  ANNOTATION_AWS_GLUE_JOB_ARN,
  GLUE_ANNOTATIONS,
  GlueJob,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  isAwsGlueChainAvailable,
  isAwsGlueCrawlerAvailable,
  isAwsGlueExecutionsAvailable,
  isAwsGlueJobAvailable,
  isAwsGlueTriggerAvailable,
  isAwsGlueWorkflowAvailable,
} from '../../conditions';
import { useGlueJobs } from '../../hooks';
import { AsyncView } from '../AsyncView';

/** What a view needs the entity to be. */
export type GlueEntityRequirement =
  | 'job'
  | 'chain'
  | 'workflow'
  | 'trigger'
  | 'crawler'
  | 'executions';

/** Each requirement: the check, and the annotations to ask for when it fails. */
const REQUIREMENTS: Record<
  GlueEntityRequirement,
  { applies: (entity: Entity) => boolean; annotation: string | string[] }
> = {
  job: {
    applies: isAwsGlueJobAvailable,
    annotation: ANNOTATION_AWS_GLUE_JOB_ARN,
  },
  chain: {
    applies: isAwsGlueChainAvailable,
    annotation: [ANNOTATION_AWS_GLUE_JOB_ARN, GLUE_ANNOTATIONS.resourceKind],
  },
  workflow: {
    applies: isAwsGlueWorkflowAvailable,
    annotation: [ANNOTATION_AWS_ARN, GLUE_ANNOTATIONS.resourceKind],
  },
  trigger: {
    applies: isAwsGlueTriggerAvailable,
    annotation: [GLUE_ANNOTATIONS.resourceKind, GLUE_ANNOTATIONS.triggerType],
  },
  executions: {
    applies: isAwsGlueExecutionsAvailable,
    annotation: [
      ANNOTATION_AWS_GLUE_JOB_ARN,
      ANNOTATION_AWS_ARN,
      GLUE_ANNOTATIONS.resourceKind,
    ],
  },
  crawler: {
    applies: isAwsGlueCrawlerAvailable,
    annotation: [
      GLUE_ANNOTATIONS.resourceKind,
      GLUE_ANNOTATIONS.crawlerDatabase,
    ],
  },
};

/** Props of {@link GlueEntityGate}. */
export interface GlueEntityGateProps {
  requires: GlueEntityRequirement;
  /** The view, for an entity that meets the requirement. */
  children: (entity: Entity) => ReactNode;
}

/**
 * Renders the view for the current entity when it is what the view needs
 * (has Glue jobs, is a workflow, trigger, ...), and the missing-annotation
 * panel otherwise, so that nothing is fetched for other entities.
 */
export function GlueEntityGate(props: GlueEntityGateProps) {
  const { entity } = useEntity();
  const requirement = REQUIREMENTS[props.requires];
  if (!requirement.applies(entity)) {
    return <MissingAnnotationEmptyState annotation={requirement.annotation} />;
  }
  return <>{props.children(entity)}</>;
}

/** Props of {@link GlueJobsGate}. */
export interface GlueJobsGateProps {
  entity: Entity;
  /** Loads the jobs again when a run of one of them changes state (signals). */
  live?: boolean;
  /** The view of the entity's jobs, at least one. */
  children: (jobs: GlueJob[]) => ReactNode;
}

/** Loads the entity's Glue jobs: progress, the error, or none found until there are some. */
export function GlueJobsGate(props: GlueJobsGateProps) {
  const jobs = useGlueJobs(props.entity, { live: props.live });
  return (
    <AsyncView
      state={jobs}
      isEmpty={value => value.jobs.length === 0}
      emptyTitle="No Glue jobs found"
      emptyDescription="None of the job ARNs on this entity exists in AWS Glue, or the backend cannot read them."
    >
      {value => props.children(value.jobs)}
    </AsyncView>
  );
}
