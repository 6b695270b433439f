// A request validator of an API; an unknown API and an unknown validator both answer AWS's validator NotFound.
import type { Tx } from '../../db/client';
import { notFound } from '../errors';

export async function findRequestValidator(tx: Tx, restApiId: string, requestValidatorId: string) {
  const validator = await tx.requestValidator.findFirst({ where: { id: requestValidatorId, restApiId } });
  if (!validator) throw notFound('Invalid Request Validator identifier specified');
  return validator;
}
