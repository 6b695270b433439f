// DeleteAuthorizer: refused while a method still uses the authorizer (AWS answers 409 and names the method).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict } from '../errors';
import { toAuthorizer } from './authorizer-shape';
import { findAuthorizer } from './find-authorizer';

export async function deleteAuthorizer(actor: Actor, restApiId: string, authorizerId: string): Promise<void> {
  authorize(actor, 'edit');
  await db().$transaction(async (tx) => {
    const authorizer = await findAuthorizer(tx, restApiId, authorizerId);
    const user = await tx.method.findFirst({
      where: { authorizerId: authorizer.id },
      include: { resource: true },
      orderBy: [{ resourceId: 'asc' }, { httpMethod: 'asc' }],
    });
    if (user) {
      throw conflict(
        `Cannot delete authorizer '${authorizer.name}', is referenced in method: ${user.httpMethod}/${user.resource.path}`,
      );
    }
    await tx.authorizer.delete({ where: { id: authorizer.id } });
    await audit(tx, actor, {
      action: 'delete-authorizer',
      targetType: 'Authorizer',
      targetId: authorizer.id,
      before: toAuthorizer(authorizer),
    });
  });
}
