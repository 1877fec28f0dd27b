export { Field, FieldLabel } from './Field';
export type { FieldProps } from './Field';
