import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Box,
  FormControlLabel,
  MenuItem,
  Switch,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  GLUE_ANNOTATIONS,
  GLUE_ENTITY_TYPES,
  getGlueJobArns,
  parseGlueArn,
  runStatusCategory,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { LatestRunState, useLatestRuns } from '../../hooks';
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
} from '../../lib/format';
import { RunStatus } from '../RunStatus';

/**
 * Props of {@link AwsGluePage}.
 *
 * @public
 */
export interface AwsGluePageProps {
  /** `AWS Glue` by default. */
  title?: string;
  subtitle?: string;
  /** How many entities' latest runs to load at once; 4 by default. */
  concurrency?: number;
}

/** One row of the overview: a job entity and what is known of its latest run. */
export interface GlueJobRow {
  id: string;
  entity: Entity;
  title: string;
  owner?: string;
  accountId?: string;
  region?: string;
  latest: LatestRunState;
}

const useStyles = makeStyles(
  theme => ({
    filters: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(2),
      marginBottom: theme.spacing(2),
    },
  }),
  { name: 'AwsGluePage' },
);

/** Failed first, then running, then the rest; most recent first within each. */
export function compareRows(a: GlueJobRow, b: GlueJobRow): number {
  const rank = (row: GlueJobRow) => {
    if (row.latest.status !== 'loaded') return 3;
    switch (runStatusCategory(row.latest.job?.latestRun?.state)) {
      case 'error':
        return 0;
      case 'running':
        return 1;
      default:
        return row.latest.job?.latestRun ? 2 : 3;
    }
  };
  const time = (row: GlueJobRow) =>
    row.latest.status === 'loaded'
      ? Date.parse(row.latest.job?.latestRun?.startedOn ?? '') || 0
      : 0;
  return (
    rank(a) - rank(b) || time(b) - time(a) || a.title.localeCompare(b.title)
  );
}

function ownerRef(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

function toRow(entity: Entity, latest: LatestRunState | undefined): GlueJobRow {
  const annotations = entity.metadata.annotations ?? {};
  const arn = parseGlueArn(getGlueJobArns(entity)[0] ?? '');
  return {
    id: stringifyEntityRef(entity),
    entity,
    title: entity.metadata.title ?? entity.metadata.name,
    owner: ownerRef(entity),
    accountId: annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? arn?.accountId,
    region: annotations[GLUE_ANNOTATIONS.region] ?? arn?.region,
    latest: latest ?? { status: 'loading' },
  };
}

const distinct = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort();

function Filter(props: {
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      select
      label={props.label}
      size="small"
      variant="outlined"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      InputLabelProps={{ shrink: true }}
      SelectProps={{
        displayEmpty: true,
        inputProps: {
          'aria-label': `Filter by ${props.label.toLocaleLowerCase('en-US')}`,
        },
      }}
      style={{ minWidth: 180 }}
    >
      <MenuItem value="">All</MenuItem>
      {props.options.map(option => (
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  );
}

function JobsTable(props: { entities: Entity[]; concurrency: number }) {
  const classes = useStyles();
  const identityApi = useApi(identityApiRef);
  const latest = useLatestRuns(props.entities, props.concurrency);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const myRefs = useMemo(
    () =>
      new Set(
        (identity.value?.ownershipEntityRefs ?? []).map(r =>
          r.toLocaleLowerCase('en-US'),
        ),
      ),
    [identity.value],
  );
  const [ownedByMe, setOwnedByMe] = useState(false);
  const [owner, setOwner] = useState('');
  const [account, setAccount] = useState('');
  const [region, setRegion] = useState('');

  const allRows = useMemo(
    () =>
      props.entities.map(entity =>
        toRow(entity, latest.get(stringifyEntityRef(entity))),
      ),
    [props.entities, latest],
  );
  const rows = allRows
    .filter(
      row =>
        !ownedByMe ||
        (row.owner !== undefined &&
          myRefs.has(row.owner.toLocaleLowerCase('en-US'))),
    )
    .filter(row => !owner || row.owner === owner)
    .filter(row => !account || row.accountId === account)
    .filter(row => !region || row.region === region)
    .sort(compareRows);

  const stateOf = (row: GlueJobRow) =>
    row.latest.status === 'loaded'
      ? row.latest.job?.latestRun?.state
      : undefined;
  const failing = rows.filter(
    r => runStatusCategory(stateOf(r)) === 'error',
  ).length;
  const running = rows.filter(
    r => runStatusCategory(stateOf(r)) === 'running',
  ).length;
  const loading = allRows.filter(r => r.latest.status === 'loading').length;

  const columns: TableColumn<GlueJobRow>[] = [
    {
      title: 'Job',
      field: 'title',
      highlight: true,
      render: row => (
        <EntityRefLink entityRef={row.entity}>{row.title}</EntityRefLink>
      ),
    },
    {
      title: 'Owner',
      field: 'owner',
      render: row =>
        row.owner ? <EntityRefLink entityRef={row.owner} /> : '—',
    },
    {
      title: 'Last run',
      sorting: false,
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => {
        if (row.latest.status === 'loading') {
          return (
            <Typography variant="body2" color="textSecondary">
              Loading…
            </Typography>
          );
        }
        if (row.latest.status === 'error') {
          return (
            <Typography
              variant="body2"
              color="error"
              title={row.latest.error.message}
            >
              Unavailable
            </Typography>
          );
        }
        return <RunStatus state={row.latest.job?.latestRun?.state} />;
      },
    },
    {
      title: 'When',
      sorting: false,
      render: row => {
        const run =
          row.latest.status === 'loaded'
            ? row.latest.job?.latestRun
            : undefined;
        return run ? (
          <span title={formatDateTime(run.startedOn)}>
            {formatRelativeTime(run.startedOn)}
          </span>
        ) : (
          ''
        );
      },
    },
    {
      title: 'Duration',
      sorting: false,
      render: row =>
        row.latest.status === 'loaded' && row.latest.job?.latestRun
          ? formatDuration(row.latest.job.latestRun.durationSeconds)
          : '',
    },
    { title: 'Account', field: 'accountId' },
    { title: 'Region', field: 'region' },
  ];

  return (
    <>
      <Box className={classes.filters}>
        <FormControlLabel
          control={
            <Switch
              checked={ownedByMe}
              onChange={e => setOwnedByMe(e.target.checked)}
              color="primary"
            />
          }
          label="Owned by me"
        />
        <Filter
          label="Owner"
          value={owner}
          options={distinct(allRows.map(r => r.owner))}
          onChange={setOwner}
        />
        <Filter
          label="Account"
          value={account}
          options={distinct(allRows.map(r => r.accountId))}
          onChange={setAccount}
        />
        <Filter
          label="Region"
          value={region}
          options={distinct(allRows.map(r => r.region))}
          onChange={setRegion}
        />
      </Box>
      <Table<GlueJobRow>
        title="Glue jobs"
        subtitle={`${rows.length} jobs, ${failing} failing, ${running} running${
          loading ? ` (loading ${loading} more)` : ''
        }`}
        options={{
          paging: rows.length > 50,
          pageSize: 50,
          pageSizeOptions: [50, 100, 200],
          search: true,
          padding: 'dense',
        }}
        columns={columns}
        data={rows}
      />
    </>
  );
}

/** Every Glue job in the catalog with its owner and latest run, failing first. */
export function GlueJobsPage(props: AwsGluePageProps) {
  const catalogApi = useApi(catalogApiRef);
  const entities = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: { kind: 'component', 'spec.type': GLUE_ENTITY_TYPES.job },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
        'spec.owner',
        'spec.type',
      ],
    });
    return response.items;
  }, [catalogApi]);

  let content;
  if (entities.loading) {
    content = <Progress />;
  } else if (entities.error) {
    content = <ResponseErrorPanel error={entities.error} />;
  } else if (!entities.value || entities.value.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No Glue jobs in the catalog"
        description="Configure catalog.providers.awsGlue so that the catalog imports your AWS Glue jobs."
      />
    );
  } else {
    content = (
      <JobsTable
        entities={entities.value}
        concurrency={props.concurrency ?? 4}
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={props.title ?? 'AWS Glue'}
        subtitle={
          props.subtitle ??
          'Every Glue job in the catalog, failing first, with its owner and latest run'
        }
      />
      <Content>{content}</Content>
    </Page>
  );
}
