import { Box, Button, Typography, makeStyles } from '@material-ui/core';
import type { CursorPagerState } from '../../hooks';

const useStyles = makeStyles(
  theme => ({
    pager: {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'flex-end',
      gap: theme.spacing(1),
      marginTop: theme.spacing(1),
    },
  }),
  { name: 'AwsGlueCursorPager' },
);

/** Props of {@link CursorPager}. */
export interface CursorPagerProps {
  /** From `useCursorPager`. */
  pager: CursorPagerState;
  /** The cursor of the next page (the current page's `nextToken`); none on the last page. */
  nextCursor?: string;
}

/** Page number, previous and next, for pages reached by cursors. */
export function CursorPager(props: CursorPagerProps) {
  const { pager, nextCursor } = props;
  const classes = useStyles();
  return (
    <Box className={classes.pager}>
      <Typography variant="body2" color="textSecondary">
        Page {pager.page}
      </Typography>
      <Button
        size="small"
        disabled={!pager.previous}
        onClick={() => pager.previous?.()}
      >
        Previous
      </Button>
      <Button
        size="small"
        disabled={!nextCursor}
        onClick={() => nextCursor && pager.next(nextCursor)}
      >
        Next
      </Button>
    </Box>
  );
}
