import {
  AccessDeniedException,
  ConcurrentRunsExceededException,
  EntityNotFoundException,
  GlueServiceException,
  InternalServiceException,
  InvalidInputException,
  OperationTimeoutException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-glue';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { mapGlueError, retryAfterOf } from './errors';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

function unknownServiceError(name: string, status: number, message = '') {
  return new GlueServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    message,
    ...meta(status),
  });
}

function networkError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:4599`), { code });
}

const context = {
  operation: 'GetJobRuns',
  target: 'job orders (123456789012/us-east-1)',
};

describe('mapGlueError', () => {
  it.each([
    [
      'ThrottlingException',
      new ThrottlingException({ message: 'Rate exceeded', ...meta(400) }),
      'ServiceUnavailableError',
      5,
      'AWS Glue throttled GetJobRuns for job orders (123456789012/us-east-1) (Rate exceeded); try again in 5 seconds',
    ],
    [
      'any error with status 429',
      unknownServiceError('TooManyRequests', 429, 'slow down'),
      'ServiceUnavailableError',
      5,
      'AWS Glue throttled GetJobRuns for job orders (123456789012/us-east-1) (slow down); try again in 5 seconds',
    ],
    [
      'InternalServiceException',
      new InternalServiceException({ message: 'boom', ...meta(500) }),
      'ServiceUnavailableError',
      10,
      'AWS Glue GetJobRuns for job orders (123456789012/us-east-1) is unavailable (InternalServiceException: boom); try again in 10 seconds',
    ],
    [
      'an empty 503',
      unknownServiceError('Unknown', 503),
      'ServiceUnavailableError',
      10,
      'AWS Glue GetJobRuns for job orders (123456789012/us-east-1) is unavailable (Unknown: HTTP 503); try again in 10 seconds',
    ],
    [
      'OperationTimeoutException',
      new OperationTimeoutException({ message: 'timed out', ...meta(400) }),
      'ServiceUnavailableError',
      10,
      'AWS Glue GetJobRuns for job orders (123456789012/us-east-1) is unavailable (OperationTimeoutException: timed out); try again in 10 seconds',
    ],
    [
      'a refused connection',
      networkError('ECONNREFUSED'),
      'ServiceUnavailableError',
      10,
      'AWS Glue GetJobRuns for job orders (123456789012/us-east-1) is unavailable (Error: connect ECONNREFUSED 127.0.0.1:4599); try again in 10 seconds',
    ],
    [
      'EntityNotFoundException',
      new EntityNotFoundException({
        message: 'Job with name: orders not found',
        ...meta(400),
      }),
      'NotFoundError',
      undefined,
      'AWS Glue GetJobRuns for job orders (123456789012/us-east-1): Job with name: orders not found',
    ],
    [
      'InvalidInputException',
      new InvalidInputException({ message: 'bad token', ...meta(400) }),
      'InputError',
      undefined,
      'AWS Glue rejected GetJobRuns for job orders (123456789012/us-east-1): bad token',
    ],
    [
      'ValidationException',
      new ValidationException({ message: 'nope', ...meta(400) }),
      'InputError',
      undefined,
      'AWS Glue rejected GetJobRuns for job orders (123456789012/us-east-1): nope',
    ],
    [
      'AccessDeniedException',
      new AccessDeniedException({
        message: 'not authorized to perform glue:GetJobRuns',
        ...meta(400),
      }),
      'NotAllowedError',
      undefined,
      "The backend's AWS role lacks the permission glue:GetJobRuns for job orders (123456789012/us-east-1); grant it in the role's IAM policy (not authorized to perform glue:GetJobRuns)",
    ],
    [
      'ConcurrentRunsExceededException',
      new ConcurrentRunsExceededException({
        message: 'Concurrent runs exceeded for orders',
        ...meta(400),
      }),
      'ConflictError',
      undefined,
      'AWS Glue GetJobRuns for job orders (123456789012/us-east-1): Concurrent runs exceeded for orders',
    ],
    [
      'an unknown client error',
      unknownServiceError('SomeBrandNewException', 400, 'what'),
      'Error',
      undefined,
      'AWS Glue GetJobRuns for job orders (123456789012/us-east-1) failed: SomeBrandNewException: what',
    ],
  ])('%s', (_name, error, name, retryAfter, message) => {
    const mapped = mapGlueError(error, context);
    expect(mapped.name).toBe(name);
    expect(mapped.message).toBe(message);
    expect(retryAfterOf(mapped)).toBe(retryAfter);
    // the AWS error (with its request metadata) is not attached
    expect((mapped as { cause?: unknown }).cause).toBeUndefined();
  });

  it('passes Backstage errors through', () => {
    for (const error of [
      new NotFoundError('x'),
      new InputError('y'),
      new ConflictError('z'),
    ]) {
      expect(mapGlueError(error, context)).toBe(error);
    }
  });

  it('reads no retry hint from other errors', () => {
    expect(retryAfterOf(new Error('x'))).toBeUndefined();
    expect(retryAfterOf(undefined)).toBeUndefined();
  });
});
