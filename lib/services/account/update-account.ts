// UpdateAccount: the CloudWatch Logs role ARN and the account's features, all or nothing.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest } from '../errors';
import {
  invalidPatchPath,
  parsePatchOperations,
  patchListMember,
  patchScalar,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import { ACCOUNT_ID, type Account, ensureAccount, toAccount } from './account-shape';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function roleArn(value: string | null): string | null {
  if (!value) return null;
  if (!ROLE_ARN.test(value)) throw badRequest('The role ARN is not well formed');
  return value;
}

export async function updateAccount(actor: Actor, input: unknown): Promise<Account> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await ensureAccount(tx);
    const next = { cloudwatchRoleArn: before.cloudwatchRoleArn, features: [...before.features] };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const sub = rest.join('/');
      switch (field) {
        case 'cloudwatchRoleArn':
          if (sub) throw invalidPatchPath(op);
          next.cloudwatchRoleArn = roleArn(patchScalar(op, requireValue));
          break;
        case 'features': {
          const feature = sub || requireValue(op);
          if (!feature.trim()) throw badRequest(`Invalid feature specified for ${op.path}`);
          next.features = patchListMember(next.features, feature, op);
          break;
        }
        default:
          throw invalidPatchPath(op);
      }
    }
    const after = await tx.account.update({ where: { id: ACCOUNT_ID }, data: next });
    await audit(tx, actor, {
      action: 'update-account',
      targetType: 'Account',
      targetId: ACCOUNT_ID,
      before: toAccount(before),
      after: toAccount(after),
    });
    return after;
  });
  return toAccount(row);
}
