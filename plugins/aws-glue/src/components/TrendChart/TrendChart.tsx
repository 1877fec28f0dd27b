import { Box, makeStyles, useTheme } from '@material-ui/core';
import { GlueTrendPoint } from '@aws-glue-backstage/plugin-aws-glue-common';
import { tickIndices } from '../../lib/axis';
import { formatDay, formatFullDay } from '../../lib/format';
import {
  TrendChartDefinition,
  TrendMetric,
  axisMax,
  describeTrendPoint,
  lineSegments,
  trendChartDefinition,
} from '../../lib/trends';

/** Props of {@link TrendChart}. */
export interface TrendChartProps {
  /** One per day, oldest first (as the trends routes give them). */
  points: GlueTrendPoint[];
  metric: TrendMetric;
  /** Of the costs. */
  currency: string;
  /** Height of the plot in px; 140 by default. */
  height?: number;
  /** Without the legend and the axis values: for a card. */
  compact?: boolean;
}

const useStyles = makeStyles(
  theme => ({
    plot: { position: 'relative' },
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
    axisLeft: { left: 6 },
    axisRight: { right: 6 },
    dayAxis: { position: 'relative', height: '1.2rem', marginTop: 2 },
    tick: {
      position: 'absolute',
      top: 0,
      whiteSpace: 'nowrap',
      color: theme.palette.text.secondary,
      fontSize: '0.7rem',
    },
    legend: {
      display: 'flex',
      flexWrap: 'wrap',
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
  { name: 'AwsGlueTrendChart' },
);

/** Width of the drawing in SVG units (stretched to the container). */
const WIDTH = 1000;
const TOP = 16;
const BOTTOM = 4;
const MAX_TICKS = 6;

/** Where the day at `index` of `count` stands, from 0 to 1. */
const slotCentre = (index: number, count: number) => (index + 0.5) / count;

/** The theme colours of a chart's bars, their remainder and its line. */
function useChartColours(chart: TrendChartDefinition) {
  const theme = useTheme();
  return chart.barsAreShares
    ? {
        bars: theme.palette.success.main,
        remainder: theme.palette.error.main,
        line: theme.palette.info.main,
      }
    : {
        bars: theme.palette.primary.main,
        remainder: undefined,
        line: theme.palette.warning.main,
      };
}

/** The days under the plot: a few spread over the axis, the full day on hover. */
function DayAxis(props: { points: GlueTrendPoint[] }) {
  const classes = useStyles();
  const { points } = props;
  return (
    <Box className={classes.dayAxis}>
      {tickIndices(points.length, MAX_TICKS).map(i => {
        const position = slotCentre(i, points.length) * 100;
        return (
          <span
            key={points[i].date}
            className={classes.tick}
            data-testid="trend-chart-tick"
            title={formatFullDay(points[i].date)}
            style={{
              left: `${position}%`,
              transform: `translateX(-${position}%)`,
            }}
          >
            {formatDay(points[i].date, points.length - 1)}
          </span>
        );
      })}
    </Box>
  );
}

interface PlotGeometry {
  slot: number;
  plotHeight: number;
  barMax: number;
  lineMax: number;
}

/** One day: its bar (and the failed share above it), and a tooltip over the whole slot. */
function DayBar(props: {
  point: GlueTrendPoint;
  index: number;
  chart: TrendChartDefinition;
  geometry: PlotGeometry;
  colours: ReturnType<typeof useChartColours>;
  currency: string;
}) {
  const { point, index, chart, geometry, colours } = props;
  const { slot, plotHeight, barMax } = geometry;
  const value = chart.bars.value(point);
  const width = Math.max(1, Math.min(40, slot * 0.7));
  const x = (index + 0.5) * slot - width / 2;
  const barHeight = value === undefined ? 0 : (value / barMax) * plotHeight;
  const base = TOP + plotHeight;
  return (
    <g data-testid="trend-chart-day">
      <title>{describeTrendPoint(point, props.currency)}</title>
      <rect
        x={index * slot}
        y={TOP}
        width={slot}
        height={plotHeight}
        fill="transparent"
      />
      {value !== undefined && colours.remainder && (
        <rect
          x={x}
          y={TOP}
          width={width}
          height={plotHeight - barHeight}
          fill={colours.remainder}
          opacity={0.35}
        />
      )}
      {value !== undefined && (
        <rect
          data-testid="trend-chart-bar"
          x={x}
          y={base - barHeight}
          width={width}
          height={barHeight}
          fill={colours.bars}
          opacity={0.85}
        />
      )}
    </g>
  );
}

function TrendPlot(props: {
  points: GlueTrendPoint[];
  chart: TrendChartDefinition;
  currency: string;
  height: number;
  compact: boolean;
}) {
  const { points, chart, currency, height, compact } = props;
  const classes = useStyles();
  const theme = useTheme();
  const colours = useChartColours(chart);
  const lineValues = points.map(chart.line.value);
  const geometry: PlotGeometry = {
    slot: WIDTH / Math.max(1, points.length),
    plotHeight: height - TOP - BOTTOM,
    barMax: chart.barsAreShares ? 1 : axisMax(points.map(chart.bars.value)),
    lineMax: axisMax(lineValues),
  };
  const { slot, plotHeight, barMax, lineMax } = geometry;
  const segments =
    lineMax > 0
      ? lineSegments(
          lineValues,
          (v, i) => [
            (i + 0.5) * slot,
            TOP + plotHeight - (v / lineMax) * plotHeight,
          ],
          Math.min(slot * 0.4, 8),
        )
      : [];
  const label = `${chart.title}, ${formatFullDay(
    points[0].date,
  )} to ${formatFullDay(points[points.length - 1].date)}`;
  return (
    <Box className={classes.plot}>
      {!compact && (
        <>
          <span className={`${classes.axisText} ${classes.axisLeft}`}>
            {chart.bars.format(barMax)}
          </span>
          <span className={`${classes.axisText} ${classes.axisRight}`}>
            {chart.line.format(lineMax)}
          </span>
        </>
      )}
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="none"
        height={height}
        role="img"
        aria-label={label}
      >
        {points.map((point, i) => (
          <DayBar
            key={point.date}
            point={point}
            index={i}
            chart={chart}
            geometry={geometry}
            colours={colours}
            currency={currency}
          />
        ))}
        {segments.map(segment => (
          <polyline
            key={segment}
            data-testid="trend-chart-line"
            points={segment}
            fill="none"
            stroke={colours.line}
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        <line
          x1={0}
          x2={WIDTH}
          y1={TOP + plotHeight}
          y2={TOP + plotHeight}
          stroke={theme.palette.text.secondary}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <DayAxis points={points} />
    </Box>
  );
}

function Legend(props: { chart: TrendChartDefinition }) {
  const { chart } = props;
  const classes = useStyles();
  const colours = useChartColours(chart);
  const swatch = (colour: string, label: string, height?: number) => (
    <span>
      <span className={classes.swatch} style={{ background: colour, height }} />
      {label}
    </span>
  );
  return (
    <Box className={classes.legend}>
      {swatch(colours.bars, chart.bars.label)}
      {colours.remainder && swatch(colours.remainder, 'Failed share')}
      {swatch(colours.line, chart.line.label, 2)}
    </Box>
  );
}

/**
 * A lightweight SVG chart of daily trend points: bars against the left
 * axis (success rate, or DPU-hours) and a line against the right one (p95
 * duration, or cost), over an axis of UTC days. Each day's values are its
 * tooltip; the plot's label says what it shows and over which days.
 */
export function TrendChart(props: TrendChartProps) {
  const { points, metric, currency, height = 140, compact = false } = props;
  const chart = trendChartDefinition(metric, currency);
  if (points.length === 0) return null;
  return (
    <Box>
      <TrendPlot
        points={points}
        chart={chart}
        currency={currency}
        height={height}
        compact={compact}
      />
      {!compact && <Legend chart={chart} />}
    </Box>
  );
}
