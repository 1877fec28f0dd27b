export { GlueCrawlerCard } from './GlueCrawlerCard';
export type { EntityAwsGlueCrawlerCardProps } from './GlueCrawlerCard';
