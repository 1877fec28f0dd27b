import {
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, InfoCardVariants } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLink,
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  getGlueResourceKind,
  GLUE_ANNOTATIONS,
  unescapeMarkdown,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  readLineage,
  readList,
  readTriggerActions,
} from '../../lib/annotations';
import { describeSchedule } from '../../lib/format';
import {
  CardField,
  ConsoleLink,
  useCardStyles,
  useRelatedGlueEntities,
} from '../AnnotationCardParts';

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

/**
 * A crawler Resource, from its annotations only: the Data Catalog database
 * it writes, its schedule, the targets it crawls and what starts it.
 */
export function GlueCrawlerCard(props: EntityAwsGlueCrawlerCardProps) {
  const { entity } = useEntity();
  const classes = useCardStyles();
  const related = useRelatedGlueEntities(entity);
  if (getGlueResourceKind(entity) !== 'crawler') {
    return (
      <MissingAnnotationEmptyState
        annotation={[
          GLUE_ANNOTATIONS.resourceKind,
          GLUE_ANNOTATIONS.crawlerDatabase,
        ]}
      />
    );
  }
  const annotations = entity.metadata.annotations ?? {};
  const schedule = annotations[GLUE_ANNOTATIONS.crawlerSchedule];
  const scheduleWords = describeSchedule(schedule);
  const lineage = readLineage(entity);
  const targets = lineage?.value ?? [];
  const workflows = readList(entity, GLUE_ANNOTATIONS.workflows);
  const glueName = annotations[GLUE_ANNOTATIONS.name];
  const triggers = (related.value?.triggers ?? []).filter(trigger =>
    readTriggerActions(trigger)?.value?.some(
      action => action.kind === 'crawler' && action.name === glueName,
    ),
  );

  return (
    <InfoCard
      title={props.title ?? 'AWS Glue crawler'}
      subheader={annotations[GLUE_ANNOTATIONS.name]}
      variant={props.variant}
    >
      <Grid container spacing={2}>
        {entity.metadata.description && (
          <Grid item xs={12}>
            <Typography variant="body1">
              {unescapeMarkdown(entity.metadata.description)}
            </Typography>
          </Grid>
        )}
        <CardField label="Database">
          {annotations[GLUE_ANNOTATIONS.crawlerDatabase] ?? '—'}
        </CardField>
        <CardField label="Schedule">
          {schedule ? (
            <>
              <Typography variant="body2" className={classes.mono}>
                {schedule}
              </Typography>
              {scheduleWords && (
                <Typography variant="body2">{scheduleWords}</Typography>
              )}
            </>
          ) : (
            'No schedule (started on demand or by a trigger)'
          )}
        </CardField>
        <CardField label="Targets" sm={12}>
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
        </CardField>
        <CardField label="Started by" sm={12}>
          {triggers.length > 0 ? (
            <List dense disablePadding>
              {triggers.map(trigger => (
                <ListItem key={stringifyEntityRef(trigger)} disableGutters>
                  <ListItemText
                    primary={
                      <EntityRefLink entityRef={trigger}>
                        {trigger.metadata.title ?? trigger.metadata.name}
                      </EntityRefLink>
                    }
                    secondary={
                      trigger.metadata.description &&
                      unescapeMarkdown(trigger.metadata.description)
                    }
                  />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography variant="body2">
              {related.loading ? 'Loading…' : 'Its schedule or on demand'}
            </Typography>
          )}
        </CardField>
        {workflows.length > 0 && (
          <CardField label="Workflow">{workflows.join(', ')}</CardField>
        )}
        <CardField label="Links">
          <ConsoleLink entity={entity} />
        </CardField>
      </Grid>
    </InfoCard>
  );
}
