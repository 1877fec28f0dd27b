export { TrendChart } from './TrendChart';
export type { TrendChartProps } from './TrendChart';
export { TrendTable } from './TrendTable';
export type { TrendTableProps } from './TrendTable';
