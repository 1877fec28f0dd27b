import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * An `InputError` for a config value, naming its full path.
 *
 * @public
 */
export function invalidConfig(path: string, problem: string): InputError {
  return new InputError(`Invalid config at ${path}: ${problem}`);
}

/**
 * A list of regular expressions (as strings) at `key` of `config`, each
 * checked to compile (with `flags`); an error naming `path[index]` otherwise.
 *
 * @public
 */
export function readRegExpList(
  config: Config,
  key: string,
  path: string,
  flags = 'i',
): string[] {
  const patterns = config.getOptionalStringArray(key) ?? [];
  patterns.forEach((pattern, index) => {
    try {
      new RegExp(pattern, flags); // eslint-disable-line no-new
    } catch (error) {
      throw invalidConfig(
        `${path}[${index}]`,
        `not a valid regular expression: ${(error as Error).message}`,
      );
    }
  });
  return patterns;
}

/**
 * An optional http(s) URL at `key` of `config` (an endpoint); an error
 * naming `path` when it is anything else.
 *
 * @public
 */
export function readHttpUrl(
  config: Config,
  key: string,
  path: string,
): string | undefined {
  const value = config.getOptionalString(key);
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalidConfig(path, `'${value}' is not an http(s) URL`);
  }
  return value;
}
