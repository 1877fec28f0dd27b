export { JobPicker } from './JobPicker';
export type { JobPickerProps } from './JobPicker';
