import {
  KeyboardEvent,
  useCallback,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { useNavigate } from 'react-router-dom';
import { Box, Typography, makeStyles, useTheme } from '@material-ui/core';
import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  GlueChainNode,
  GlueChainResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { stateColour } from '../../lib/stateColours';
import {
  buildChainGraph,
  ChainGraphEdge,
  ChainNodeData,
} from '../../lib/chain';
import {
  describeSchedule,
  formatRelativeTime,
  withoutRepeatedSentences,
} from '../../lib/format';

/** Props of {@link ChainGraph}. */
export interface ChainGraphProps {
  chain: GlueChainResponse;
  showDatasets: boolean;
  collapseTriggers?: boolean;
  /** Minimum height of the drawing area in px. */
  height?: number;
  zoom?: 'enabled' | 'disabled' | 'enable-on-click';
  /** `horizontal` (upstream left) by default; `vertical` for narrow cards. */
  layout?: 'horizontal' | 'vertical';
}

const useStyles = makeStyles(
  theme => ({
    node: {
      cursor: 'pointer',
      outline: 'none',
      '&:focus-visible rect': {
        strokeWidth: 4,
      },
    },
    title: {
      fontSize: 13,
      fontWeight: theme.typography.fontWeightMedium as number,
    },
    subtitle: {
      fontSize: 11,
    },
    legend: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(2),
      marginTop: theme.spacing(1),
    },
    swatch: {
      display: 'inline-block',
      width: 12,
      height: 12,
      borderRadius: 2,
      marginRight: 4,
      verticalAlign: 'middle',
      border: `1px solid ${theme.palette.divider}`,
    },
  }),
  { name: 'AwsGlueChainGraph' },
);

const MAX_CHARS = 40;
const truncate = (text: string) =>
  text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;

/** The second line of a node: latest state, schedule or condition. */
export function nodeSubtitle(node: GlueChainNode): string {
  switch (node.kind) {
    case 'job':
    case 'crawler': {
      if (node.restricted) return 'runs hidden (no access)';
      const run = node.latestRun;
      if (!run) return node.kind === 'crawler' ? 'crawler' : 'no runs';
      const when = run.completedOn ?? run.startedOn;
      return when ? `${run.state} ${formatRelativeTime(when)}` : run.state;
    }
    case 'trigger': {
      const trigger = node.trigger ?? {};
      const state = trigger.state === 'DEACTIVATED' ? ' (deactivated)' : '';
      switch (trigger.type) {
        case 'SCHEDULED':
          return `${
            describeSchedule(trigger.schedule) ??
            trigger.schedule ??
            'scheduled'
          }${state}`;
        case 'CONDITIONAL':
          return `when ${
            trigger.logical === 'ANY' ? 'ANY condition' : 'ALL conditions'
          } met${state}`;
        case 'ON_DEMAND':
          return 'on demand';
        case 'EVENT':
          return `on EventBridge events${state}`;
        default:
          return `trigger${state}`;
      }
    }
    case 'dataset':
      return 'dataset';
    default:
      return '';
  }
}

function useNodeColours(node: GlueChainNode) {
  const theme = useTheme();
  const plain = {
    fill: theme.palette.background.paper,
    stroke: theme.palette.text.secondary,
    text: theme.palette.text.primary,
  };
  if (node.kind === 'trigger') {
    return { ...plain, fill: theme.palette.background.default };
  }
  if (node.kind === 'dataset') {
    return { ...plain, stroke: theme.palette.secondary.main };
  }
  if (node.kind !== 'job' && node.kind !== 'crawler') {
    return plain;
  }
  const fillFor = (colour: string) => ({
    fill: colour,
    stroke: colour,
    text: theme.palette.getContrastText(colour),
  });
  const colour = stateColour(theme.palette, node.latestRun?.state);
  return colour ? fillFor(colour) : plain;
}

function ChainNode(props: DependencyGraphTypes.RenderNodeProps<ChainNodeData>) {
  const { node: chainNode, isRoot } = props.node;
  const classes = useStyles();
  const theme = useTheme();
  const navigate = useNavigate();
  const entityRoute = useRouteRef(entityRouteRef);
  const colours = useNodeColours(chainNode);
  const title = truncate(chainNode.title);
  const subtitle = truncate(nodeSubtitle(chainNode));
  const width = Math.min(
    320,
    Math.max(120, Math.max(title.length * 7.5, subtitle.length * 6.2) + 24),
  );
  const height = subtitle ? 46 : 30;

  let target: string | undefined;
  try {
    target = entityRoute(entityRouteParams(parseEntityRef(chainNode.id)));
  } catch {
    target = undefined;
  }
  const open = () => {
    if (target) navigate(target);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };

  return (
    <g
      className={classes.node}
      role="link"
      tabIndex={0}
      aria-label={`${chainNode.kind} ${chainNode.title}${
        chainNode.latestRun ? `, ${chainNode.latestRun.state}` : ''
      }${chainNode.restricted ? ', runs hidden' : ''}`}
      data-testid={`chain-node-${chainNode.id}`}
      data-state={chainNode.latestRun?.state}
      onClick={open}
      onKeyDown={onKeyDown}
    >
      <title>
        {[
          chainNode.title,
          chainNode.trigger?.description &&
            withoutRepeatedSentences(chainNode.trigger.description),
          nodeSubtitle(chainNode),
        ]
          .filter(Boolean)
          .join('\n')}
      </title>
      <rect
        width={width}
        height={height}
        rx={chainNode.kind === 'dataset' ? height / 2 : 6}
        fill={colours.fill}
        stroke={isRoot ? theme.palette.primary.main : colours.stroke}
        strokeWidth={isRoot ? 3 : 1.5}
        strokeDasharray={chainNode.kind === 'trigger' ? '5 3' : undefined}
      />
      <text
        x={width / 2}
        y={subtitle ? 19 : 20}
        textAnchor="middle"
        fill={colours.text}
        className={classes.title}
      >
        {title}
      </text>
      {subtitle && (
        <text
          x={width / 2}
          y={36}
          textAnchor="middle"
          fill={colours.text}
          className={classes.subtitle}
        >
          {subtitle}
        </text>
      )}
    </g>
  );
}

/** A legend of the node colours. */
export function ChainLegend() {
  const classes = useStyles();
  const theme = useTheme();
  const items = [
    { label: 'Succeeded', colour: theme.palette.success.main },
    { label: 'Failed', colour: theme.palette.error.main },
    { label: 'Running', colour: theme.palette.info.main },
    { label: 'Stopped', colour: theme.palette.grey[600] },
    { label: 'Trigger', colour: theme.palette.background.default },
    { label: 'No runs / dataset', colour: theme.palette.background.paper },
  ];
  return (
    <Box className={classes.legend}>
      {items.map(item => (
        <Typography key={item.label} variant="caption" color="textSecondary">
          <span
            className={classes.swatch}
            style={{ background: item.colour }}
          />
          {item.label}
        </Typography>
      ))}
    </Box>
  );
}

const renderNode = (
  props: DependencyGraphTypes.RenderNodeProps<ChainNodeData>,
) => <ChainNode {...props} />;

/**
 * The chain of an entity as a graph, left (upstream) to right (downstream):
 * jobs coloured by their latest run, triggers as dashed nodes, datasets
 * folded into `data` edges unless shown; click a node to open its entity.
 */
export function ChainGraph(props: ChainGraphProps) {
  const { chain, showDatasets, collapseTriggers, height = 400, zoom } = props;
  const graph = useMemo(
    () => buildChainGraph(chain, { showDatasets, collapseTriggers }),
    [chain, showDatasets, collapseTriggers],
  );
  const naturalWidth = useNaturalGraphWidth();
  return (
    <div
      data-testid="glue-chain-graph"
      ref={naturalWidth.ref}
      style={{
        minHeight: height,
        maxWidth: naturalWidth.width,
        margin: '0 auto',
      }}
    >
      <DependencyGraph<ChainNodeData, ChainGraphEdge>
        nodes={graph.nodes}
        edges={graph.edges}
        renderNode={renderNode}
        direction={
          props.layout === 'vertical'
            ? DependencyGraphTypes.Direction.TOP_BOTTOM
            : DependencyGraphTypes.Direction.LEFT_RIGHT
        }
        labelPosition={DependencyGraphTypes.LabelPosition.CENTER}
        rankMargin={props.layout === 'vertical' ? 50 : 80}
        nodeMargin={30}
        paddingX={20}
        paddingY={20}
        showArrowHeads
        zoom={zoom ?? 'enable-on-click'}
      />
    </div>
  );
}

/**
 * `DependencyGraph` stretches a small graph to the full width of its
 * container; this reads the graph's own width from the SVG's viewBox so
 * that the container can be limited to it (no upscaling, large graphs
 * unaffected).
 */
function useNaturalGraphWidth() {
  const [element, setElement] = useState<HTMLElement | undefined>(undefined);
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!element || typeof MutationObserver === 'undefined') {
      return undefined;
    }
    const read = () => {
      // The graph's own SVG (not the icons next to it).
      const svg =
        element.querySelector('svg#dependency-graph') ??
        element.querySelector('svg[viewBox]:not(.MuiSvgIcon-root)');
      const viewBox = svg?.getAttribute('viewBox')?.split(/\s+/).map(Number);
      if (viewBox && viewBox[2] > 0) {
        setWidth(viewBox[2]);
      }
    };
    const observer = new MutationObserver(read);
    observer.observe(element, {
      attributes: true,
      attributeFilter: ['viewBox'],
      subtree: true,
      childList: true,
    });
    read();
    return () => observer.disconnect();
  }, [element]);
  const ref = useCallback((node: HTMLElement | null) => {
    setElement(node ?? undefined);
  }, []);
  return { ref, width };
}
