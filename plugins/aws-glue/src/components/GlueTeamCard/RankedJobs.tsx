import {
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GlueTeamJob } from '@aws-glue-backstage/plugin-aws-glue-common';

/** Props of {@link RankedJobs}. */
export interface RankedJobsProps<T extends GlueTeamJob> {
  /** Names the table for assistive technology. */
  label: string;
  /** In rank order. */
  jobs: T[];
  /** The value each job ranks by, as text. */
  value: (job: T) => string;
}

/** A short ranked list of a team's jobs, each linked to its entity, with the value it ranks by. */
export function RankedJobs<T extends GlueTeamJob>(props: RankedJobsProps<T>) {
  const { label, jobs, value } = props;
  if (jobs.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No finished runs in the last 30 days.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={label}>
      <TableBody>
        {jobs.map(job => (
          <TableRow key={job.entityRef}>
            <TableCell>
              <EntityRefLink entityRef={job.entityRef}>
                {job.title}
              </EntityRefLink>
            </TableCell>
            <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
              {value(job)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
