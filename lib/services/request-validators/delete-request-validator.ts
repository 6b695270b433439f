// DeleteRequestValidator: refused while a method still refers to the validator.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict } from '../errors';
import { findRequestValidator } from './find-request-validator';
import { toRequestValidator } from './request-validator-shape';

export async function deleteRequestValidator(
  actor: Actor,
  restApiId: string,
  requestValidatorId: string,
): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const validator = await findRequestValidator(tx, restApiId, requestValidatorId);
    const user = await tx.method.findFirst({
      where: { requestValidatorId: validator.id },
      include: { resource: true },
      orderBy: [{ resourceId: 'asc' }, { httpMethod: 'asc' }],
    });
    if (user) {
      throw conflict(
        `Cannot delete request validator '${validator.name}', is referenced in method: ${user.httpMethod}/${user.resource.path}`,
      );
    }
    await tx.requestValidator.delete({ where: { id: validator.id } });
    await audit(tx, actor, {
      action: 'delete-request-validator',
      targetType: 'RequestValidator',
      targetId: validator.id,
      before: toRequestValidator(validator),
    });
  });
}
