import { Box, Typography, makeStyles } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { Link } from '@backstage/core-components';
import { GlueRunTriageResponse } from '@aws-glue-backstage/plugin-aws-glue-common';

const useStyles = makeStyles(
  theme => ({
    log: { marginBottom: theme.spacing(1.5) },
    head: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'baseline',
      gap: theme.spacing(2),
    },
    name: { fontFamily: 'monospace', fontSize: '0.8rem' },
    lines: {
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
      fontFamily: 'monospace',
      fontSize: '0.75rem',
      color: theme.palette.text.primary,
      background: theme.palette.background.paper,
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(1),
      margin: theme.spacing(0.5, 0, 0),
      maxHeight: 320,
      overflow: 'auto',
    },
    time: { color: theme.palette.text.secondary },
  }),
  { name: 'AwsGlueTriageLog' },
);

type TriageLogStream = GlueRunTriageResponse['log'][number];

function LogStream(props: { log: TriageLogStream; index: number }) {
  const { log, index } = props;
  const classes = useStyles();
  return (
    <Box className={classes.log} data-testid={`triage-log-${index}`}>
      <Box className={classes.head}>
        <Typography variant="body2" className={classes.name}>
          {log.group} / {log.stream}
        </Typography>
        <Link to={log.consoleUrl}>Open in CloudWatch</Link>
      </Box>
      {log.error ? (
        <Alert severity="warning">{`This log could not be read: ${log.error}`}</Alert>
      ) : (
        <pre className={classes.lines}>
          {log.lines.length === 0
            ? 'No lines in this stream.'
            : log.lines.map(line => (
                <span key={`${line.timestamp}:${line.message}`}>
                  <span className={classes.time}>{line.timestamp} </span>
                  {line.message}
                  {'\n'}
                </span>
              ))}
        </pre>
      )}
    </Box>
  );
}

/** The last (redacted) lines of each of a failed run's logs, with a link to each stream. */
export function TriageLog(props: { logs: GlueRunTriageResponse['log'] }) {
  if (props.logs.length === 0) {
    return (
      <Typography variant="body2">
        No log streams of this run were found.
      </Typography>
    );
  }
  return (
    <>
      {props.logs.map((log, i) => (
        <LogStream key={`${log.group}/${log.stream}`} log={log} index={i} />
      ))}
    </>
  );
}
