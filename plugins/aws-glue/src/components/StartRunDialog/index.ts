export { StartRunDialog } from './StartRunDialog';
export type { StartRunDialogProps } from './StartRunDialog';
