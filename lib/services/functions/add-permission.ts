// AddPermission: adds a statement to the resource-based policy of a function (or of one of its versions or aliases,
// `Qualifier`). Recorded and shown by GetPolicy; Portico does not enforce it (any function may back any integration).
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { LATEST, lockFunction, resolveQualifier } from './find-function';
import { permissionStatement } from './function-policy';
import { functionTarget } from './function-reference';
import { invalidParameter, resourceConflict } from './lambda-errors';
import { parseLambdaInput, text } from './lambda-validation';

const addPermissionInput = z.object({
  StatementId: text(100, { regex: /^[a-zA-Z0-9-_.]+$/, source: '([a-zA-Z0-9-_.]+)' }),
  Action: text(256, { regex: /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/, source: '(lambda:[*]|lambda:[a-zA-Z]+|[*])' }),
  Principal: text(256, { regex: /^[^\s]+$/, source: '[^\\s]+' }),
  SourceArn: z.string().optional(),
  SourceAccount: z.string().optional(),
  PrincipalOrgID: z.string().optional(),
  EventSourceToken: z.string().optional(),
  RevisionId: z.string().optional(),
});

export async function addPermission(
  actor: Actor,
  name: string,
  qualifierParam: string | null,
  input: unknown,
): Promise<{ Statement: string }> {
  authorize(actor, 'edit');
  const target = functionTarget(name, qualifierParam);
  const data = parseLambdaInput(addPermissionInput, input);
  if (target.qualifier === LATEST) {
    throw invalidParameter('We currently do not support adding policies for $LATEST.');
  }
  const qualifier = target.qualifier ?? '';
  const statement = permissionStatement(target.functionName, qualifier, data);
  await db().$transaction(async (tx) => {
    const fn = await lockFunction(tx, target.functionName);
    if (qualifier) await resolveQualifier(tx, fn, qualifier);
    const existing = await tx.functionPermission.findUnique({
      where: { functionId_qualifier_statementId: { functionId: fn.id, qualifier, statementId: data.StatementId } },
    });
    if (existing) {
      throw resourceConflict(
        'The statement id (sid) provided already exists. Please specify a new statement id, or remove the existing statement.',
      );
    }
    await tx.functionPermission.create({
      data: { functionId: fn.id, qualifier, statementId: data.StatementId, statement },
    });
    await audit(tx, actor, {
      action: 'add-permission',
      targetType: 'FunctionPermission',
      targetId: `${target.functionName}${qualifier ? `:${qualifier}` : ''}/${data.StatementId}`,
      after: statement,
    });
  });
  return { Statement: JSON.stringify(statement) };
}
