import { Box, Grid, Typography } from '@material-ui/core';
import { GlueTeamSummaryResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { formatCost, formatDpuHours, formatDuration } from '../../lib/format';
import { hasFinishedRuns } from '../../lib/trends';
import { Field, FieldLabel } from '../Field';
import { TrendChart } from '../TrendChart';
import { RankedJobs } from './RankedJobs';
import { TeamFailures } from './TeamFailures';

/** Props of {@link TeamSummary}. */
export interface TeamSummaryProps {
  summary: GlueTeamSummaryResponse;
}

/** Jobs, cost this month and last, and the 30-day trend as a small chart. */
function TeamOverview(props: TeamSummaryProps) {
  const { summary } = props;
  const { currency } = summary;
  return (
    <>
      <Field label="Glue jobs" sm={4}>
        {String(summary.jobCount)}
      </Field>
      <Field label="Cost this month" sm={4}>
        {formatCost(summary.costThisMonth, currency)}
      </Field>
      <Field label="Cost last month" sm={4}>
        {formatCost(summary.costLastMonth, currency)}
      </Field>
      <Field label="Last 30 days" sm={12}>
        {hasFinishedRuns(summary.points) ? (
          <TrendChart
            points={summary.points}
            metric="reliability"
            currency={currency}
            height={56}
            compact
          />
        ) : (
          'No finished runs'
        )}
      </Field>
    </>
  );
}

/**
 * What a team's Glue jobs did: failures in the last 24 h, the slowest and
 * dearest jobs over 30 days, cost this month against last month, and the
 * 30-day trend. The body of the team card and of the overview page's team
 * section.
 */
export function TeamSummary(props: TeamSummaryProps) {
  const { summary } = props;
  const { currency } = summary;
  return (
    <Grid container spacing={2}>
      <TeamOverview summary={summary} />
      <Grid item xs={12}>
        <FieldLabel>{`Failures in the last 24 h (${summary.failuresLast24h.length})`}</FieldLabel>
        <Box mt={0.5}>
          <TeamFailures failures={summary.failuresLast24h} />
        </Box>
      </Grid>
      <Grid item xs={12} md={6}>
        <FieldLabel>Slowest jobs (p95, 30 days)</FieldLabel>
        <RankedJobs
          label="Slowest jobs by p95 duration over 30 days"
          jobs={summary.slowest}
          value={job => formatDuration(job.p95DurationSeconds)}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <FieldLabel>Dearest jobs (30 days)</FieldLabel>
        <RankedJobs
          label="Dearest jobs by estimated cost over 30 days"
          jobs={summary.dearest}
          value={job =>
            `${formatCost(job.estimatedCost, currency)} (${formatDpuHours(
              job.dpuHours,
            )} DPU-hours)`
          }
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary">
          Costs are estimates from DPU-hours, in {currency}.
        </Typography>
      </Grid>
    </Grid>
  );
}
