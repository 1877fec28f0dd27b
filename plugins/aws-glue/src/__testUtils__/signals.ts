import { act } from '@testing-library/react';
import { SignalApi } from '@backstage/plugin-signals-react';
import { AWS_GLUE_RUNS_SIGNAL_CHANNEL } from '@aws-glue-backstage/plugin-aws-glue-common';

type Listener = (message: { jobArn: string }) => void;

/** A fake signals plugin: `publishRunChange` delivers a runs signal to its subscribers. */
export function mockSignalApi() {
  const subscribers = new Map<string, Set<Listener>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set<Listener>();
      const listener = onMessage as unknown as Listener;
      set.add(listener);
      subscribers.set(channel, set);
      return { unsubscribe: () => set.delete(listener) };
    },
  };
  const listeners = () => [
    ...(subscribers.get(AWS_GLUE_RUNS_SIGNAL_CHANNEL) ?? []),
  ];
  return {
    api,
    /** Sends a runs signal for each job, in one go, inside `act`. */
    publishRunChange: async (...jobArns: string[]) =>
      act(async () => {
        for (const jobArn of jobArns) {
          for (const listener of listeners()) listener({ jobArn });
        }
      }),
    /** Subscribers of the runs channel. */
    subscriberCount: () => listeners().length,
  };
}
