// CreateRequestValidator: a named pair of switches (validate the body, validate the parameters) methods refer to.
import { z } from 'zod';
import { db } from '../../db/client';
import { newShortId } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest, conflict } from '../errors';
import { parseInput } from '../validation';
import { type RequestValidator, toRequestValidator } from './request-validator-shape';

const createRequestValidatorInput = z.object({
  name: z.string().max(1024).optional(),
  validateRequestBody: z.boolean().optional(),
  validateRequestParameters: z.boolean().optional(),
});

export async function createRequestValidator(
  actor: Actor,
  restApiId: string,
  input: unknown,
): Promise<RequestValidator> {
  authorize(actor, 'edit');
  const data = parseInput(createRequestValidatorInput, input);
  const row = await db().$transaction(async (tx) => {
    // AWS answers an unknown API here with a BadRequestException, not its usual NotFound
    const api = await tx.restApi.findUnique({ where: { id: restApiId } });
    if (!api) throw badRequest('Invalid REST API identifier specified');
    const name = data.name?.trim();
    if (!name) throw badRequest('Request Validator name cannot be blank');
    const duplicate = await tx.requestValidator.findUnique({ where: { restApiId_name: { restApiId, name } } });
    if (duplicate) throw conflict('Request Validator name already exists for this REST API');
    const validator = await tx.requestValidator.create({
      data: {
        id: newShortId(),
        restApiId,
        name,
        validateRequestBody: data.validateRequestBody ?? false,
        validateRequestParameters: data.validateRequestParameters ?? false,
      },
    });
    await audit(tx, actor, {
      action: 'create-request-validator',
      targetType: 'RequestValidator',
      targetId: validator.id,
      after: toRequestValidator(validator),
    });
    return validator;
  });
  return toRequestValidator(row);
}
