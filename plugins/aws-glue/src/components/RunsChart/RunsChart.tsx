import { Box, Typography, makeStyles, useTheme } from '@material-ui/core';
import {
  GlueJobRun,
  runStatusCategory,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { formatCost, formatDuration, formatDateTime } from '../../lib/format';
import { runStatistics } from '../../lib/stats';

/** Props of {@link RunsChart}. */
export interface RunsChartProps {
  /** Runs in any order; drawn oldest first. */
  runs: GlueJobRun[];
  /** Height of the plot in px. */
  height?: number;
}

const useStyles = makeStyles(
  theme => ({
    root: {
      marginBottom: theme.spacing(2),
    },
    summary: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(3),
      marginBottom: theme.spacing(1),
    },
    plot: {
      position: 'relative',
    },
    svg: {
      display: 'block',
      width: '100%',
      background: theme.palette.background.default,
      borderRadius: theme.shape.borderRadius,
    },
    axisText: {
      position: 'absolute',
      top: 2,
      color: theme.palette.text.secondary,
      fontSize: '0.7rem',
    },
    axisLeft: {
      left: 6,
    },
    axisRight: {
      right: 6,
    },
    legend: {
      display: 'flex',
      gap: theme.spacing(2),
      color: theme.palette.text.secondary,
      fontSize: '0.75rem',
      marginTop: theme.spacing(0.5),
    },
    swatch: {
      display: 'inline-block',
      width: 10,
      height: 10,
      marginRight: 4,
      verticalAlign: 'middle',
    },
  }),
  { name: 'AwsGlueRunsChart' },
);

const WIDTH = 1000;

/**
 * A lightweight SVG chart of the loaded runs: one bar per run for its
 * duration (coloured by state) and a line for its estimated cost, with the
 * success rate, median duration and total cost above it.
 */
export function RunsChart(props: RunsChartProps) {
  const { height = 120 } = props;
  const classes = useStyles();
  const theme = useTheme();
  const runs = [...props.runs].sort(
    (a, b) =>
      Date.parse(a.startedOn ?? '') - Date.parse(b.startedOn ?? '') || 0,
  );
  const stats = runStatistics(runs);
  const currency = runs[0]?.currency ?? 'USD';
  const maxDuration = Math.max(1, ...runs.map(r => r.durationSeconds ?? 0));
  const costs = runs.map(r => r.estimatedCost);
  const maxCost = Math.max(0, ...costs.map(c => c ?? 0));
  const top = 16;
  const bottom = 4;
  const plotHeight = height - top - bottom;
  const slot = runs.length ? WIDTH / runs.length : WIDTH;
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));

  const colour = (state: string) => {
    switch (runStatusCategory(state)) {
      case 'ok':
        return theme.palette.success.main;
      case 'error':
        return theme.palette.error.main;
      case 'running':
        return theme.palette.info.main;
      default:
        return theme.palette.grey[500];
    }
  };

  const costPoints = runs
    .map((run, i) =>
      run.estimatedCost === undefined || maxCost === 0
        ? undefined
        : `${(i + 0.5) * slot},${
            top + plotHeight - (run.estimatedCost / maxCost) * plotHeight
          }`,
    )
    .filter(Boolean)
    .join(' ');

  return (
    <Box className={classes.root}>
      <Box className={classes.summary}>
        <Typography variant="body2">
          <strong>Success rate:</strong>{' '}
          {stats.successRate === undefined
            ? '—'
            : `${Math.round(stats.successRate * 100)}% (${stats.succeeded} of ${
                stats.finished
              } finished runs)`}
        </Typography>
        <Typography variant="body2">
          <strong>Median duration:</strong>{' '}
          {formatDuration(stats.medianDurationSeconds)}
        </Typography>
        <Typography variant="body2">
          <strong>Cost of these runs:</strong>{' '}
          {formatCost(stats.totalCost, currency)}
        </Typography>
      </Box>
      {runs.length > 0 && (
        <Box className={classes.plot}>
          <span className={`${classes.axisText} ${classes.axisLeft}`}>
            {formatDuration(maxDuration)}
          </span>
          {maxCost > 0 && (
            <span className={`${classes.axisText} ${classes.axisRight}`}>
              {formatCost(maxCost, currency)}
            </span>
          )}
          <svg
            className={classes.svg}
            viewBox={`0 0 ${WIDTH} ${height}`}
            preserveAspectRatio="none"
            height={height}
            role="img"
            aria-label={`Duration and cost of ${runs.length} runs`}
          >
            {runs.map((run, i) => {
              const barHeight = Math.max(
                1,
                ((run.durationSeconds ?? 0) / maxDuration) * plotHeight,
              );
              return (
                <rect
                  key={run.id}
                  data-testid="runs-chart-bar"
                  x={(i + 0.5) * slot - barWidth / 2}
                  y={top + plotHeight - barHeight}
                  width={barWidth}
                  height={barHeight}
                  fill={colour(run.state)}
                  opacity={0.85}
                >
                  <title>
                    {`${formatDateTime(run.startedOn)}: ${
                      run.state
                    }, ${formatDuration(run.durationSeconds)}, ${formatCost(
                      run.estimatedCost,
                      run.currency,
                    )}`}
                  </title>
                </rect>
              );
            })}
            {costPoints && (
              <polyline
                points={costPoints}
                fill="none"
                stroke={theme.palette.warning.main}
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
              />
            )}
          </svg>
        </Box>
      )}
      <Box className={classes.legend}>
        <span>
          <span
            className={classes.swatch}
            style={{ background: theme.palette.success.main }}
          />
          Duration (bar colour: state)
        </span>
        <span>
          <span
            className={classes.swatch}
            style={{ background: theme.palette.warning.main, height: 2 }}
          />
          Estimated cost
        </span>
      </Box>
    </Box>
  );
}
