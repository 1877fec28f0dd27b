import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { GlueTrendPoint } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  formatCost,
  formatDpuHours,
  formatDuration,
  formatFullDay,
  formatPercent,
} from '../../lib/format';

/** Props of {@link TrendTable}. */
export interface TrendTableProps {
  points: GlueTrendPoint[];
  currency: string;
}

const COLUMNS = [
  'Day (UTC)',
  'Runs',
  'Failed',
  'Success rate',
  'p50 duration',
  'p95 duration',
  'DPU-hours',
  'Estimated cost',
];

/** The trend chart's values as a table, newest day first, days without finished runs left out. */
export function TrendTable(props: TrendTableProps) {
  const { currency } = props;
  const days = props.points.filter(p => p.runs > 0).reverse();
  return (
    <>
      <Table size="small" aria-label="Trend per day">
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell key={column}>{column}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {days.map(point => (
            <TableRow key={point.date}>
              <TableCell>{formatFullDay(point.date)}</TableCell>
              <TableCell>{point.runs}</TableCell>
              <TableCell>{point.failed}</TableCell>
              <TableCell>{formatPercent(point.successRate)}</TableCell>
              <TableCell>{formatDuration(point.p50DurationSeconds)}</TableCell>
              <TableCell>{formatDuration(point.p95DurationSeconds)}</TableCell>
              <TableCell>{formatDpuHours(point.dpuHours)}</TableCell>
              <TableCell>{formatCost(point.estimatedCost, currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="textSecondary">
        Days without finished runs are left out.
      </Typography>
    </>
  );
}
