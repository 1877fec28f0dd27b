import { ReactNode } from 'react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import {
  CatalogApi,
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AwsGlueApi, awsGlueApiRef } from '../api';

/**
 * Renders `element` for `entity` with a mocked AWS Glue API and catalog,
 * and the signals plugin when `signalApi` is given.
 */
export async function renderForEntity(
  element: ReactNode,
  options: {
    entity: Entity;
    api: AwsGlueApi;
    catalogEntities?: Entity[];
    catalogApi?: CatalogApi;
    signalApi?: SignalApi;
    /** The URL the app starts at (a query such as `/?run=jr_1`). */
    routeEntries?: string[];
  },
) {
  const catalogApi =
    options.catalogApi ??
    catalogApiMock({ entities: options.catalogEntities ?? [] });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [awsGlueApiRef, options.api],
        [catalogApiRef, catalogApi],
        ...(options.signalApi
          ? [[signalApiRef, options.signalApi] as const]
          : []),
      ]}
    >
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      ...(options.routeEntries ? { routeEntries: options.routeEntries } : {}),
    },
  );
}

/** A promise that never settles, to keep a component loading. */
export const never = <T,>() => new Promise<T>(() => {});
