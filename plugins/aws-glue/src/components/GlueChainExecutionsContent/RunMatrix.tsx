import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
  useTheme,
} from '@material-ui/core';
import {
  GlueChainExecution,
  GlueChainExecutionsResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  MatrixCell,
  describeCell,
  executionLabel,
  isNotStarted,
  runMatrix,
} from '../../lib/executions';
import { formatAxisDate } from '../../lib/format';
import { stateColour } from '../../lib/stateColours';

const useStyles = makeStyles(
  theme => ({
    wrapper: { overflowX: 'auto' },
    cell: { padding: theme.spacing(0.5), textAlign: 'center' },
    selected: { background: theme.palette.action.selected },
    square: {
      display: 'block',
      margin: '0 auto',
      padding: 0,
      width: 22,
      height: 22,
      borderRadius: 3,
      border: `1px solid ${theme.palette.divider}`,
      cursor: 'pointer',
      '&:focus-visible': {
        outline: `2px solid ${theme.palette.primary.main}`,
        outlineOffset: 1,
      },
    },
    notStarted: { border: `1px dashed ${theme.palette.text.secondary}` },
    // the job names stay on one line; the cells scroll sideways instead
    rowHeader: { whiteSpace: 'nowrap', minWidth: 120, maxWidth: 280 },
    header: {
      fontSize: '0.7rem',
      color: theme.palette.text.secondary,
      whiteSpace: 'nowrap',
    },
  }),
  { name: 'AwsGlueRunMatrix' },
);

/** Props of {@link RunMatrix}. */
export interface RunMatrixProps {
  response: GlueChainExecutionsResponse;
  /** The execution shown in the timeline. */
  selectedId?: string;
  onSelect: (executionId: string) => void;
}

function Cell(props: {
  cell: MatrixCell;
  title: string;
  selected: boolean;
  onSelect: (executionId: string) => void;
}) {
  const { cell, title, selected } = props;
  const classes = useStyles();
  const theme = useTheme();
  const state = cell.node?.state;
  const colour = cell.node ? stateColour(theme.palette, state) : undefined;
  const text = describeCell(cell);
  return (
    <TableCell
      className={`${classes.cell} ${selected ? classes.selected : ''}`}
    >
      {/* a plain button with a native tooltip: a matrix has thousands of cells */}
      <button
        type="button"
        className={`${classes.square} ${
          cell.node && isNotStarted(cell.node) ? classes.notStarted : ''
        }`}
        style={{ background: colour ?? 'transparent' }}
        title={text}
        aria-label={`${title} in ${executionLabel(cell.execution)}: ${
          cell.node ? state : 'no run'
        }`}
        data-testid={`matrix-cell-${cell.nodeId}-${cell.execution.id}`}
        data-state={state ?? 'none'}
        onClick={() => props.onSelect(cell.execution.id)}
      />
    </TableCell>
  );
}

function ColumnHeader(props: {
  execution: GlueChainExecution;
  spanSeconds: number;
  selected: boolean;
}) {
  const classes = useStyles();
  const { execution } = props;
  return (
    <TableCell
      className={`${classes.cell} ${props.selected ? classes.selected : ''}`}
      title={executionLabel(execution)}
    >
      <span className={classes.header}>
        {formatAxisDate(execution.startedOn, props.spanSeconds)}
      </span>
    </TableCell>
  );
}

/** Seconds between the first and the last execution's start. */
function spanOf(columns: GlueChainExecution[]): number {
  const times = columns
    .map(c => Date.parse(c.startedOn ?? ''))
    .filter(t => !Number.isNaN(t));
  return times.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
}

/**
 * The run matrix: a row per job of the chain, a column per execution
 * (oldest left, newest right), each cell coloured by the state of the
 * job's run in it, empty when it had none; a click shows that execution.
 */
export function RunMatrix(props: RunMatrixProps) {
  const classes = useStyles();
  const { columns, cells } = runMatrix(props.response);
  const span = spanOf(columns);
  return (
    <div className={classes.wrapper}>
      <Typography variant="caption" color="textSecondary">
        Executions from oldest (left) to newest (right); click a cell to show
        its execution.
      </Typography>
      <Table size="small" aria-label="Run matrix" data-testid="run-matrix">
        <TableHead>
          <TableRow>
            <TableCell className={classes.rowHeader}>Job</TableCell>
            {columns.map(execution => (
              <ColumnHeader
                key={execution.id}
                execution={execution}
                spanSeconds={span}
                selected={execution.id === props.selectedId}
              />
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.response.rows.map((row, i) => (
            <TableRow key={row.nodeId}>
              <TableCell
                component="th"
                scope="row"
                className={classes.rowHeader}
              >
                {row.title}
              </TableCell>
              {cells[i].map(cell => (
                <Cell
                  key={cell.execution.id}
                  cell={cell}
                  title={row.title}
                  selected={cell.execution.id === props.selectedId}
                  onSelect={props.onSelect}
                />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
