export { GlueScorecardCard, ScorecardCard } from './GlueScorecardCard';
export type {
  EntityAwsGlueScorecardCardProps,
  ScorecardCardProps,
} from './GlueScorecardCard';
