import { can } from '../../auth/roles';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { notifyConfigChange } from '../config-changes';
import { notFound } from '../errors';
import { toAccessKey } from './access-key-shape';

/** Deletes one of the caller's keys; an Admin may delete anyone's. */
export async function deleteAccessKey(actor: Actor, accessKeyId: string): Promise<void> {
  authorize(actor, 'read');
  await db().$transaction(async (tx) => {
    const key = await tx.accessKey.findUnique({ where: { accessKeyId } });
    if (!key || (key.userId !== actor.userId && !can(actor.role, 'manage-users'))) {
      throw notFound(`No access key ${accessKeyId}`);
    }
    await tx.accessKey.delete({ where: { accessKeyId } });
    await notifyConfigChange(tx, { kind: 'access-keys' }); // gateways keep the keys of AWS_IAM callers
    await audit(tx, actor, {
      action: 'delete-access-key',
      targetType: 'AccessKey',
      targetId: accessKeyId,
      before: toAccessKey(key),
    });
  });
}
