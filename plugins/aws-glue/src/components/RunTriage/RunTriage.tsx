import { Box, Typography, makeStyles } from '@material-ui/core';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueJobRun,
  GlueRunTriageResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { useRunTriage } from '../../hooks';
import { formatDateTime } from '../../lib/format';
import { AsyncView } from '../AsyncView';
import { FieldLabel } from '../Field';
import { TriageLog } from './TriageLog';
import { ChangesTable, EffectiveArgumentsTable } from './TriageTables';

/** The run states a triage is offered for. */
export const TRIAGE_STATES: readonly string[] = ['FAILED', 'ERROR', 'TIMEOUT'];

const useStyles = makeStyles(
  theme => ({
    root: {
      display: 'flex',
      flexDirection: 'column',
      gap: theme.spacing(2),
      borderTop: `1px solid ${theme.palette.divider}`,
      paddingTop: theme.spacing(2),
    },
    error: {
      whiteSpace: 'pre-wrap',
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      color: theme.palette.error.main,
      margin: 0,
    },
  }),
  { name: 'AwsGlueRunTriage' },
);

/** Props of {@link RunTriage}. */
export interface RunTriageProps {
  /** The entity the run's job belongs to. */
  entityRef: CompoundEntityRef;
  run: GlueJobRun;
}

function changesHeading(triage: GlueRunTriageResponse): string {
  if (!triage.lastSuccess) return 'What changed';
  const when = triage.lastSuccess.startedOn
    ? ` (${formatDateTime(triage.lastSuccess.startedOn)})`
    : '';
  return `What changed since the last successful run ${triage.lastSuccess.runId}${when}`;
}

function TriageSections(props: {
  triage: GlueRunTriageResponse;
  run: GlueJobRun;
}) {
  const { triage, run } = props;
  const classes = useStyles();
  return (
    <>
      {triage.errorMessage && triage.errorMessage !== run.errorMessage && (
        <Box>
          <FieldLabel>Error message</FieldLabel>
          <pre className={classes.error}>{triage.errorMessage}</pre>
        </Box>
      )}
      <Box>
        <FieldLabel>Log tail</FieldLabel>
        <TriageLog logs={triage.log} />
      </Box>
      <Box data-testid="triage-changes">
        <FieldLabel>{changesHeading(triage)}</FieldLabel>
        {triage.lastSuccess ? (
          <ChangesTable changes={triage.changes} />
        ) : (
          <Typography variant="body2">
            The run index has no successful run of {triage.jobName} before this
            one to compare with.
          </Typography>
        )}
      </Box>
      <Box>
        <FieldLabel>Effective arguments</FieldLabel>
        <EffectiveArgumentsTable args={triage.effectiveArguments} />
      </Box>
    </>
  );
}

/**
 * Why a failed run failed, loaded when shown: its error, the tail of its
 * logs (redacted, with links to CloudWatch), what changed since the last
 * successful run, and where each of its arguments came from.
 */
export function RunTriage(props: RunTriageProps) {
  const { entityRef, run } = props;
  const classes = useStyles();
  const triage = useRunTriage(entityRef, run.id, run.jobArn || run.jobName);
  return (
    <Box
      className={classes.root}
      data-testid={`run-triage-${run.id}`}
      role="region"
      aria-label="Failure triage"
    >
      <Typography variant="h6" component="h3">
        Failure triage
      </Typography>
      <AsyncView state={triage} isEmpty={() => false}>
        {value => <TriageSections triage={value} run={run} />}
      </AsyncView>
    </Box>
  );
}
