import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { GlueErrorPanel, retryAfterSeconds } from './GlueErrorPanel';

async function responseError(status: number, headers: Record<string, string>) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: 'ServiceUnavailableError',
          message: 'Glue is throttling',
        },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json', ...headers } },
    ),
  );
}

describe('GlueErrorPanel', () => {
  it('reads Retry-After of a 503 in seconds', async () => {
    expect(
      retryAfterSeconds(await responseError(503, { 'Retry-After': '12' })),
    ).toBe(12);
    expect(
      retryAfterSeconds(await responseError(500, { 'Retry-After': '12' })),
    ).toBeUndefined();
    expect(retryAfterSeconds(await responseError(503, {}))).toBeUndefined();
    expect(retryAfterSeconds(new Error('plain'))).toBeUndefined();
  });

  it('says when to retry and offers a retry button', async () => {
    const onRetry = jest.fn();
    await renderInTestApp(
      <GlueErrorPanel
        error={await responseError(503, { 'Retry-After': '30' })}
        onRetry={onRetry}
      />,
    );
    expect(
      screen.getByText(
        'AWS Glue is busy or throttling requests; try again in 30 s.',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Glue is throttling/).length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal (403) as a plain panel with the reason, without retry', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message:
              "You may not see the runs of arn:aws:glue:us-east-1:123456789012:job/x: permission aws-glue.job.read on the job's synced entity component:default/x (owner group:default/analytics) is not granted to you",
          },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await renderInTestApp(<GlueErrorPanel error={error} onRetry={jest.fn()} />);
    expect(
      screen.getByText('You may not see these AWS Glue runs'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /owner group:default\/analytics\) is not granted to you/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByText(/403/)).toBeNull();
  });
});
