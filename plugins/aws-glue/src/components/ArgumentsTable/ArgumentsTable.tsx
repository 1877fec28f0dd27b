import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  makeStyles,
} from '@material-ui/core';

/** What the entity provider and backend put in place of a secret. */
export const REDACTED = '<redacted>';

const useStyles = makeStyles(
  theme => ({
    mono: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      wordBreak: 'break-all',
    },
    redacted: {
      fontStyle: 'italic',
      color: theme.palette.text.secondary,
    },
  }),
  { name: 'AwsGlueArgumentsTable' },
);

/** Props of {@link ArgumentsTable}. */
export interface ArgumentsTableProps {
  args: Record<string, string>;
  /** The table's accessible name; `Arguments` by default. */
  label?: string;
  /** Shows a Key / Value header row. */
  header?: boolean;
  /** Orders the keys alphabetically. */
  sorted?: boolean;
}

/** A key/value table of (redacted) job arguments; nothing without arguments. */
export function ArgumentsTable(props: ArgumentsTableProps) {
  const { args, label = 'Arguments', header, sorted } = props;
  const classes = useStyles();
  const entries = Object.entries(args);
  if (sorted) entries.sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <></>;
  return (
    <Table size="small" aria-label={label}>
      {header && (
        <TableHead>
          <TableRow>
            <TableCell>Key</TableCell>
            <TableCell>Value</TableCell>
          </TableRow>
        </TableHead>
      )}
      <TableBody>
        {entries.map(([key, value]) => (
          <TableRow key={key}>
            <TableCell className={classes.mono}>{key}</TableCell>
            <TableCell
              className={value === REDACTED ? classes.redacted : classes.mono}
            >
              {value === REDACTED ? 'redacted' : value}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
