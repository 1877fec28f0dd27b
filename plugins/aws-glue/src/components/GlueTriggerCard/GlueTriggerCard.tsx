import { Box, Grid, Typography } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { InfoCardVariants } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import {
  describePredicate,
  GLUE_ANNOTATIONS,
  readGlueTriggerPredicate,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { RelatedGlueEntities, useRelatedGlueEntities } from '../../hooks';
import {
  readList,
  readTriggerActions,
  readTriggerPredicate,
  TriggerCondition,
} from '../../lib/annotations';
import { formatDuration } from '../../lib/format';
import {
  GlueResourceCard,
  GlueTargetName,
  ScheduleValue,
  TriggerState,
  useCardStyles,
} from '../AnnotationCardParts';
import { ArgumentsTable } from '../ArgumentsTable';
import { Field } from '../Field';
import { GlueEntityGate } from '../GlueEntityGate';
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

function ConditionLine(props: {
  condition: TriggerCondition;
  related?: RelatedGlueEntities;
}) {
  const { condition } = props;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 6 }}>
      <GlueTargetName
        kind={condition.kind}
        name={condition.name}
        related={props.related}
      />
      <Typography variant="body2" component="span">
        {condition.operator === 'EQUALS' ? 'is' : condition.operator}
      </Typography>
      <RunStatus state={condition.state} />
    </Box>
  );
}

/** What makes the trigger fire: each condition linked to its job, and the predicate in words. */
function TriggerConditions(props: {
  entity: Entity;
  related?: RelatedGlueEntities;
}) {
  const classes = useCardStyles();
  const predicate = readTriggerPredicate(props.entity);
  const words = describePredicate(readGlueTriggerPredicate(props.entity).value);
  const conditions = predicate?.value?.conditions;
  return (
    <>
      {predicate?.error !== undefined && (
        <Alert severity="warning">
          {`The predicate annotation is ${predicate.error}`}
        </Alert>
      )}
      {conditions && conditions.length > 0 && (
        <>
          <Typography variant="body2">
            {conditions.length === 1
              ? 'Fires when:'
              : `Fires when ${
                  predicate?.value?.logical === 'ANY'
                    ? 'ANY (at least one)'
                    : 'ALL (AND)'
                } of these hold:`}
          </Typography>
          <ul className={classes.list} aria-label="Conditions">
            {conditions.map((condition, i) => (
              <li key={`${condition.kind}:${condition.name}:${i}`}>
                <ConditionLine condition={condition} related={props.related} />
              </li>
            ))}
          </ul>
          {words && (
            <Typography variant="caption" color="textSecondary">
              {`In words: ${words}`}
            </Typography>
          )}
        </>
      )}
      {conditions?.length === 0 && (
        <Typography variant="body2">No conditions</Typography>
      )}
      {!predicate && <Typography variant="body2">—</Typography>}
    </>
  );
}

/** What the trigger starts, with each action's timeout and (redacted) arguments. */
function TriggerActions(props: {
  entity: Entity;
  related?: RelatedGlueEntities;
}) {
  const classes = useCardStyles();
  const actions = readTriggerActions(props.entity);
  return (
    <>
      {actions?.error !== undefined && (
        <Alert severity="warning">
          {`The actions annotation is ${actions.error}`}
        </Alert>
      )}
      {actions?.value && actions.value.length > 0 ? (
        <ul className={classes.list} aria-label="Actions">
          {actions.value.map((action, i) => (
            <li key={`${action.kind}:${action.name}:${i}`}>
              <GlueTargetName
                kind={action.kind}
                name={action.name}
                related={props.related}
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
    </>
  );
}

function TriggerCardBody(props: {
  entity: Entity;
  title: string;
  variant?: InfoCardVariants;
}) {
  const { entity } = props;
  const related = useRelatedGlueEntities(entity);
  const annotations = entity.metadata.annotations ?? {};
  const type = annotations[GLUE_ANNOTATIONS.triggerType];
  const hasPredicate = readTriggerPredicate(entity) !== undefined;
  const missing = readList(entity, GLUE_ANNOTATIONS.missingReferences);
  return (
    <GlueResourceCard
      entity={entity}
      title={props.title}
      variant={props.variant}
    >
      <Field label="Type" sm={4}>
        {type ? TYPE_LABELS[type] ?? type : '—'}
      </Field>
      <Field label="State" sm={4}>
        <TriggerState state={annotations[GLUE_ANNOTATIONS.triggerState]} />
      </Field>
      <Field label="Schedule" sm={4}>
        <ScheduleValue
          schedule={annotations[GLUE_ANNOTATIONS.triggerSchedule]}
          none="—"
        />
      </Field>
      {(type === 'CONDITIONAL' || hasPredicate) && (
        <Field label="Conditions" sm={12}>
          <TriggerConditions entity={entity} related={related.value} />
        </Field>
      )}
      <Field label="Starts" sm={12}>
        <TriggerActions entity={entity} related={related.value} />
      </Field>
      {missing.length > 0 && (
        <Grid item xs={12}>
          <Alert severity="warning">
            {`Refers to ${missing.join(
              ', ',
            )}, which the catalog does not have (missing in Glue or filtered out).`}
          </Alert>
        </Grid>
      )}
    </GlueResourceCard>
  );
}

/**
 * A trigger Resource, from its annotations only: what makes it fire (the
 * predicate in words, each condition linked to its job), its schedule,
 * type and state, and what it starts with which (redacted) arguments.
 */
export function GlueTriggerCard(props: EntityAwsGlueTriggerCardProps) {
  return (
    <GlueEntityGate requires="trigger">
      {entity => (
        <TriggerCardBody
          entity={entity}
          title={props.title ?? 'AWS Glue trigger'}
          variant={props.variant}
        />
      )}
    </GlueEntityGate>
  );
}
