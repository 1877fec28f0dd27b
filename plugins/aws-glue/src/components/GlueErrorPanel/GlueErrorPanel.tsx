import { Box, Button, Typography } from '@material-ui/core';
import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** Props of {@link GlueErrorPanel}. */
export interface GlueErrorPanelProps {
  error: Error;
  /** Shows a "Retry" button. */
  onRetry?: () => void;
  title?: string;
}

/** Seconds from a `Retry-After` header (seconds or an HTTP date). */
export function retryAfterSeconds(error: Error): number | undefined {
  if (!ResponseError.is(error) || error.statusCode !== 503) return undefined;
  const value = error.response.headers?.get?.('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date)
    ? undefined
    : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** The server's reason of a 403, when the error is one. */
export function refusalOf(error: Error): string | undefined {
  if (!ResponseError.is(error) || error.statusCode !== 403) return undefined;
  return error.body?.error?.message || error.message;
}

/**
 * `ResponseErrorPanel` plus a note when AWS Glue asked us to back off (503
 * with `Retry-After`) and an optional retry button; a refusal (403, e.g. the
 * permission `aws-glue.job.read` on the job's synced entity) is a plain
 * panel saying why, since retrying would not help.
 */
export function GlueErrorPanel(props: GlueErrorPanelProps) {
  const { error, onRetry, title } = props;
  const refusal = refusalOf(error);
  if (refusal) {
    return (
      <EmptyState
        missing="info"
        title={title ?? 'You may not see these AWS Glue runs'}
        description={`${refusal}. Ask the job's owners or your Backstage admins for access.`}
      />
    );
  }
  const retryAfter = retryAfterSeconds(error);
  return (
    <Box>
      <ResponseErrorPanel error={error} title={title} />
      {(retryAfter !== undefined || onRetry) && (
        <Box display="flex" alignItems="center" mt={1} style={{ gap: 8 }}>
          {retryAfter !== undefined && (
            <Typography variant="body2" color="textSecondary">
              AWS Glue is busy or throttling requests; try again in {retryAfter}{' '}
              s.
            </Typography>
          )}
          {onRetry && (
            <Button size="small" variant="outlined" onClick={onRetry}>
              Retry
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}
