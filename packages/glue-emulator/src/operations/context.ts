/*
 * What an operation handler gets: the account/region it runs in and the
 * emulated time.
 */
import type { Input } from '../errors';
import type { RegionModel } from '../model';
import type { RegionRuntime, Simulation } from '../simulation';
import type { StringMap } from '../types';

export interface OperationContext {
  accountId: string;
  region: string;
  model: RegionModel;
  runtime: RegionRuntime;
  sim: Simulation;
  /** Emulated now (ms). */
  now: number;
}

/** A handler: validated input in, JSON-serialisable output out (or a GlueError thrown). */
export type Operation = (input: Input, ctx: OperationContext) => unknown;

/** ListJobs / ListTriggers / ListCrawlers tag filter: any key=value pair matches (OR, like moto). */
export function matchesAnyTag(
  tags: StringMap,
  filter: StringMap | undefined,
): boolean {
  if (!filter) return true;
  const entries = Object.entries(filter);
  if (entries.length === 0) return true;
  return entries.some(([k, v]) => tags[k] === v);
}
