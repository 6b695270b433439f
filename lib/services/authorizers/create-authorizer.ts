// CreateAuthorizer: a Lambda (TOKEN / REQUEST) or Cognito user pool authorizer; at most 10 per API.
import { z } from 'zod';
import { db } from '../../db/client';
import { newShortId } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict, ServiceError } from '../errors';
import { findRestApi } from '../lookups';
import { parseInput } from '../validation';
import { type AuthorizerSettings, checkAuthorizerSettings, MAX_AUTHORIZERS_PER_API } from './authorizer-rules';
import { type Authorizer, toAuthorizer } from './authorizer-shape';

const createAuthorizerInput = z.object({
  name: z.string().max(1024),
  type: z.string(),
  providerARNs: z.array(z.string()).optional(),
  authType: z.string().max(1024).optional(),
  authorizerUri: z.string().optional(),
  authorizerCredentials: z.string().optional(),
  identitySource: z.string().optional(),
  identityValidationExpression: z.string().optional(),
  authorizerResultTtlInSeconds: z.number().int().optional(),
});

export async function createAuthorizer(actor: Actor, restApiId: string, input: unknown): Promise<Authorizer> {
  authorize(actor, 'edit');
  const data = parseInput(createAuthorizerInput, input);
  const settings: AuthorizerSettings = {
    name: data.name.trim(),
    type: data.type,
    providerARNs: [...new Set(data.providerARNs ?? [])],
    authType: data.authType || null,
    authorizerUri: data.authorizerUri || null,
    authorizerCredentials: data.authorizerCredentials || null,
    identitySource: data.identitySource || null,
    identityValidationExpression: data.identityValidationExpression || null,
    authorizerResultTtlInSeconds: data.authorizerResultTtlInSeconds ?? 300,
  };
  const row = await db().$transaction(async (tx) => {
    await findRestApi(tx, restApiId);
    checkAuthorizerSettings(settings);
    const count = await tx.authorizer.count({ where: { restApiId } });
    if (count >= MAX_AUTHORIZERS_PER_API) {
      throw new ServiceError(
        'LimitExceededException',
        `Cannot create more than ${MAX_AUTHORIZERS_PER_API} authorizers for this REST API`,
      );
    }
    const duplicate = await tx.authorizer.findUnique({ where: { restApiId_name: { restApiId, name: settings.name } } });
    if (duplicate) throw conflict('Authorizer name already exists for this REST API');
    const authorizer = await tx.authorizer.create({ data: { id: newShortId(), restApiId, ...settings } });
    await audit(tx, actor, {
      action: 'create-authorizer',
      targetType: 'Authorizer',
      targetId: authorizer.id,
      after: toAuthorizer(authorizer),
    });
    return authorizer;
  });
  return toAuthorizer(row);
}
