import { Box, Grid, Typography } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, InfoCardVariants } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  describePredicate,
  getGlueResourceKind,
  GLUE_ANNOTATIONS,
  readGlueTriggerPredicate,
  unescapeMarkdown,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  readList,
  readTriggerActions,
  readTriggerPredicate,
} from '../../lib/annotations';
import { describeSchedule, formatDuration } from '../../lib/format';
import {
  ArgumentsTable,
  CardField,
  ConsoleLink,
  GlueNameLink,
  TriggerState,
  useCardStyles,
  useRelatedGlueEntities,
} from '../AnnotationCardParts';
import { RunStatus } from '../RunStatus';

/**
 * Props of {@link EntityAwsGlueTriggerCard}.
 *
 * @public
 */
export interface EntityAwsGlueTriggerCardProps {
  /** `AWS Glue trigger` by default. */
  title?: string;
  variant?: InfoCardVariants;
}

const TYPE_LABELS: Record<string, string> = {
  SCHEDULED: 'Scheduled',
  CONDITIONAL: 'Conditional',
  ON_DEMAND: 'On demand',
  EVENT: 'EventBridge event',
};

/**
 * A trigger Resource, from its annotations only: what makes it fire (the
 * predicate in words, each condition linked to its job), its schedule,
 * type and state, and what it starts with which (redacted) arguments.
 */
export function GlueTriggerCard(props: EntityAwsGlueTriggerCardProps) {
  const { entity } = useEntity();
  const classes = useCardStyles();
  const related = useRelatedGlueEntities(entity);
  if (getGlueResourceKind(entity) !== 'trigger') {
    return (
      <MissingAnnotationEmptyState
        annotation={[
          GLUE_ANNOTATIONS.resourceKind,
          GLUE_ANNOTATIONS.triggerType,
        ]}
      />
    );
  }
  const annotations = entity.metadata.annotations ?? {};
  const type = annotations[GLUE_ANNOTATIONS.triggerType];
  const schedule = annotations[GLUE_ANNOTATIONS.triggerSchedule];
  const scheduleWords = describeSchedule(schedule);
  const predicate = readTriggerPredicate(entity);
  const predicateWords = describePredicate(
    readGlueTriggerPredicate(entity).value,
  );
  const actions = readTriggerActions(entity);
  const missing = readList(entity, GLUE_ANNOTATIONS.missingReferences);
  const workflows = readList(entity, GLUE_ANNOTATIONS.workflows);

  return (
    <InfoCard
      title={props.title ?? 'AWS Glue trigger'}
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
        <CardField label="Type" sm={4}>
          {type ? TYPE_LABELS[type] ?? type : '—'}
        </CardField>
        <CardField label="State" sm={4}>
          <TriggerState state={annotations[GLUE_ANNOTATIONS.triggerState]} />
        </CardField>
        <CardField label="Schedule" sm={4}>
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
            '—'
          )}
        </CardField>
        {(type === 'CONDITIONAL' || predicate) && (
          <CardField label="Conditions" sm={12}>
            {predicate?.error !== undefined && (
              <Alert severity="warning">
                {`The predicate annotation is ${predicate.error}`}
              </Alert>
            )}
            {predicate?.value && predicate.value.conditions.length > 0 && (
              <>
                <Typography variant="body2">
                  {predicate.value.conditions.length === 1
                    ? 'Fires when:'
                    : `Fires when ${
                        predicate.value.logical === 'ANY'
                          ? 'ANY (at least one)'
                          : 'ALL (AND)'
                      } of these hold:`}
                </Typography>
                <ul className={classes.list} aria-label="Conditions">
                  {predicate.value.conditions.map((condition, i) => (
                    <li key={`${condition.kind}:${condition.name}:${i}`}>
                      <Box
                        display="flex"
                        alignItems="center"
                        flexWrap="wrap"
                        style={{ gap: 6 }}
                      >
                        <Typography variant="body2" component="span">
                          {condition.kind === 'crawler' ? 'Crawler' : 'Job'}
                        </Typography>
                        <GlueNameLink
                          kind={condition.kind}
                          name={condition.name}
                          related={related.value}
                        />
                        <Typography variant="body2" component="span">
                          {condition.operator === 'EQUALS'
                            ? 'is'
                            : condition.operator}
                        </Typography>
                        <RunStatus state={condition.state} />
                      </Box>
                    </li>
                  ))}
                </ul>
                {predicateWords && (
                  <Typography variant="caption" color="textSecondary">
                    {`In words: ${predicateWords}`}
                  </Typography>
                )}
              </>
            )}
            {predicate?.value?.conditions.length === 0 && (
              <Typography variant="body2">No conditions</Typography>
            )}
            {!predicate && <Typography variant="body2">—</Typography>}
          </CardField>
        )}
        <CardField label="Starts" sm={12}>
          {actions?.error !== undefined && (
            <Alert severity="warning">
              {`The actions annotation is ${actions.error}`}
            </Alert>
          )}
          {actions?.value && actions.value.length > 0 ? (
            <ul className={classes.list} aria-label="Actions">
              {actions.value.map((action, i) => (
                <li key={`${action.kind}:${action.name}:${i}`}>
                  <Typography variant="body2" component="span">
                    {action.kind === 'crawler' ? 'Crawler ' : 'Job '}
                  </Typography>
                  <GlueNameLink
                    kind={action.kind}
                    name={action.name}
                    related={related.value}
                  />
                  {action.timeout !== undefined && (
                    <Typography variant="body2" component="span">
                      {` (timeout ${formatDuration(action.timeout * 60)})`}
                    </Typography>
                  )}
                  <ArgumentsTable args={action.arguments} />
                </li>
              ))}
            </ul>
          ) : (
            !actions?.error && <Typography variant="body2">Nothing</Typography>
          )}
        </CardField>
        {missing.length > 0 && (
          <Grid item xs={12}>
            <Alert severity="warning">
              {`Refers to ${missing.join(
                ', ',
              )}, which the catalog does not have (missing in Glue or filtered out).`}
            </Alert>
          </Grid>
        )}
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
