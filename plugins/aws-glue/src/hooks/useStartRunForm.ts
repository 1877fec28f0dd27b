import { useEffect, useState } from 'react';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';

/** The steps of starting a run: edit the overrides, then confirm them. */
export type StartRunStep = 'edit' | 'confirm';

/** Options of {@link useStartRunForm}. */
export interface UseStartRunFormOptions {
  /** Whether the dialog is open; opening it starts over. */
  open: boolean;
  job: GlueJob;
  /** Called with the non-empty overrides; rejects to keep the dialog open. */
  onStart: (args: Record<string, string>) => Promise<void>;
  onClose: () => void;
}

/** What {@link useStartRunForm} gives the dialog. */
export interface StartRunFormState {
  step: StartRunStep;
  /** What the user typed, by argument key. */
  values: Record<string, string>;
  /** The values that will be sent: allowed keys, non-empty values. */
  overrides: Record<string, string>;
  /** While the start request is under way. */
  busy: boolean;
  /** The last start's error, shown until the next try. */
  error?: Error;
  setValue: (key: string, value: string) => void;
  review: () => void;
  back: () => void;
  /** Starts the run; closes the dialog when it started. */
  start: () => Promise<void>;
}

/**
 * The overrides to send: only the keys the job allows to override (the
 * backend's list), and only those with a value.
 */
export function nonEmptyOverrides(
  values: Record<string, string>,
  overridable: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) => overridable.includes(key) && value.trim() !== '',
    ),
  );
}

/**
 * The state of the start-run dialog: its step, the typed overrides and the
 * start request. Reset whenever the dialog opens (or the job changes).
 */
export function useStartRunForm(
  options: UseStartRunFormOptions,
): StartRunFormState {
  const { open, job, onStart, onClose } = options;
  const [step, setStep] = useState<StartRunStep>('edit');
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);

  useEffect(() => {
    if (open) {
      setStep('edit');
      setValues({});
      setError(undefined);
    }
  }, [open, job.name]);

  const overrides = nonEmptyOverrides(values, job.overridableArguments);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onStart(overrides);
      onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return {
    step,
    values,
    overrides,
    busy,
    error,
    setValue: (key, value) => setValues(v => ({ ...v, [key]: value })),
    review: () => setStep('confirm'),
    back: () => setStep('edit'),
    start,
  };
}
