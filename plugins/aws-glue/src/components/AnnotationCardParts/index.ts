export {
  ArgumentsTable,
  CardField,
  ConsoleLink,
  GlueNameLink,
  TriggerState,
  useCardStyles,
  useRelatedGlueEntities,
} from './AnnotationCardParts';
export type { RelatedGlueEntities } from './AnnotationCardParts';
