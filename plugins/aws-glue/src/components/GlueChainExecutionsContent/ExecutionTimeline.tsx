import {
  Box,
  ButtonBase,
  Typography,
  makeStyles,
  useTheme,
} from '@material-ui/core';
import {
  GlueChainExecution,
  GlueExecutionNode,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { Timeline, TimelineRow, executionTimeline } from '../../lib/executions';
import {
  formatAxisDate,
  formatDateTime,
  formatDuration,
} from '../../lib/format';
import { stateColour } from '../../lib/stateColours';

const useStyles = makeStyles(
  theme => ({
    row: {
      display: 'flex',
      alignItems: 'center',
      minHeight: 32,
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    label: {
      width: 200,
      flexShrink: 0,
      paddingRight: theme.spacing(1),
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
    track: { position: 'relative', flex: 1, height: 24 },
    bar: {
      position: 'absolute',
      top: 2,
      height: 20,
      minWidth: 3,
      borderRadius: 3,
      justifyContent: 'flex-start',
      overflow: 'hidden',
      padding: theme.spacing(0, 0.5),
      fontSize: '0.7rem',
      whiteSpace: 'nowrap',
    },
    critical: {
      boxShadow: `0 0 0 2px ${theme.palette.background.paper}, 0 0 0 4px ${theme.palette.text.primary}`,
    },
    notStarted: {
      position: 'absolute',
      inset: '2px 0',
      border: `1px dashed ${theme.palette.text.secondary}`,
      borderRadius: 3,
      color: theme.palette.text.secondary,
      fontSize: '0.7rem',
      display: 'flex',
      alignItems: 'center',
      paddingLeft: theme.spacing(1),
    },
    gap: {
      position: 'absolute',
      top: 12,
      borderTop: `1px dashed ${theme.palette.text.secondary}`,
    },
    gapLabel: {
      // above the dashed line, ending where the bar starts (the track to
      // the left of a row's bar is empty)
      position: 'absolute',
      right: 4,
      bottom: 0,
      lineHeight: 1,
      whiteSpace: 'nowrap',
      color: theme.palette.text.secondary,
      fontSize: '0.65rem',
      paddingRight: 2,
    },
    axis: {
      display: 'flex',
      justifyContent: 'space-between',
      marginLeft: 200,
      color: theme.palette.text.secondary,
      fontSize: '0.7rem',
    },
    legend: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(2),
      marginTop: theme.spacing(1),
      color: theme.palette.text.secondary,
      fontSize: '0.75rem',
    },
    swatch: {
      display: 'inline-block',
      width: 14,
      height: 10,
      marginRight: 6,
      verticalAlign: 'middle',
      borderRadius: 2,
    },
  }),
  { name: 'AwsGlueExecutionTimeline' },
);

const percent = (fraction: number) => `${fraction * 100}%`;

/** `glueetl: FAILED, 10m 00s, on the critical path`. */
function describeBar(node: GlueExecutionNode): string {
  return `${node.jobName}: ${node.state}, ${formatDuration(
    node.durationSeconds,
  )}${node.critical ? ', on the critical path' : ''}`;
}

/** The trigger delay before a bar: a dashed line with its length. */
function Gap(props: { row: TimelineRow }) {
  const classes = useStyles();
  const { gap, node } = props.row;
  if (!gap) return null;
  const text = `+${formatDuration(gap.seconds)}`;
  return (
    <span
      className={classes.gap}
      style={{ left: percent(gap.left), width: percent(gap.width) }}
      data-testid={`execution-gap-${node.nodeId}`}
      title={`Trigger delay: ${formatDuration(
        gap.seconds,
      )} from the end of the run that started it`}
    >
      <span className={classes.gapLabel}>{text}</span>
    </span>
  );
}

function Bar(props: {
  row: TimelineRow;
  onOpen: (node: GlueExecutionNode) => void;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const { node, bar } = props.row;
  if (!bar) {
    return (
      <span
        className={classes.notStarted}
        data-testid={`execution-bar-${node.nodeId}`}
        data-state={node.state}
      >
        not started
      </span>
    );
  }
  const colour =
    stateColour(theme.palette, node.state) ?? theme.palette.grey[500];
  return (
    // a native tooltip: a chain may have hundreds of nodes
    <ButtonBase
      className={`${classes.bar} ${node.critical ? classes.critical : ''}`}
      style={{
        left: percent(bar.left),
        width: percent(bar.width),
        background: colour,
        color: theme.palette.getContrastText(colour),
      }}
      title={`${describeBar(node)}; started ${formatDateTime(node.startedOn)}${
        node.errorMessage ? `; ${node.errorMessage}` : ''
      }`}
      aria-label={`${describeBar(node)}. Open run ${node.runId}`}
      data-testid={`execution-bar-${node.nodeId}`}
      data-state={node.state}
      data-critical={node.critical ? 'true' : 'false'}
      onClick={() => props.onOpen(node)}
    >
      {formatDuration(node.durationSeconds)}
    </ButtonBase>
  );
}

function TimelineAxis(props: { timeline: Timeline }) {
  const classes = useStyles();
  const { start, end } = props.timeline;
  const span = (end - start) / 1000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return (
    <Box className={classes.axis} data-testid="execution-timeline-axis">
      <span>{formatAxisDate(iso(start), span)}</span>
      <span>{formatDuration(span)}</span>
      <span>{formatAxisDate(iso(end), span)}</span>
    </Box>
  );
}

function TimelineLegend() {
  const classes = useStyles();
  const theme = useTheme();
  const swatch = (style: object) => (
    <span className={classes.swatch} style={style} />
  );
  return (
    <Box className={classes.legend}>
      <span>
        {swatch({
          background: theme.palette.success.main,
          boxShadow: `0 0 0 2px ${theme.palette.text.primary}`,
        })}
        critical path
      </span>
      <span>
        {swatch({ background: theme.palette.error.main })}
        failed
      </span>
      <span>
        {swatch({ border: `1px dashed ${theme.palette.text.secondary}` })}
        not started
      </span>
      <span>+ trigger delay before a run</span>
    </Box>
  );
}

/** Props of {@link ExecutionTimeline}. */
export interface ExecutionTimelineProps {
  execution: GlueChainExecution;
  /** A click on a bar: the node's run. */
  onOpenRun: (node: GlueExecutionNode) => void;
  /** For tests; `Date.now()` by default. */
  now?: number;
}

/**
 * One execution on a shared time axis: a row per node with a bar from its
 * run's start to its end, the trigger delay before it, the critical path
 * outlined, failed runs in the error colour and nodes that did not start
 * as an empty dashed row.
 */
export function ExecutionTimeline(props: ExecutionTimelineProps) {
  const classes = useStyles();
  const timeline = executionTimeline(props.execution, props.now);
  return (
    <Box
      role="group"
      aria-label="Execution timeline"
      data-testid="execution-timeline"
    >
      <TimelineAxis timeline={timeline} />
      {timeline.rows.map(row => (
        <Box
          key={row.node.nodeId}
          className={classes.row}
          data-testid={`execution-row-${row.node.nodeId}`}
        >
          <Typography
            variant="body2"
            className={classes.label}
            title={row.node.nodeId}
          >
            {row.node.jobName}
          </Typography>
          <Box className={classes.track}>
            <Gap row={row} />
            <Bar row={row} onOpen={props.onOpenRun} />
          </Box>
        </Box>
      ))}
      <TimelineLegend />
    </Box>
  );
}
