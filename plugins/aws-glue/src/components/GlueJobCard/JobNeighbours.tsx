import { Box, Typography, makeStyles } from '@material-ui/core';
import { Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ChainLine, chainNeighbours } from '../../lib/chainNeighbours';

const useStyles = makeStyles(
  theme => ({
    lines: {
      display: 'flex',
      flexDirection: 'column',
      gap: theme.spacing(0.75),
    },
  }),
  { name: 'AwsGlueJobNeighbours' },
);

/** What the chain route says starts the job and what the job starts. */
type Neighbours = ReturnType<typeof chainNeighbours>;

/** A loading state of lines (of the catalog or of the chain). */
interface LinesState<T> {
  loading: boolean;
  value?: T;
}

/** One line per trigger or job: its title linked to its entity, the detail below. */
export function ChainLines(props: { lines: ChainLine[]; empty: string }) {
  const classes = useStyles();
  if (props.lines.length === 0) {
    return <Typography variant="body2">{props.empty}</Typography>;
  }
  return (
    <Box className={classes.lines}>
      {props.lines.map(line => (
        <Box key={line.key}>
          <Typography variant="body2">
            {line.entityRef ? (
              <EntityRefLink entityRef={line.entityRef}>
                {line.title}
              </EntityRefLink>
            ) : (
              line.title
            )}
          </Typography>
          {line.detail && (
            <Typography variant="body2" color="textSecondary">
              {line.detail}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}

/**
 * What starts the job: the triggers of the catalog (synced entities relate
 * to them), else the triggers of the chain (hand-written entities).
 */
export function StartedBy(props: {
  catalogTriggers: LinesState<ChainLine[]>;
  neighbours: LinesState<Neighbours>;
}) {
  const { catalogTriggers, neighbours } = props;
  if (catalogTriggers.value && catalogTriggers.value.length > 0) {
    return <ChainLines lines={catalogTriggers.value} empty="" />;
  }
  if (neighbours.loading || catalogTriggers.loading) {
    return <Progress />;
  }
  if (neighbours.value) {
    return (
      <ChainLines
        lines={neighbours.value.startedBy}
        empty="No trigger: started on demand (console, API or another tool)"
      />
    );
  }
  return (
    <Typography variant="body2">No trigger found in the catalog</Typography>
  );
}

/** What the job starts or feeds, from the chain. */
export function Starts(props: { neighbours: LinesState<Neighbours> }) {
  const { neighbours } = props;
  if (neighbours.loading) {
    return <Progress />;
  }
  if (neighbours.value) {
    return (
      <ChainLines lines={neighbours.value.starts} empty="Nothing downstream" />
    );
  }
  return <Typography variant="body2">Chain unavailable</Typography>;
}
