// Validation shared by PutMethod and UpdateMethod.
import type { Tx } from '../../db/client';
import { badRequest } from '../errors';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;
export const AUTHORIZATION_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'] as const;

const REQUEST_PARAMETER =
  /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.[^.\s][^\s]*$/;

export function normalizeHttpMethod(value: string): string {
  const upper = value.toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(upper)) {
    throw badRequest('Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY');
  }
  return upper;
}

export function checkRequestParameterName(name: string): void {
  if (!REQUEST_PARAMETER.test(name)) {
    throw badRequest(
      `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid method request parameter name specified: ${name}]`,
    );
  }
}

export async function checkAuthorization(
  tx: Tx,
  restApiId: string,
  authorizationType: string,
  authorizerId: string | null | undefined,
): Promise<void> {
  if (!(AUTHORIZATION_TYPES as readonly string[]).includes(authorizationType)) {
    throw badRequest(
      `Invalid authorization type specified: ${authorizationType}. Valid values are NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS`,
    );
  }
  const needsAuthorizer = authorizationType === 'CUSTOM' || authorizationType === 'COGNITO_USER_POOLS';
  if (!needsAuthorizer) return;
  const authorizer = authorizerId ? await tx.authorizer.findFirst({ where: { id: authorizerId, restApiId } }) : null;
  if (!authorizer) {
    throw badRequest(
      'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    );
  }
  const expected = authorizationType === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : ['TOKEN', 'REQUEST'];
  if (Array.isArray(expected) ? !expected.includes(authorizer.type) : authorizer.type !== expected) {
    throw badRequest(
      `Authorizer ${authorizerId} of type ${authorizer.type} cannot be used with authorization type ${authorizationType}`,
    );
  }
}

export async function checkRequestValidator(tx: Tx, restApiId: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const found = await tx.requestValidator.findFirst({ where: { id, restApiId } });
  if (!found) throw badRequest(`Invalid Request Validator identifier specified`);
}

export async function checkModels(tx: Tx, restApiId: string, models: Record<string, string>): Promise<void> {
  for (const name of Object.values(models)) {
    const found = await tx.model.findFirst({ where: { restApiId, name } });
    if (!found) throw badRequest(`Invalid model identifier specified: ${name}`);
  }
}
