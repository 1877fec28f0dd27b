export { ArgumentsTable, REDACTED } from './ArgumentsTable';
export type { ArgumentsTableProps } from './ArgumentsTable';
