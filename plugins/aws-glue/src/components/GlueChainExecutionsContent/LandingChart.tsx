import {
  Box,
  Tooltip,
  Typography,
  makeStyles,
  useTheme,
} from '@material-ui/core';
import {
  ANNOTATION_AWS_GLUE_SLA,
  GlueSla,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { tickIndices } from '../../lib/axis';
import { LandingPoint, describeRoot, describeSla } from '../../lib/executions';
import {
  formatAxisDate,
  formatDateTime,
  formatDuration,
} from '../../lib/format';

const useStyles = makeStyles(
  theme => ({
    plot: {
      position: 'relative',
      display: 'flex',
      alignItems: 'flex-end',
      gap: 2,
      background: theme.palette.background.default,
      borderRadius: theme.shape.borderRadius,
      borderBottom: `1px solid ${theme.palette.text.secondary}`,
      padding: theme.spacing(2, 1, 0),
    },
    slot: {
      position: 'relative',
      flex: 1,
      height: '100%',
      display: 'flex',
      alignItems: 'flex-end',
      justifyContent: 'center',
    },
    bar: { width: '70%', maxWidth: 40, minHeight: 1, opacity: 0.85 },
    late: {
      position: 'absolute',
      width: '100%',
      textAlign: 'center',
      fontSize: '0.65rem',
      fontWeight: theme.typography.fontWeightBold as number,
      color: theme.palette.error.main,
    },
    deadline: {
      position: 'absolute',
      width: '80%',
      borderTop: `2px dotted ${theme.palette.warning.main}`,
    },
    slaLine: {
      position: 'absolute',
      left: 0,
      right: 0,
      borderTop: `2px dashed ${theme.palette.warning.main}`,
    },
    slaLabel: {
      position: 'absolute',
      right: 4,
      bottom: 2,
      fontSize: '0.7rem',
      color: theme.palette.warning.main,
    },
    axisMax: {
      position: 'absolute',
      top: 2,
      left: 6,
      fontSize: '0.7rem',
      color: theme.palette.text.secondary,
    },
    ticks: { display: 'flex', gap: 2, padding: theme.spacing(0, 1) },
    tick: {
      flex: 1,
      textAlign: 'center',
      fontSize: '0.7rem',
      color: theme.palette.text.secondary,
      whiteSpace: 'nowrap',
    },
  }),
  { name: 'AwsGlueLandingChart' },
);

/** Props of {@link LandingChart}. */
export interface LandingChartProps {
  /** Oldest first. */
  points: LandingPoint[];
  sla?: GlueSla;
  /** Height of the plot in px; 160 by default. */
  height?: number;
}

const pct = (value: number, max: number) => `${(value / max) * 100}%`;

function describePoint(point: LandingPoint): string {
  const { execution } = point;
  return `${formatDateTime(execution.root.scheduledFor)} (${describeRoot(
    execution.root,
  )}): landed ${formatDuration(point.landingSeconds)} after the schedule${
    point.late ? ', late' : ''
  }`;
}

function LandingBar(props: { point: LandingPoint; max: number }) {
  const { point, max } = props;
  const classes = useStyles();
  const theme = useTheme();
  const colour = point.late
    ? theme.palette.error.main
    : theme.palette.success.main;
  const height = pct(point.landingSeconds, max);
  return (
    <Tooltip title={describePoint(point)}>
      <Box
        className={classes.slot}
        data-testid={`landing-bar-${point.execution.id}`}
        data-late={point.late ? 'true' : 'false'}
        aria-label={describePoint(point)}
        role="img"
      >
        {point.deadlineSeconds !== undefined && (
          <span
            className={classes.deadline}
            style={{ bottom: pct(point.deadlineSeconds, max) }}
          />
        )}
        {point.late && (
          <span className={classes.late} style={{ bottom: height }}>
            late
          </span>
        )}
        <Box className={classes.bar} style={{ height, background: colour }} />
      </Box>
    </Tooltip>
  );
}

/**
 * When each execution landed after its scheduled start: a bar per
 * execution (oldest left), late ones in the error colour and marked, the
 * SLA as a line (a duration) or each execution's deadline (a time of day).
 */
export function LandingChart(props: LandingChartProps) {
  const { points, sla, height = 160 } = props;
  const classes = useStyles();
  if (points.length === 0) {
    return (
      <Typography variant="body2" data-testid="landing-chart-empty">
        No execution started on a schedule has landed yet: landing time is
        measured from the scheduled start of the execution's first run.
      </Typography>
    );
  }
  const slaSeconds = sla?.kind === 'duration' ? sla.seconds : undefined;
  const max =
    Math.max(
      slaSeconds ?? 0,
      ...points.map(p => Math.max(p.landingSeconds, p.deadlineSeconds ?? 0)),
    ) * 1.15;
  const span =
    (Date.parse(points[points.length - 1].execution.startedOn ?? '') -
      Date.parse(points[0].execution.startedOn ?? '')) /
    1000;
  return (
    <Box data-testid="landing-chart">
      <Box className={classes.plot} style={{ height }}>
        <span className={classes.axisMax}>{formatDuration(max)}</span>
        {slaSeconds !== undefined && (
          <span
            className={classes.slaLine}
            style={{ bottom: pct(slaSeconds, max) }}
            data-testid="landing-sla-line"
          >
            <span className={classes.slaLabel}>
              SLA {formatDuration(slaSeconds)}
            </span>
          </span>
        )}
        {points.map(point => (
          <LandingBar key={point.execution.id} point={point} max={max} />
        ))}
      </Box>
      <Box className={classes.ticks}>
        {points.map((point, i) => (
          <span key={point.execution.id} className={classes.tick}>
            {tickIndices(points.length, 7).includes(i)
              ? formatAxisDate(point.execution.startedOn, span)
              : ''}
          </span>
        ))}
      </Box>
      <Typography variant="caption" color="textSecondary">
        {sla
          ? `SLA: ${describeSla(sla)}${
              sla.kind === 'time-of-day'
                ? ' (dotted: each execution’s deadline)'
                : ''
            }. Late executions are red.`
          : `No SLA is set (annotation ${ANNOTATION_AWS_GLUE_SLA}).`}
      </Typography>
    </Box>
  );
}
