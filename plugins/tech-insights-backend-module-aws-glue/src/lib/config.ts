import { Config } from '@backstage/config';
import {
  AwsGlueJobFactRetrieverOptions,
  DEFAULT_RETRIEVER_OPTIONS,
} from './retriever';

const KEY = 'awsGlue.techInsights';

/** `awsGlue.techInsights`: the retriever's limits; contradictions fail at start-up naming the key. */
export function readRetrieverOptions(
  config: Config,
): AwsGlueJobFactRetrieverOptions {
  const section = config.getOptionalConfig(KEY);
  const read = (key: string, min: number, max: number, fallback: number) => {
    const value = section?.getOptionalNumber(key);
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(
        `Invalid config at ${KEY}.${key}: an integer from ${min} to ${max}, not ${value}`,
      );
    }
    return value;
  };
  const d = DEFAULT_RETRIEVER_OPTIONS;
  const options = {
    pageSize: read('pageSize', 1, 500, d.pageSize),
    callTimeoutMs:
      read('callTimeoutSeconds', 1, 600, d.callTimeoutMs / 1000) * 1000,
    deadlineMs: read('deadlineSeconds', 1, 3600, d.deadlineMs / 1000) * 1000,
    maxPages: read('maxPages', 1, 100_000, d.maxPages),
  };
  if (options.callTimeoutMs > options.deadlineMs) {
    throw new Error(
      `Invalid config at ${KEY}.callTimeoutSeconds: longer than ${KEY}.deadlineSeconds`,
    );
  }
  return options;
}
