import { ReactNode } from 'react';
import { Box, makeStyles } from '@material-ui/core';

const useStyles = makeStyles(
  theme => ({
    toolbar: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(2),
      marginBottom: theme.spacing(2),
    },
    spacer: {
      flex: 1,
    },
  }),
  { name: 'AwsGlueToolbar' },
);

/** A row of filters and buttons above a view, wrapping on narrow screens. */
export function Toolbar(props: { children: ReactNode }) {
  const classes = useStyles();
  return <Box className={classes.toolbar}>{props.children}</Box>;
}

/** Pushes what follows it in a {@link Toolbar} to the right. */
export function ToolbarSpacer() {
  const classes = useStyles();
  return <span className={classes.spacer} />;
}
