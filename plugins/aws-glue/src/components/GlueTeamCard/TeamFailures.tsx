import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GlueTeamSummaryResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { formatDateTime, formatRelativeTime, snippet } from '../../lib/format';
import { RunStatus } from '../RunStatus';

type TeamFailure = GlueTeamSummaryResponse['failuresLast24h'][number];

/** Props of {@link TeamFailures}. */
export interface TeamFailuresProps {
  failures: TeamFailure[];
}

/** The team's runs that failed in the last 24 hours: job, state, when, error (redacted, one line). */
export function TeamFailures(props: TeamFailuresProps) {
  const { failures } = props;
  if (failures.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No failed runs in the last 24 hours.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Failures in the last 24 hours">
      <TableHead>
        <TableRow>
          <TableCell>Job</TableCell>
          <TableCell>State</TableCell>
          <TableCell>When</TableCell>
          <TableCell>Error</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {failures.map(failure => {
          const when = failure.run.completedOn ?? failure.run.startedOn;
          return (
            <TableRow key={`${failure.entityRef}:${failure.run.id}`}>
              <TableCell>
                <EntityRefLink entityRef={failure.entityRef}>
                  {failure.title}
                </EntityRefLink>
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                <RunStatus state={failure.run.state} />
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                <span title={formatDateTime(when)}>
                  {formatRelativeTime(when)}
                </span>
              </TableCell>
              <TableCell style={{ maxWidth: 280 }}>
                <Typography
                  variant="body2"
                  noWrap
                  title={failure.run.errorMessage}
                >
                  {snippet(failure.run.errorMessage, 200) || '—'}
                </Typography>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
