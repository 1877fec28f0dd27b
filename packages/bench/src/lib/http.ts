/* JSON over loopback for the bench's clients, timed on the client. */
import { performance } from 'node:perf_hooks';

export interface HttpClient {
  base: string;
  /** Bearer token (a static external-access token); none for open routes. */
  token?: string;
}

export interface TimedResponse {
  status: number;
  body: any;
  /** ms from sending the request until the whole body was read. */
  ms: number;
  bytes: number;
}

export async function request(
  client: HttpClient,
  method: 'GET' | 'POST' | 'PUT',
  pathAndQuery: string,
  body?: unknown,
  timeoutMs = 60_000,
): Promise<TimedResponse> {
  const headers: Record<string, string> = {};
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const start = performance.now();
  const res = await fetch(`${client.base}${pathAndQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  const ms = performance.now() - start;
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: res.status, body: parsed, ms, bytes: text.length };
}

export const get = (client: HttpClient, pathAndQuery: string) =>
  request(client, 'GET', pathAndQuery);

/** GET that must answer 200; throws with the status and a piece of the body. */
export async function getOk(
  client: HttpClient,
  pathAndQuery: string,
): Promise<TimedResponse> {
  const res = await get(client, pathAndQuery);
  if (res.status !== 200) {
    throw new Error(
      `GET ${pathAndQuery} answered ${res.status}: ${JSON.stringify(
        res.body,
      )?.slice(0, 300)}`,
    );
  }
  return res;
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
