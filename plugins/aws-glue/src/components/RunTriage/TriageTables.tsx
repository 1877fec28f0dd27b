import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  GlueArgumentSource,
  GlueEffectiveArgument,
  GlueRunChange,
} from '@aws-glue-backstage/plugin-aws-glue-common';

const useStyles = makeStyles(
  theme => ({
    mono: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      wordBreak: 'break-all',
    },
    unset: { fontStyle: 'italic', color: theme.palette.text.secondary },
  }),
  { name: 'AwsGlueTriageTables' },
);

/** Where an argument came from, in words. */
export const ARGUMENT_SOURCES: Record<GlueArgumentSource, string> = {
  default: 'default',
  run: 'run',
  'run-overrides-default': 'run overrides default',
};

function Value(props: { value?: string }) {
  const classes = useStyles();
  return props.value === undefined ? (
    <span className={classes.unset}>not set</span>
  ) : (
    <span className={classes.mono}>{props.value}</span>
  );
}

/** The differences from the last successful run: field, before, after, argument or definition. */
export function ChangesTable(props: { changes: GlueRunChange[] }) {
  const classes = useStyles();
  if (props.changes.length === 0) {
    return <Typography variant="body2">No differences</Typography>;
  }
  return (
    <Table size="small" aria-label="What changed">
      <TableHead>
        <TableRow>
          <TableCell>Field</TableCell>
          <TableCell>Before</TableCell>
          <TableCell>After</TableCell>
          <TableCell>Kind</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.changes.map(change => (
          <TableRow key={`${change.kind}:${change.field}`}>
            <TableCell className={classes.mono}>{change.field}</TableCell>
            <TableCell>
              <Value value={change.before} />
            </TableCell>
            <TableCell>
              <Value value={change.after} />
            </TableCell>
            <TableCell>{change.kind}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The run's effective arguments, each with where it came from. */
export function EffectiveArgumentsTable(props: {
  args: GlueEffectiveArgument[];
}) {
  const classes = useStyles();
  if (props.args.length === 0) {
    return <Typography variant="body2">No arguments</Typography>;
  }
  return (
    <Table size="small" aria-label="Effective arguments">
      <TableHead>
        <TableRow>
          <TableCell>Key</TableCell>
          <TableCell>Value</TableCell>
          <TableCell>From</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.args.map(arg => (
          <TableRow key={arg.key}>
            <TableCell className={classes.mono}>{arg.key}</TableCell>
            <TableCell className={classes.mono}>{arg.value}</TableCell>
            <TableCell>{ARGUMENT_SOURCES[arg.source] ?? arg.source}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
