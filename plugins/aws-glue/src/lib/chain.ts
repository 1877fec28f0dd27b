import {
  GlueChainEdge,
  GlueChainNode,
  GlueChainResponse,
  isFailedRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** Data of a node of the chain graph. */
export interface ChainNodeData {
  node: GlueChainNode;
  /** The entity the chain was asked for. */
  isRoot: boolean;
}

/** A node of the chain graph as `DependencyGraph` takes it. */
export type ChainGraphNode = ChainNodeData & { id: string };

/** An edge of the chain graph as `DependencyGraph` takes it. */
export interface ChainGraphEdge {
  from: string;
  to: string;
  label?: string;
  kind: GlueChainEdge['kind'];
  /** True when it stands for a hidden dataset or trigger in between. */
  collapsed?: boolean;
}

/** Options of {@link buildChainGraph}. */
export interface ChainGraphOptions {
  /** Show dataset nodes; when off, `A -> dataset -> B` becomes `A -> B` labelled `data`. */
  showDatasets: boolean;
  /**
   * Replace trigger nodes that watch something by edges labelled with the
   * condition (`A -[AND: SUCCEEDED]-> B`). Triggers nothing feeds (scheduled,
   * on demand) stay nodes.
   */
  collapseTriggers?: boolean;
}

/**
 * Nodes and edges for `DependencyGraph`, with datasets (and optionally
 * triggers) folded into the edges between the nodes around them.
 */
export function buildChainGraph(
  chain: GlueChainResponse,
  options: ChainGraphOptions,
): { nodes: ChainGraphNode[]; edges: ChainGraphEdge[] } {
  const known = new Set(chain.nodes.map(n => n.id));
  let edges: ChainGraphEdge[] = chain.edges
    .filter(e => known.has(e.from) && known.has(e.to) && e.from !== e.to)
    .map(e => ({ from: e.from, to: e.to, label: e.label, kind: e.kind }));

  const hidden = chain.nodes.filter(node => {
    if (node.id === chain.root) return false;
    if (node.kind === 'dataset') return !options.showDatasets;
    if (node.kind === 'trigger' && options.collapseTriggers) {
      return edges.some(e => e.to === node.id);
    }
    return false;
  });

  for (const node of hidden) {
    const incoming = edges.filter(e => e.to === node.id);
    const outgoing = edges.filter(e => e.from === node.id);
    edges = edges.filter(e => e.to !== node.id && e.from !== node.id);
    for (const before of incoming) {
      for (const after of outgoing) {
        if (before.from === after.to) continue;
        edges.push({
          from: before.from,
          to: after.to,
          kind: node.kind === 'dataset' ? 'lineage' : before.kind,
          label: node.kind === 'dataset' ? 'data' : before.label,
          collapsed: true,
        });
      }
    }
  }

  const seen = new Set<string>();
  const uniqueEdges = edges.filter(e => {
    const key = `${e.from}\u0000${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const hiddenIds = new Set(hidden.map(n => n.id));
  return {
    nodes: chain.nodes
      .filter(n => !hiddenIds.has(n.id))
      .map(n => ({ id: n.id, node: n, isRoot: n.id === chain.root })),
    edges: uniqueEdges,
  };
}

/** The ids reachable from `start` along (`down`) or against (`up`) the edges, without `start`. */
export function reachable(
  edges: { from: string; to: string }[],
  start: string,
  direction: 'up' | 'down',
): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [a, b] =
      direction === 'down' ? [edge.from, edge.to] : [edge.to, edge.from];
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  }
  const result = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const id of next.get(current) ?? []) {
      if (id !== start && !result.has(id)) {
        result.add(id);
        queue.push(id);
      }
    }
  }
  return result;
}

/** Jobs upstream of the root whose latest run failed, nearest first. */
export function failedUpstreamJobs(chain: GlueChainResponse): GlueChainNode[] {
  const upstream = reachable(chain.edges, chain.root, 'up');
  return chain.nodes
    .filter(
      n =>
        upstream.has(n.id) &&
        (n.kind === 'job' || n.kind === 'crawler') &&
        isFailedRunState(n.latestRun?.state),
    )
    .sort((a, b) => a.depth - b.depth);
}

/** Jobs and crawlers downstream of the root (what its failure holds up). */
export function downstreamJobs(chain: GlueChainResponse): GlueChainNode[] {
  const downstream = reachable(chain.edges, chain.root, 'down');
  return chain.nodes
    .filter(
      n => downstream.has(n.id) && (n.kind === 'job' || n.kind === 'crawler'),
    )
    .sort((a, b) => a.depth - b.depth);
}

/** The depths the chain route accepts, as its answers say them. */
export type ChainDepthLimits = NonNullable<GlueChainResponse['depthLimits']>;

/** The deepest choice offered when the backend does not say its limits (older backends). */
export const FALLBACK_MAX_DEPTH = 6;

/** `depth` as a whole number from 1 to `max`. */
export function clampDepth(depth: number, max: number): number {
  return Math.min(Math.max(1, Math.floor(max)), Math.max(1, Math.round(depth)));
}

/**
 * The depths a chain view offers: 1 to the backend's `max` once an answer
 * said it; before the first answer only up to the current depth (deeper ones
 * might be refused); after answers without limits, up to
 * {@link FALLBACK_MAX_DEPTH}.
 */
export function depthChoices(options: {
  limits?: ChainDepthLimits;
  answered: boolean;
  depth: number;
}): number[] {
  const { limits, answered, depth } = options;
  let max = depth;
  if (limits) max = limits.max;
  else if (answered) max = Math.max(depth, FALLBACK_MAX_DEPTH);
  return Array.from({ length: clampDepth(max, max) }, (_, i) => i + 1);
}
