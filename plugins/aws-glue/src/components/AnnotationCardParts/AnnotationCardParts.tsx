import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Box,
  Grid,
  Table as MuiTable,
  TableBody,
  TableCell,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  Link,
  StatusAborted,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityRefLink,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import {
  GLUE_ANNOTATIONS,
  getGlueResourceKind,
} from '@aws-glue-backstage/plugin-aws-glue-common';

export const useCardStyles = makeStyles(
  theme => ({
    label: {
      color: theme.palette.text.secondary,
      textTransform: 'uppercase',
      fontSize: '0.7rem',
      fontWeight: theme.typography.fontWeightBold as number,
      letterSpacing: 0.5,
    },
    mono: {
      fontFamily: 'monospace',
      fontSize: '0.8rem',
      wordBreak: 'break-all',
    },
    redacted: {
      fontStyle: 'italic',
      color: theme.palette.text.secondary,
    },
    list: {
      margin: 0,
      paddingLeft: theme.spacing(2.5),
    },
  }),
  { name: 'AwsGlueAnnotationCard' },
);

/** A labelled value in a card grid. */
export function CardField(props: {
  label: string;
  children: ReactNode;
  sm?: 12 | 6 | 4;
}) {
  const classes = useCardStyles();
  return (
    <Grid item xs={12} sm={props.sm ?? 6}>
      <Typography className={classes.label} component="h3">
        {props.label}
      </Typography>
      <Box>
        {typeof props.children === 'string' ? (
          <Typography variant="body2">{props.children}</Typography>
        ) : (
          props.children
        )}
      </Box>
    </Grid>
  );
}

/** Trigger state: `ACTIVATED` ok, `DEACTIVATED` aborted, others pending. */
export function TriggerState(props: { state?: string }) {
  const { state } = props;
  if (!state) return <Typography variant="body2">—</Typography>;
  if (state === 'ACTIVATED') return <StatusOK>{state}</StatusOK>;
  if (state === 'DEACTIVATED' || state === 'DELETING') {
    return <StatusAborted>{state}</StatusAborted>;
  }
  return <StatusPending>{state}</StatusPending>;
}

/** A key/value table of (redacted) arguments. */
export function ArgumentsTable(props: { args: Record<string, string> }) {
  const classes = useCardStyles();
  const entries = Object.entries(props.args);
  if (entries.length === 0) return <></>;
  return (
    <MuiTable size="small" aria-label="Arguments">
      <TableBody>
        {entries.map(([key, value]) => (
          <TableRow key={key}>
            <TableCell className={classes.mono}>{key}</TableCell>
            <TableCell
              className={
                value === '<redacted>' ? classes.redacted : classes.mono
              }
            >
              {value === '<redacted>' ? 'redacted' : value}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </MuiTable>
  );
}

/** The console link of a synced entity (the provider adds it to `metadata.links`). */
export function ConsoleLink(props: { entity: Entity }) {
  const link =
    props.entity.metadata.links?.find(l => /console/i.test(l.title ?? '')) ??
    props.entity.metadata.links?.[0];
  if (!link) return <></>;
  return (
    <Link to={link.url}>{`Open in the ${link.title ?? 'AWS console'}`}</Link>
  );
}

/** Related Glue entities of an entity, by Glue kind and Glue name. */
export interface RelatedGlueEntities {
  /** `job:<name>` or `crawler:<name>` → entity ref. */
  byGlueName: Map<string, string>;
  /** Related trigger entities. */
  triggers: Entity[];
}

/**
 * Looks up the entities an entity is related to (`dependsOn`,
 * `dependencyOf`), so that Glue names in annotations can link to them.
 */
export function useRelatedGlueEntities(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const refs = [
    ...getEntityRelations(entity, RELATION_DEPENDS_ON),
    ...getEntityRelations(entity, RELATION_DEPENDENCY_OF),
  ].map(ref => stringifyEntityRef(ref));
  const key = [...new Set(refs)].sort().join(',');
  return useAsync(async (): Promise<RelatedGlueEntities> => {
    const byGlueName = new Map<string, string>();
    const triggers: Entity[] = [];
    if (!key) return { byGlueName, triggers };
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: key.split(','),
      fields: ['kind', 'metadata', 'spec.type'],
    });
    for (const item of items) {
      if (!item) continue;
      const kind = getGlueResourceKind(item);
      const name = item.metadata.annotations?.[GLUE_ANNOTATIONS.name];
      if (kind === 'trigger') triggers.push(item);
      if (name && (kind === 'job' || kind === 'crawler')) {
        byGlueName.set(`${kind}:${name}`, stringifyEntityRef(item));
      }
    }
    return { byGlueName, triggers };
  }, [catalogApi, key]);
}

/** A Glue job or crawler name, linked to its entity when known. */
export function GlueNameLink(props: {
  kind: 'job' | 'crawler';
  name: string;
  related?: RelatedGlueEntities;
}) {
  const ref = props.related?.byGlueName.get(`${props.kind}:${props.name}`);
  return ref ? (
    <EntityRefLink entityRef={ref}>{props.name}</EntityRefLink>
  ) : (
    <strong>{props.name}</strong>
  );
}
