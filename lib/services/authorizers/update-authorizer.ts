// UpdateAuthorizer: patch operations on an authorizer, all or nothing; the complete new state is checked with the
// same rules as CreateAuthorizer before anything is written.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict } from '../errors';
import {
  invalidPatchPath,
  type PatchOperation,
  parseInteger,
  parsePatchOperations,
  patchListMember,
  patchScalar,
  requireValue,
  splitPatchPath,
  unsupportedOperation,
} from '../patch/patch-operations';
import { type AuthorizerSettings, checkAuthorizerSettings } from './authorizer-rules';
import { type Authorizer, toAuthorizer } from './authorizer-shape';
import { findAuthorizer } from './find-authorizer';

type ScalarField =
  | 'authType'
  | 'authorizerUri'
  | 'authorizerCredentials'
  | 'identitySource'
  | 'identityValidationExpression';
const SCALAR_FIELDS: readonly string[] = [
  'authType',
  'authorizerUri',
  'authorizerCredentials',
  'identitySource',
  'identityValidationExpression',
];

/** `/providerARNs/{arn}` add/remove one pool (or `replace` it with `value`); `/providerARNs` replace = the whole list. */
function patchProviderArns(list: string[], arn: string, op: PatchOperation): string[] {
  if (!arn) {
    if (op.op !== 'replace' && op.op !== 'add') throw invalidPatchPath(op);
    const values = requireValue(op)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    return op.op === 'replace' ? [...new Set(values)] : [...new Set([...list, ...values])];
  }
  if (op.op === 'replace') {
    if (!list.includes(arn)) throw invalidPatchPath(op);
    const value = requireValue(op);
    return [...new Set(list.map((item) => (item === arn ? value : item)))];
  }
  return patchListMember(list, arn, op);
}

export async function updateAuthorizer(
  actor: Actor,
  restApiId: string,
  authorizerId: string,
  input: unknown,
): Promise<Authorizer> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await findAuthorizer(tx, restApiId, authorizerId);
    const next: AuthorizerSettings = {
      name: before.name,
      type: before.type,
      providerARNs: [...before.providerARNs],
      authType: before.authType,
      authorizerUri: before.authorizerUri,
      authorizerCredentials: before.authorizerCredentials,
      identitySource: before.identitySource,
      identityValidationExpression: before.identityValidationExpression,
      authorizerResultTtlInSeconds: before.authorizerResultTtlInSeconds,
    };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const key = rest.join('/');
      if (field === 'providerARNs') {
        next.providerARNs = patchProviderArns(next.providerARNs, key, op);
        continue;
      }
      if (key || field === undefined) throw invalidPatchPath(op);
      if (field === 'name' || field === 'type') {
        if (op.op !== 'replace') throw unsupportedOperation(op);
        next[field] = requireValue(op).trim();
      } else if (field === 'authorizerResultTtlInSeconds') {
        if (op.op !== 'replace') throw unsupportedOperation(op);
        next.authorizerResultTtlInSeconds = parseInteger(op, 0, 3600);
      } else if (SCALAR_FIELDS.includes(field)) {
        next[field as ScalarField] = patchScalar(op, requireValue) || null;
      } else {
        throw invalidPatchPath(op);
      }
    }
    checkAuthorizerSettings(next);
    if (next.name !== before.name) {
      const duplicate = await tx.authorizer.findUnique({ where: { restApiId_name: { restApiId, name: next.name } } });
      if (duplicate) throw conflict('Authorizer name already exists for this REST API');
    }
    const after = await tx.authorizer.update({ where: { id: before.id }, data: next });
    await audit(tx, actor, {
      action: 'update-authorizer',
      targetType: 'Authorizer',
      targetId: before.id,
      before: toAuthorizer(before),
      after: toAuthorizer(after),
    });
    return after;
  });
  return toAuthorizer(row);
}
