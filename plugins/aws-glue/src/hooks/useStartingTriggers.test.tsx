import { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  dependentJobEntity,
  makeJob,
  plainEntity,
  triggerEntity,
} from '../__testUtils__/fixtures';
import { useStartingTriggers } from './useStartingTriggers';

function render(entity: Entity, entities: Entity[], jobName: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[catalogApiRef, catalogApiMock({ entities })]]}>
      {children}
    </TestApiProvider>
  );
  return renderHook(
    () => useStartingTriggers(entity, makeJob({ name: jobName })),
    { wrapper },
  );
}

describe('useStartingTriggers', () => {
  it('is the related triggers that start the job', async () => {
    const { result } = render(
      dependentJobEntity,
      [triggerEntity],
      'freshers_in_dependent_job',
    );
    await waitFor(() => expect(result.current.value).toHaveLength(1));
    expect(result.current.value![0]).toMatchObject({
      title: 'start-freshers-in-dependent-job',
      detail: 'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
    });
  });

  it('leaves out triggers that start other jobs', async () => {
    const { result } = render(dependentJobEntity, [triggerEntity], 'other_job');
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value).toEqual([]);
  });

  it('is none for entities without trigger relations', async () => {
    const { result } = render(plainEntity, [triggerEntity], 'x');
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value).toEqual([]);
  });
});
