/*
 * The job run arguments that decide a live run's outcome on purpose, so the
 * demo can make a run fail from the portal's Start-run dialog:
 *
 *   --emulator-outcome        SUCCEEDED | FAILED | TIMEOUT | ERROR
 *   --emulator-error-message  the ErrorMessage of a FAILED / ERROR run
 *
 * Real Glue passes unknown arguments to the script, so these are harmless
 * outside the emulator.
 */
import { invalidInput } from './errors';
import type { JobRunState, StringMap } from './types';

export const EMULATOR_OUTCOME_ARGUMENT = '--emulator-outcome';
export const EMULATOR_ERROR_MESSAGE_ARGUMENT = '--emulator-error-message';

export const EMULATOR_OUTCOMES = [
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'ERROR',
] as const satisfies readonly JobRunState[];

export type EmulatorOutcome = (typeof EMULATOR_OUTCOMES)[number];

/** The outcome a run's arguments ask for. */
export interface RequestedOutcome {
  state: EmulatorOutcome;
  /** The ErrorMessage of a FAILED / ERROR run. */
  errorMessage?: string;
}

function isOutcome(value: string): value is EmulatorOutcome {
  return (EMULATOR_OUTCOMES as readonly string[]).includes(value);
}

/**
 * Reads `--emulator-outcome` from a run's (merged) arguments. Undefined when
 * absent or blank. An unknown value throws InvalidInputException when
 * `strict` (StartJobRun), and is ignored otherwise (a trigger's action cannot
 * answer with an error).
 */
export function requestedOutcome(
  args: StringMap,
  strict: boolean,
): RequestedOutcome | undefined {
  const raw = args[EMULATOR_OUTCOME_ARGUMENT];
  if (raw === undefined || raw.trim() === '') return undefined;
  const state = raw.trim().toUpperCase();
  if (!isOutcome(state)) {
    if (!strict) return undefined;
    throw invalidInput(
      `Invalid value '${raw}' for argument ${EMULATOR_OUTCOME_ARGUMENT}: use one of ${EMULATOR_OUTCOMES.join(
        ', ',
      )}`,
    );
  }
  if (state !== 'FAILED' && state !== 'ERROR') return { state };
  const given = args[EMULATOR_ERROR_MESSAGE_ARGUMENT];
  return {
    state,
    errorMessage:
      given && given.trim() !== ''
        ? given
        : `Job failed on purpose: ${EMULATOR_OUTCOME_ARGUMENT} ${state} was passed`,
  };
}
