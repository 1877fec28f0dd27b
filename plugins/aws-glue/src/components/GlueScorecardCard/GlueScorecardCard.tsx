import {
  Box,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
  makeStyles,
} from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import {
  EmptyState,
  InfoCard,
  InfoCardVariants,
  Link,
  Progress,
} from '@backstage/core-components';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import {
  GlueScorecard,
  isTechInsightsMissing,
  useEntityCompoundRef,
  useGlueScorecard,
} from '../../hooks';
import {
  describeScore,
  formatFactValue,
  GLUE_SCORECARD_CHECK_PREFIX,
  GlueScorecardCheckResult,
} from '../../lib/scorecard';
import { GlueEntityGate } from '../GlueEntityGate';
import { GlueErrorPanel } from '../GlueErrorPanel';

/**
 * Props of {@link EntityAwsGlueScorecardCard}.
 *
 * @public
 */
export interface EntityAwsGlueScorecardCardProps {
  /** Card title; `Scorecard` by default. */
  title?: string;
  /** `gridItem` to fill the height of a grid cell. */
  variant?: InfoCardVariants;
}

const useStyles = makeStyles(
  theme => ({
    pass: { color: theme.palette.success.main },
    fail: { color: theme.palette.error.main },
    facts: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5, 2),
      marginTop: theme.spacing(0.5),
    },
    fact: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      color: theme.palette.text.primary,
    },
    icon: { minWidth: theme.spacing(5), marginTop: theme.spacing(0.5) },
    // the app theme's list items keep to one line; a description wraps
    text: { whiteSpace: 'normal', overflowWrap: 'break-word' },
  }),
  { name: 'AwsGlueScorecardCard' },
);

/** Where the README says how to enable the scorecard. */
const README_SECTION =
  'see "Scorecard (Tech Insights)" in the README of @aws-glue-backstage/plugin-aws-glue';

function CheckRow(props: { result: GlueScorecardCheckResult }) {
  const classes = useStyles();
  const { check, passed, facts } = props.result;
  return (
    <ListItem
      alignItems="flex-start"
      divider
      data-testid={`scorecard-check-${check.id}`}
    >
      <ListItemIcon className={classes.icon}>
        {passed ? (
          <CheckCircleIcon className={classes.pass} titleAccess="Passes" />
        ) : (
          <CancelIcon className={classes.fail} titleAccess="Fails" />
        )}
      </ListItemIcon>
      <ListItemText
        className={classes.text}
        primary={check.name}
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            {check.description && (
              <Typography variant="body2" color="textSecondary">
                {check.description}
              </Typography>
            )}
            {facts.length > 0 && (
              <Box className={classes.facts}>
                {facts.map(fact => (
                  <span
                    key={fact.name}
                    className={classes.fact}
                    title={fact.description}
                  >
                    {fact.name}: {formatFactValue(fact)}
                  </span>
                ))}
              </Box>
            )}
            {check.links.length > 0 && (
              <Box className={classes.facts}>
                {check.links.map(link => (
                  <Link key={link.url} to={link.url}>
                    {link.title}
                  </Link>
                ))}
              </Box>
            )}
          </>
        }
      />
    </ListItem>
  );
}

function ScorecardBody(props: { state: ReturnType<typeof useGlueScorecard> }) {
  const { state } = props;
  if (state.loading && state.value === undefined) return <Progress />;
  if (state.error && state.value === undefined) {
    if (isTechInsightsMissing(state.error)) {
      return (
        <EmptyState
          missing="info"
          title="Tech Insights is not installed"
          description={`The scorecard needs the Tech Insights backend (@backstage-community/plugin-tech-insights-backend with its JSON rules fact checker) and the AWS Glue Tech Insights module in the Backstage backend; ${README_SECTION}.`}
        />
      );
    }
    return (
      <GlueErrorPanel
        error={state.error}
        title="Could not run the Tech Insights checks"
        onRetry={state.refresh}
      />
    );
  }
  const scorecard: GlueScorecard | undefined = state.value;
  if (!scorecard || scorecard.results.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No AWS Glue checks for this job"
        description={`Tech Insights ran no check whose id starts with "${GLUE_SCORECARD_CHECK_PREFIX}" on this entity. Add the AWS Glue Tech Insights module (@aws-glue-backstage/plugin-tech-insights-backend-module-aws-glue) to the backend, or wait for its first fact retrieval; ${README_SECTION}.`}
      />
    );
  }
  return (
    <List dense disablePadding aria-label="Tech Insights checks">
      {scorecard.results.map(result => (
        <CheckRow key={result.check.id} result={result} />
      ))}
    </List>
  );
}

/** Props of {@link ScorecardCard}. */
export interface ScorecardCardProps extends EntityAwsGlueScorecardCardProps {
  entityRef: CompoundEntityRef;
}

/** The scorecard of any entity in a card. */
export function ScorecardCard(props: ScorecardCardProps) {
  const state = useGlueScorecard(props.entityRef);
  const results = state.value?.results;
  return (
    <InfoCard
      title={props.title ?? 'Scorecard'}
      subheader={results?.length ? describeScore(results) : undefined}
      variant={props.variant}
    >
      <ScorecardBody state={state} />
    </InfoCard>
  );
}

function EntityScorecardCard(
  props: EntityAwsGlueScorecardCardProps & { entity: Entity },
) {
  const { entity, ...rest } = props;
  const entityRef = useEntityCompoundRef(entity);
  return <ScorecardCard {...rest} entityRef={entityRef} />;
}

/**
 * The Tech Insights checks of the current Glue job entity (ids starting
 * `aws-glue-`): pass or fail, what each wants, the facts it used.
 */
export function GlueScorecardCard(props: EntityAwsGlueScorecardCardProps) {
  return (
    <GlueEntityGate requires="job">
      {entity => <EntityScorecardCard {...props} entity={entity} />}
    </GlueEntityGate>
  );
}
