/**
 * The longest argument key a caller may pass when starting a run.
 *
 * @public
 */
export const MAX_ARGUMENT_KEY_LENGTH = 128;

/**
 * Whether `key` is a plain Glue argument key: `--` and then letters, digits,
 * `_`, `.` or `-` (no spaces, `=`, control characters or ANSI escapes that
 * could smuggle a second argument past an allow-list), at most
 * {@link MAX_ARGUMENT_KEY_LENGTH} characters. Checked before any allow-list.
 *
 * @public
 */
export function isPlainArgumentKey(key: string): boolean {
  return (
    key.length <= MAX_ARGUMENT_KEY_LENGTH &&
    /^--[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(key)
  );
}
