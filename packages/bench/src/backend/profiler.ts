/*
 * V8 CPU profiles of a serving backend, on the parent's request: the
 * parent sends `{ type: 'profile-start' }`, later `{ type: 'profile-stop',
 * file }`, and gets a `profile` event once the .cpuprofile is written.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { sendEvent } from '../lib/child';

function post<T>(session: Session, method: string, params?: object) {
  return new Promise<T>((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) =>
      error ? reject(error) : resolve(result as T),
    );
  });
}

/** Handles profile messages from the parent for as long as the process lives. */
export function listenForProfileRequests(label: string) {
  let session: Session | undefined;
  process.on('message', async (m: { type?: string; file?: string }) => {
    try {
      if (m?.type === 'profile-start' && !session) {
        session = new Session();
        session.connect();
        await post(session, 'Profiler.enable');
        // 200 us: enough samples for a few seconds of requests
        await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
        await post(session, 'Profiler.start');
        sendEvent({ type: 'profile-started', label });
      }
      if (m?.type === 'profile-stop' && session && m.file) {
        const { profile } = await post<{ profile: object }>(
          session,
          'Profiler.stop',
        );
        session.disconnect();
        session = undefined;
        writeFileSync(m.file, JSON.stringify(profile));
        sendEvent({ type: 'profile', label, file: m.file });
      }
    } catch (error) {
      sendEvent({ type: 'profile-error', label, error: String(error) });
    }
  });
}
