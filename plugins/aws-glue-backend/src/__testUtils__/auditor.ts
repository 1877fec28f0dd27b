import { mockServices } from '@backstage/backend-test-utils';

/** An auditor whose every event is the one returned, to assert on. */
export function auditorMock() {
  const event = {
    success: jest.fn(async () => {}),
    fail: jest.fn(async () => {}),
  };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => event),
  });
  return { auditor, event };
}
