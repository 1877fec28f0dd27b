import { ReactNode } from 'react';
import { Box, Grid, GridSize, Typography, makeStyles } from '@material-ui/core';

const useStyles = makeStyles(
  theme => ({
    label: {
      color: theme.palette.text.secondary,
      textTransform: 'uppercase',
      fontSize: '0.7rem',
      fontWeight: theme.typography.fontWeightBold as number,
      letterSpacing: 0.5,
    },
    value: {
      wordBreak: 'break-word',
    },
  }),
  { name: 'AwsGlueField' },
);

/** The label of a {@link Field}, also a heading of its own (a section of a panel). */
export function FieldLabel(props: { children: ReactNode }) {
  const classes = useStyles();
  return (
    <Typography className={classes.label} component="h3">
      {props.children}
    </Typography>
  );
}

/** Props of {@link Field}. */
export interface FieldProps {
  label: string;
  /** Text (shown as body text) or any element. */
  children: ReactNode;
  /** Grid columns; 12 by default. */
  xs?: GridSize;
  /** Grid columns from `sm` up; 6 by default. */
  sm?: GridSize;
  md?: GridSize;
}

/** A labelled value in a grid of a card or panel. */
export function Field(props: FieldProps) {
  const classes = useStyles();
  const { label, children, xs = 12, sm = 6, md } = props;
  const text = typeof children === 'string' || typeof children === 'number';
  return (
    <Grid item xs={xs} sm={sm} md={md}>
      <FieldLabel>{label}</FieldLabel>
      <Box className={classes.value}>
        {text ? <Typography variant="body2">{children}</Typography> : children}
      </Box>
    </Grid>
  );
}
