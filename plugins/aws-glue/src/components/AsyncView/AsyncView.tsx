import { ReactNode } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { GlueErrorPanel } from '../GlueErrorPanel';

/** Props of {@link AsyncView}. */
export interface AsyncViewProps<T> {
  /**
   * A loading state: `useRefreshableAsync`'s (its `refresh`) or
   * `useAsyncRetry`'s (its `retry`), offered on errors.
   */
  state: {
    loading: boolean;
    value?: T;
    error?: Error;
    refresh?: () => void;
    retry?: () => void;
  };
  /** True when the value has nothing to show. */
  isEmpty?: (value: T) => boolean;
  /** The "no data" panel shown then. */
  emptyTitle?: string;
  emptyDescription?: string;
  /** The view of a loaded value; also while it refreshes or a refresh failed. */
  children: (value: T) => ReactNode;
}

/**
 * Progress until the first value, the error panel (with a retry) when there
 * is no value, a "no data" panel when the value has nothing to show, else
 * `children`.
 */
export function AsyncView<T>(props: AsyncViewProps<T>) {
  const { state, isEmpty } = props;
  if (state.loading && state.value === undefined) {
    return <Progress />;
  }
  if (state.error && state.value === undefined) {
    return (
      <GlueErrorPanel
        error={state.error}
        onRetry={state.refresh ?? state.retry}
      />
    );
  }
  if (state.value === undefined || isEmpty?.(state.value)) {
    return props.emptyTitle ? (
      <EmptyState
        missing="data"
        title={props.emptyTitle}
        description={props.emptyDescription}
      />
    ) : null;
  }
  return <>{props.children(state.value)}</>;
}
