import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { InfoCardVariants } from '@backstage/core-components';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GLUE_ANNOTATIONS } from '@aws-glue-backstage/plugin-aws-glue-common';
import { useRelatedGlueEntities } from '../../hooks';
import { readLineage, readTriggerActions } from '../../lib/annotations';
import { plainDescription } from '../../lib/format';
import { GlueResourceCard, ScheduleValue } from '../AnnotationCardParts';
import { Field } from '../Field';
import { GlueEntityGate } from '../GlueEntityGate';

/**
 * Props of {@link EntityAwsGlueCrawlerCard}.
 *
 * @public
 */
export interface EntityAwsGlueCrawlerCardProps {
  /** `AWS Glue crawler` by default. */
  title?: string;
  variant?: InfoCardVariants;
}

/** The locations the crawler crawls and writes, linked to their entities. */
function CrawlerTargets(props: { entity: Entity }) {
  const lineage = readLineage(props.entity);
  const targets = lineage?.value ?? [];
  return (
    <>
      {lineage?.error !== undefined && (
        <Alert severity="warning">
          {`The lineage annotation is ${lineage.error}`}
        </Alert>
      )}
      {targets.length > 0 ? (
        <List dense disablePadding aria-label="Targets">
          {targets.map(target => (
            <ListItem
              key={`${target.direction}:${target.location}`}
              disableGutters
            >
              <ListItemText
                primary={
                  target.entityRef ? (
                    <EntityRefLink entityRef={target.entityRef}>
                      {target.location}
                    </EntityRefLink>
                  ) : (
                    target.location
                  )
                }
                secondary={`${
                  target.direction === 'input' ? 'crawls' : 'writes'
                } (${target.source})`}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        !lineage?.error && (
          <Typography variant="body2">No targets recorded</Typography>
        )
      )}
    </>
  );
}

/** The related triggers that start the crawler. */
function CrawlerStartedBy(props: { entity: Entity }) {
  const related = useRelatedGlueEntities(props.entity);
  const glueName = props.entity.metadata.annotations?.[GLUE_ANNOTATIONS.name];
  const triggers = (related.value?.triggers ?? []).filter(trigger =>
    readTriggerActions(trigger)?.value?.some(
      action => action.kind === 'crawler' && action.name === glueName,
    ),
  );
  if (triggers.length === 0) {
    return (
      <Typography variant="body2">
        {related.loading ? 'Loading…' : 'Its schedule or on demand'}
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {triggers.map(trigger => (
        <ListItem key={stringifyEntityRef(trigger)} disableGutters>
          <ListItemText
            primary={
              <EntityRefLink entityRef={trigger}>
                {trigger.metadata.title ?? trigger.metadata.name}
              </EntityRefLink>
            }
            secondary={plainDescription(trigger.metadata.description)}
          />
        </ListItem>
      ))}
    </List>
  );
}

/**
 * A crawler Resource, from its annotations only: the Data Catalog database
 * it writes, its schedule, the targets it crawls and what starts it.
 */
export function GlueCrawlerCard(props: EntityAwsGlueCrawlerCardProps) {
  return (
    <GlueEntityGate requires="crawler">
      {entity => {
        const annotations = entity.metadata.annotations ?? {};
        return (
          <GlueResourceCard
            entity={entity}
            title={props.title ?? 'AWS Glue crawler'}
            variant={props.variant}
          >
            <Field label="Database">
              {annotations[GLUE_ANNOTATIONS.crawlerDatabase] ?? '—'}
            </Field>
            <Field label="Schedule">
              <ScheduleValue
                schedule={annotations[GLUE_ANNOTATIONS.crawlerSchedule]}
                none="No schedule (started on demand or by a trigger)"
              />
            </Field>
            <Field label="Targets" sm={12}>
              <CrawlerTargets entity={entity} />
            </Field>
            <Field label="Started by" sm={12}>
              <CrawlerStartedBy entity={entity} />
            </Field>
          </GlueResourceCard>
        );
      }}
    </GlueEntityGate>
  );
}
