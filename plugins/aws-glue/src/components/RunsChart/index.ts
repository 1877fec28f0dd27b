export { RunsChart } from './RunsChart';
export type { RunsChartProps } from './RunsChart';
