/*
 * A tiny HTTP forwarder for the emulator's EventBridge events. Mode
 * `alternate`: each POST goes to the next target in turn (round robin), so
 * the events of one run reach different replicas' ingresses. Mode `both`:
 * each POST goes to every target at once (a duplicated delivery, as SQS's
 * at-least-once delivery can make). Answers 503 until targets are set (the
 * emulator retries); counts what each target got.
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ForwardMode = 'alternate' | 'both';

export interface Alternator {
  url: string;
  setTargets(targets: { name: string; url: string }[]): void;
  setMode(mode: ForwardMode): void;
  /** Events forwarded per target name, and upstream failures. */
  counts(): Record<string, number>;
  stop(): Promise<void>;
}

export async function startAlternator(): Promise<Alternator> {
  let targets: { name: string; url: string }[] = [];
  let next = 0;
  let mode: ForwardMode = 'alternate';
  const counts: Record<string, number> = {};
  const count = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const forward = async (
    target: { name: string; url: string },
    body: Buffer,
  ): Promise<number> => {
    try {
      const upstream = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(5000),
      });
      await upstream.text();
      count(upstream.ok ? target.name : `${target.name}:${upstream.status}`);
      return upstream.status;
    } catch {
      count(`${target.name}:error`);
      return 502;
    }
  };
  const server: Server = createServer((req, res) => {
    req.on('error', () => {});
    res.on('error', () => {});
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', async () => {
      if (!targets.length) {
        res.writeHead(503).end();
        return;
      }
      const body = Buffer.concat(chunks);
      const chosen =
        mode === 'both' ? targets : [targets[next++ % targets.length]];
      const statuses = await Promise.all(chosen.map(t => forward(t, body)));
      // one good delivery is a delivery (the emulator must not retry)
      const ok = statuses.find(s => s >= 200 && s < 300);
      res.writeHead(ok ?? statuses[0]).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    setTargets: t => {
      targets = t;
    },
    setMode: m => {
      mode = m;
    },
    counts: () => ({ ...counts }),
    stop: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
