import type { Palette } from '@material-ui/core/styles/createPalette';
import { runStatusCategory } from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * The theme colour of a run state, by its status category: succeeded
 * green, failed red, running blue, stopped grey; `undefined` for a state
 * that is pending or unknown (drawn empty).
 */
export function stateColour(
  palette: Palette,
  state: string | undefined,
): string | undefined {
  switch (runStatusCategory(state)) {
    case 'ok':
      return palette.success.main;
    case 'error':
      return palette.error.main;
    case 'running':
      return palette.info.main;
    case 'aborted':
      return palette.grey[600];
    default:
      return undefined;
  }
}
