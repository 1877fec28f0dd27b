import { Box, Typography, makeStyles, useTheme } from '@material-ui/core';
import { GlueJobRun } from '@aws-glue-backstage/plugin-aws-glue-common';
import { tickIndices } from '../../lib/axis';
import { stateColour } from '../../lib/stateColours';
import {
  formatAxisDate,
  formatCost,
  formatDateTime,
  formatDuration,
} from '../../lib/format';
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
    timeAxis: {
      position: 'relative',
      height: '1.2rem',
      marginTop: 2,
    },
    tick: {
      position: 'absolute',
      top: 0,
      whiteSpace: 'nowrap',
      color: theme.palette.text.secondary,
      fontSize: '0.7rem',
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

/** Width of the drawing in SVG units (stretched to the container). */
const WIDTH = 1000;
/** How many dates the time axis shows at most. */
const MAX_TICKS = 5;

/** Where the bar of the run at `index` of `count` stands, from 0 to 1. */
const slotCentre = (index: number, count: number) => (index + 0.5) / count;

function RunsSummary(props: { runs: GlueJobRun[]; currency: string }) {
  const classes = useStyles();
  const stats = runStatistics(props.runs);
  return (
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
        {formatCost(stats.totalCost, props.currency)}
      </Typography>
    </Box>
  );
}

/**
 * Dates under the bars, in the user's time zone: a few of the runs' start
 * times, spread over the axis, with the full date and time on hover.
 */
function TimeAxis(props: { runs: GlueJobRun[] }) {
  const classes = useStyles();
  const { runs } = props;
  const times = runs
    .map(r => Date.parse(r.startedOn ?? ''))
    .filter(t => !Number.isNaN(t));
  const spanSeconds = times.length
    ? (Math.max(...times) - Math.min(...times)) / 1000
    : 0;
  return (
    <Box className={classes.timeAxis}>
      {tickIndices(runs.length, MAX_TICKS).map(i => {
        const position = slotCentre(i, runs.length) * 100;
        return (
          <span
            key={runs[i].id}
            className={classes.tick}
            data-testid="runs-chart-tick"
            title={formatDateTime(runs[i].startedOn)}
            // as far left of its bar as the bar is along the axis: the
            // first label starts at its bar, the last one ends at it
            style={{
              left: `${position}%`,
              transform: `translateX(-${position}%)`,
            }}
          >
            {formatAxisDate(runs[i].startedOn, spanSeconds)}
          </span>
        );
      })}
    </Box>
  );
}

function RunsPlot(props: {
  runs: GlueJobRun[];
  height: number;
  currency: string;
}) {
  const { runs, height, currency } = props;
  const classes = useStyles();
  const theme = useTheme();
  const maxDuration = Math.max(1, ...runs.map(r => r.durationSeconds ?? 0));
  const maxCost = Math.max(0, ...runs.map(r => r.estimatedCost ?? 0));
  const top = 16;
  const bottom = 6;
  const plotHeight = height - top - bottom;
  const slot = WIDTH / runs.length;
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const axisColour = theme.palette.text.secondary;

  const colour = (state: string) =>
    stateColour(theme.palette, state) ?? theme.palette.grey[500];

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
        <g data-testid="runs-chart-time-axis" stroke={axisColour}>
          <line
            x1={0}
            x2={WIDTH}
            y1={top + plotHeight}
            y2={top + plotHeight}
            vectorEffect="non-scaling-stroke"
          />
          {tickIndices(runs.length, MAX_TICKS).map(i => (
            <line
              key={runs[i].id}
              x1={slotCentre(i, runs.length) * WIDTH}
              x2={slotCentre(i, runs.length) * WIDTH}
              y1={top + plotHeight}
              y2={height}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </g>
      </svg>
      <TimeAxis runs={runs} />
    </Box>
  );
}

function Legend() {
  const classes = useStyles();
  const theme = useTheme();
  return (
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
  );
}

/**
 * A lightweight SVG chart of the loaded runs: one bar per run for its
 * duration (coloured by state) and a line for its estimated cost, over a
 * time axis of start dates, with the success rate, median duration and
 * total cost above it.
 */
export function RunsChart(props: RunsChartProps) {
  const { height = 120 } = props;
  const classes = useStyles();
  const runs = [...props.runs].sort(
    (a, b) =>
      Date.parse(a.startedOn ?? '') - Date.parse(b.startedOn ?? '') || 0,
  );
  const currency = runs[0]?.currency ?? 'USD';
  return (
    <Box className={classes.root}>
      <RunsSummary runs={runs} currency={currency} />
      {runs.length > 0 && (
        <RunsPlot runs={runs} height={height} currency={currency} />
      )}
      <Legend />
    </Box>
  );
}
