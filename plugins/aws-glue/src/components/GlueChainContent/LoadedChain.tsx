import { ReactNode } from 'react';
import { GlueChainResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import type { GlueChainState } from '../../hooks';
import { AsyncView } from '../AsyncView';

/** Whether a chain has nothing besides the entity itself. */
export const isLoneChain = (chain: GlueChainResponse) =>
  chain.nodes.length <= 1;

/**
 * A chain once loaded: progress, the error, or "nothing upstream or
 * downstream" (with `emptyDescription`) until there is one to draw.
 */
export function LoadedChain(props: {
  chain: GlueChainState['chain'];
  emptyDescription: string;
  children: (chain: GlueChainResponse) => ReactNode;
}) {
  return (
    <AsyncView
      state={props.chain}
      isEmpty={isLoneChain}
      emptyTitle="Nothing upstream or downstream"
      emptyDescription={props.emptyDescription}
    >
      {props.children}
    </AsyncView>
  );
}
