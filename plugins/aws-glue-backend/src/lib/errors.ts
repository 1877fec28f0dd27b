/**
 * Maps AWS SDK errors to the `@backstage/errors` types the framework turns
 * into HTTP statuses. Error names and their retry classes are the SDK's
 * (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-exceptions.html). Pure.
 */
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** Seconds a client should wait after Glue throttled us. */
export const THROTTLED_RETRY_AFTER_SECONDS = 5;
/** Seconds a client should wait after a Glue server fault or network error. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 10;

/**
 * A 503 that tells the client when to try again. The router copies
 * `retryAfterSeconds` into a `Retry-After` header.
 */
export class GlueUnavailableError extends ServiceUnavailableError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * A 504: Glue did not answer within the call's deadline (every retry
 * included). The framework answers with `statusCode`; the router copies
 * `retryAfterSeconds` into `Retry-After`.
 */
export class GlueTimeoutError extends ServiceUnavailableError {
  readonly statusCode = 504;
  readonly retryAfterSeconds = UNAVAILABLE_RETRY_AFTER_SECONDS;
}

/** A 502: Glue (or whatever answered in its place) sent a page that does not parse. */
export class GlueBadGatewayError extends ServiceUnavailableError {
  readonly statusCode = 502;
}

/** `retryAfterSeconds` of an error, when it is a {@link GlueUnavailableError}. */
export function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterSeconds?: unknown } | undefined)
    ?.retryAfterSeconds;
  return typeof value === 'number' && value >= 0 ? value : undefined;
}

/** Error names the SDK classifies as throttling (its retry middleware's list). */
const THROTTLING = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);

/** Server faults, timeouts and names of transient errors. */
const UNAVAILABLE = new Set([
  'InternalServiceException',
  'InternalServerException',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'OperationTimeoutException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** Node network error codes the SDK retries as transient. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
]);

/** Errors this plugin already throws; passed through unchanged. */
const BACKSTAGE_ERRORS = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
]);

interface AwsErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
}

/** What the failed call was, for the message. */
export interface GlueCallContext {
  /** The Glue operation, e.g. `GetJobRuns`. */
  operation: string;
  /** What it was about, e.g. `job orders-daily-etl in 123456789012/us-east-1`. */
  target?: string;
  /** Set when the call was cancelled at its deadline (ms). */
  deadlineMs?: number;
}

/** How the SDK reports an answer it could not parse. */
function isUnparsable(e: AwsErrorLike & { $response?: unknown }): boolean {
  return (
    e.name === 'SyntaxError' ||
    (typeof e.message === 'string' &&
      /Deserialization error|Unexpected (end|token)|is not valid JSON/.test(
        e.message,
      ))
  );
}

/**
 * Turns an error thrown by a Glue call into the error the API answers with:
 *
 * - throttling (ThrottlingException, HTTP 429, ...) → 503 with Retry-After 5 s;
 * - the call's deadline passed → 504 with Retry-After 10 s;
 * - an answer that does not parse → 502;
 * - server faults (5xx, InternalServiceException), OperationTimeoutException,
 *   per-attempt timeouts and network errors → 503 with Retry-After 10 s;
 * - EntityNotFoundException → 404; InvalidInputException / ValidationException → 400;
 * - AccessDeniedException → 403 saying the backend's AWS role lacks the permission;
 * - ConcurrentRunsExceededException, ResourceNumberLimitExceededException → 409;
 * - anything else → a plain `Error` (500) naming the operation.
 *
 * The AWS error object itself is not attached as the cause: it carries
 * request metadata that does not belong in a response body.
 */
export function mapGlueError(error: unknown, context: GlueCallContext): Error {
  const e = (error ?? {}) as AwsErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  if (BACKSTAGE_ERRORS.has(name) && error instanceof Error) {
    return error;
  }
  const status = e.$metadata?.httpStatusCode;
  const message =
    (typeof e.message === 'string' && e.message) ||
    (status !== undefined ? `HTTP ${status}` : name);
  const { operation } = context;
  const on = context.target ? ` for ${context.target}` : '';

  if (context.deadlineMs !== undefined || name === 'AbortError') {
    return new GlueTimeoutError(
      `AWS Glue ${operation}${on} did not answer within ${
        (context.deadlineMs ?? 0) / 1000
      } seconds; try again in ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds`,
    );
  }
  if (isUnparsable(e)) {
    return new GlueBadGatewayError(
      `AWS Glue ${operation}${on} answered with a response that does not parse`,
    );
  }

  if (THROTTLING.has(name) || status === 429) {
    return new GlueUnavailableError(
      `AWS Glue throttled ${operation}${on} (${message}); try again in ${THROTTLED_RETRY_AFTER_SECONDS} seconds`,
      THROTTLED_RETRY_AFTER_SECONDS,
    );
  }
  if (
    UNAVAILABLE.has(name) ||
    (status !== undefined && status >= 500) ||
    (e.code !== undefined && NETWORK_CODES.has(e.code))
  ) {
    return new GlueUnavailableError(
      `AWS Glue ${operation}${on} is unavailable (${name}: ${message}); try again in ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds`,
      UNAVAILABLE_RETRY_AFTER_SECONDS,
    );
  }
  if (name === 'EntityNotFoundException') {
    return new NotFoundError(`AWS Glue ${operation}${on}: ${message}`);
  }
  if (name === 'InvalidInputException' || name === 'ValidationException') {
    return new InputError(`AWS Glue rejected ${operation}${on}: ${message}`);
  }
  if (ACCESS_DENIED.has(name)) {
    return new NotAllowedError(
      `The backend's AWS role lacks the permission glue:${operation}${on}; grant it in the role's IAM policy (${message})`,
    );
  }
  if (
    name === 'ConcurrentRunsExceededException' ||
    name === 'ResourceNumberLimitExceededException'
  ) {
    return new ConflictError(`AWS Glue ${operation}${on}: ${message}`);
  }
  return new Error(`AWS Glue ${operation}${on} failed: ${name}: ${message}`);
}
