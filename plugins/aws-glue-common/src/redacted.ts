/**
 * What a redacted value is replaced with (by the backend packages, before
 * anything reaches the browser); views show it as "redacted".
 *
 * @public
 */
export const REDACTED = '<redacted>';
