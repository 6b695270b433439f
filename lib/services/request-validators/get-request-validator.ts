import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { findRequestValidator } from './find-request-validator';
import { type RequestValidator, toRequestValidator } from './request-validator-shape';

export async function getRequestValidator(
  actor: Actor,
  restApiId: string,
  requestValidatorId: string,
): Promise<RequestValidator> {
  authorize(actor, 'read');
  return toRequestValidator(await findRequestValidator(db(), restApiId, requestValidatorId));
}
