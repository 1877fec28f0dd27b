import { Entity } from '@backstage/catalog-model';
import { glueConsoleUrls } from '@aws-glue-backstage/plugin-aws-glue-common';
import { baseEntity, consoleLink } from './baseEntity';
import { WorkflowTransformerInput } from './types';

/**
 * The default entity of a Glue workflow: a `System` its members belong to.
 *
 * @public
 */
export function defaultWorkflowTransformer(
  input: WorkflowTransformerInput,
): Entity {
  const { workflow, unit } = input;
  const name = workflow.Name!;
  return baseEntity(input, {
    description: workflow.Description?.trim() || `AWS Glue workflow ${name}`,
    links: [
      consoleLink(glueConsoleUrls.workflow(unit.partition, unit.region, name)),
    ],
    tags: ['glue-workflow'],
    spec: { owner: input.resolved.owner },
  });
}
