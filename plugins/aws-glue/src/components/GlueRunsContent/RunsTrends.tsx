import { useState } from 'react';
import {
  Box,
  FormControlLabel,
  Switch,
  Typography,
  makeStyles,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { InfoCard } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import {
  GLUE_TREND_WINDOWS,
  GlueJob,
  GlueRunAggregate,
  GlueTrendWindow,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { useTrends } from '../../hooks';
import {
  formatCost,
  formatDpuHours,
  formatDuration,
  formatPercent,
} from '../../lib/format';
import { TREND_METRICS, TrendMetric, hasFinishedRuns } from '../../lib/trends';
import { AsyncView } from '../AsyncView';
import { Toolbar, ToolbarSpacer } from '../Toolbar';
import { TrendChart, TrendTable } from '../TrendChart';

const useStyles = makeStyles(
  theme => ({
    summary: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(3),
      marginBottom: theme.spacing(1),
    },
  }),
  { name: 'AwsGlueRunsTrends' },
);

/** The window's totals above the chart. */
function TrendSummary(props: { summary: GlueRunAggregate; currency: string }) {
  const { summary, currency } = props;
  const classes = useStyles();
  const item = (label: string, value: string) => (
    <Typography variant="body2">
      <strong>{label}:</strong> {value}
    </Typography>
  );
  return (
    <Box className={classes.summary}>
      {item(
        'Success rate',
        `${formatPercent(summary.successRate)} (${summary.failed} of ${
          summary.runs
        } finished runs failed)`,
      )}
      {item('p95 duration', formatDuration(summary.p95DurationSeconds))}
      {item('DPU-hours', formatDpuHours(summary.dpuHours))}
      {item('Estimated cost', formatCost(summary.estimatedCost, currency))}
    </Box>
  );
}

interface TrendsView {
  days: GlueTrendWindow;
  metric: TrendMetric;
  asTable: boolean;
}

/** The window, what to chart, and chart or table. */
function TrendsToolbar(props: {
  view: TrendsView;
  onChange: (view: Partial<TrendsView>) => void;
}) {
  const { view, onChange } = props;
  return (
    <Toolbar>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={view.days}
        onChange={(_e, days) => days && onChange({ days })}
        aria-label="Trend window"
      >
        {GLUE_TREND_WINDOWS.map(days => (
          <ToggleButton key={days} value={days} aria-label={`${days} days`}>
            {`${days} d`}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={view.metric}
        onChange={(_e, metric) => metric && onChange({ metric })}
        aria-label="Trend metric"
      >
        {TREND_METRICS.map(m => (
          <ToggleButton key={m.value} value={m.value}>
            {m.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <ToolbarSpacer />
      <FormControlLabel
        control={
          <Switch
            checked={view.asTable}
            onChange={e => onChange({ asTable: e.target.checked })}
            color="primary"
          />
        }
        label="Show as table"
      />
    </Toolbar>
  );
}

/** Props of {@link RunsTrends}. */
export interface RunsTrendsProps {
  entity: Entity;
  /** The job whose trend is shown. */
  job: GlueJob;
}

/**
 * The job's daily success rate and p95 duration, or DPU-hours and cost,
 * over 7, 30, 90 or 365 days (30 at first), as a chart or a table.
 */
export function RunsTrends(props: RunsTrendsProps) {
  const { entity, job } = props;
  const [view, setView] = useState<TrendsView>({
    days: 30,
    metric: 'reliability',
    asTable: false,
  });
  const trends = useTrends(entity, { jobArn: job.arn, days: view.days });
  return (
    <InfoCard title="Trends" subheader={`${job.name}, per UTC day`}>
      <TrendsToolbar
        view={view}
        onChange={change => setView(v => ({ ...v, ...change }))}
      />
      <AsyncView
        state={trends}
        isEmpty={value => !hasFinishedRuns(value.points)}
        emptyTitle={`No finished runs in the last ${view.days} days`}
        emptyDescription="Runs appear here once they have finished and the run index has them."
      >
        {value => (
          <>
            {trends.error && (
              <Alert severity="warning" style={{ marginBottom: 8 }}>
                Refreshing failed: {trends.error.message}
              </Alert>
            )}
            <TrendSummary summary={value.summary} currency={value.currency} />
            {view.asTable ? (
              <TrendTable points={value.points} currency={value.currency} />
            ) : (
              <TrendChart
                points={value.points}
                metric={view.metric}
                currency={value.currency}
              />
            )}
          </>
        )}
      </AsyncView>
    </InfoCard>
  );
}
