// UpdateRequestValidator: `replace` on /name, /validateRequestBody, /validateRequestParameters, all or nothing.
// A boolean replaced without a value becomes false, as in AWS.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest, conflict } from '../errors';
import { parseBoolean, parsePatchOperations } from '../patch/patch-operations';
import { findRequestValidator } from './find-request-validator';
import { type RequestValidator, toRequestValidator } from './request-validator-shape';

const PATHS = ['/name', '/validateRequestParameters', '/validateRequestBody'];

export async function updateRequestValidator(
  actor: Actor,
  restApiId: string,
  requestValidatorId: string,
  input: unknown,
): Promise<RequestValidator> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await findRequestValidator(tx, restApiId, requestValidatorId);
    const next = { ...before };
    for (const op of operations) {
      if (op.op !== 'replace') {
        throw badRequest(
          `Invalid patch path  '${op.path}' specified for op '${op.op}'. Please choose supported operations`,
        );
      }
      if (!PATHS.includes(op.path)) {
        throw badRequest(
          `Invalid patch path  '${op.path}' specified for op 'replace'. Must be one of: [${PATHS.join(', ')}]`,
        );
      }
      const flag = op.value === undefined || op.value === null ? false : undefined;
      if (op.path === '/name') {
        const name = op.value?.trim();
        if (!name) throw badRequest('Request Validator name cannot be blank');
        next.name = name;
      } else if (op.path === '/validateRequestBody') {
        next.validateRequestBody = flag ?? parseBoolean(op);
      } else {
        next.validateRequestParameters = flag ?? parseBoolean(op);
      }
    }
    if (next.name !== before.name) {
      const duplicate = await tx.requestValidator.findUnique({
        where: { restApiId_name: { restApiId, name: next.name } },
      });
      if (duplicate) throw conflict('Request Validator name already exists for this REST API');
    }
    const after = await tx.requestValidator.update({
      where: { id: before.id },
      data: {
        name: next.name,
        validateRequestBody: next.validateRequestBody,
        validateRequestParameters: next.validateRequestParameters,
      },
    });
    await audit(tx, actor, {
      action: 'update-request-validator',
      targetType: 'RequestValidator',
      targetId: before.id,
      before: toRequestValidator(before),
      after: toRequestValidator(after),
    });
    return after;
  });
  return toRequestValidator(row);
}
