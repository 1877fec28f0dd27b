import { ReactNode } from 'react';
import { Grid, Typography, makeStyles } from '@material-ui/core';
import {
  InfoCard,
  InfoCardVariants,
  Link,
  StatusAborted,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GLUE_ANNOTATIONS } from '@aws-glue-backstage/plugin-aws-glue-common';
import type { RelatedGlueEntities } from '../../hooks';
import { readList } from '../../lib/annotations';
import { describeSchedule, plainDescription } from '../../lib/format';
import { Field } from '../Field';

export const useCardStyles = makeStyles(
  theme => ({
    mono: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      wordBreak: 'break-all',
    },
    list: {
      margin: 0,
      paddingLeft: theme.spacing(2.5),
    },
  }),
  { name: 'AwsGlueAnnotationCard' },
);

/** Trigger state: `ACTIVATED` ok, `DEACTIVATED` aborted, others pending. */
export function TriggerState(props: { state?: string }) {
  const { state } = props;
  if (!state) return <Typography variant="body2">—</Typography>;
  if (state === 'ACTIVATED') return <StatusOK>{state}</StatusOK>;
  if (state === 'DEACTIVATED' || state === 'DELETING') {
    return <StatusAborted>{state}</StatusAborted>;
  }
  return <StatusPending>{state}</StatusPending>;
}

/** A Glue schedule as written and in words; `none` without one. */
export function ScheduleValue(props: { schedule?: string; none: string }) {
  const classes = useCardStyles();
  const { schedule, none } = props;
  if (!schedule) return <Typography variant="body2">{none}</Typography>;
  const words = describeSchedule(schedule);
  return (
    <>
      <Typography variant="body2" className={classes.mono}>
        {schedule}
      </Typography>
      {words && <Typography variant="body2">{words}</Typography>}
    </>
  );
}

/** The console link of a synced entity (the provider adds it to `metadata.links`). */
export function ConsoleLink(props: { entity: Entity }) {
  const link =
    props.entity.metadata.links?.find(l => /console/i.test(l.title ?? '')) ??
    props.entity.metadata.links?.[0];
  if (!link) return <></>;
  return (
    <Link to={link.url}>{`Open in the ${link.title ?? 'AWS console'}`}</Link>
  );
}

/** A Glue job or crawler name, linked to its entity when known. */
export function GlueNameLink(props: {
  kind: 'job' | 'crawler';
  name: string;
  related?: RelatedGlueEntities;
}) {
  const ref = props.related?.byGlueName.get(`${props.kind}:${props.name}`);
  return ref ? (
    <EntityRefLink entityRef={ref}>{props.name}</EntityRefLink>
  ) : (
    <strong>{props.name}</strong>
  );
}

/** `Job <name>` or `Crawler <name>`, the name linked to its entity when known. */
export function GlueTargetName(props: {
  kind: 'job' | 'crawler';
  name: string;
  related?: RelatedGlueEntities;
}) {
  return (
    <>
      <Typography variant="body2" component="span">
        {props.kind === 'crawler' ? 'Crawler' : 'Job'}
      </Typography>{' '}
      <GlueNameLink {...props} />
    </>
  );
}

/**
 * The card of a synced Glue resource, from its annotations: its Glue name
 * under the title, its description, `children` (its own fields), then its
 * workflow and console link.
 */
export function GlueResourceCard(props: {
  entity: Entity;
  title: string;
  variant?: InfoCardVariants;
  children: ReactNode;
}) {
  const { entity } = props;
  const description = plainDescription(entity.metadata.description);
  const workflows = readList(entity, GLUE_ANNOTATIONS.workflows);
  return (
    <InfoCard
      title={props.title}
      subheader={entity.metadata.annotations?.[GLUE_ANNOTATIONS.name]}
      variant={props.variant}
    >
      <Grid container spacing={2}>
        {description && (
          <Grid item xs={12}>
            <Typography variant="body1">{description}</Typography>
          </Grid>
        )}
        {props.children}
        {workflows.length > 0 && (
          <Field label="Workflow">{workflows.join(', ')}</Field>
        )}
        <Field label="Links">
          <ConsoleLink entity={entity} />
        </Field>
      </Grid>
    </InfoCard>
  );
}
