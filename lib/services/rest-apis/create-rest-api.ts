// CreateRestApi: the API, its root resource "/" and the default Empty and Error models, in one transaction.

import { z } from 'zod';
import { db } from '../../db/client';
import { newRestApiId, newRootResourceId, newShortId } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { parseInput } from '../validation';
import { DEFAULT_MODELS } from './default-models';
import { checkPolicyDocument } from './policy-document';
import { type RestApi, toRestApi } from './rest-api-shape';

const ENDPOINT_TYPES = ['EDGE', 'REGIONAL', 'PRIVATE'] as const;

export const createRestApiInput = z.object({
  name: z.string().trim().min(1, 'Member must not be blank').max(1024),
  description: z.string().max(4096).optional(),
  version: z.string().max(1024).optional(),
  binaryMediaTypes: z.array(z.string().min(1)).optional(),
  minimumCompressionSize: z.number().int().min(0).max(10485760).optional(),
  apiKeySource: z.enum(['HEADER', 'AUTHORIZER']).optional(),
  endpointConfiguration: z
    .object({
      types: z.array(z.enum(ENDPOINT_TYPES)).length(1, 'exactly one endpoint type is supported'),
      vpcEndpointIds: z.array(z.string()).optional(),
      ipAddressType: z.enum(['ipv4', 'dualstack']).optional(),
    })
    .optional(),
  policy: z.string().max(8192).optional(),
  disableExecuteApiEndpoint: z.boolean().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export type CreateRestApiInput = z.input<typeof createRestApiInput>;

export async function createRestApi(actor: Actor, input: CreateRestApiInput): Promise<RestApi> {
  authorize(actor, 'edit');
  const data = parseInput(createRestApiInput, input);
  checkPolicyDocument(data.policy);
  const id = newRestApiId();
  const rootResourceId = newRootResourceId();
  const row = await db().$transaction(async (tx) => {
    const api = await tx.restApi.create({
      data: {
        id,
        name: data.name,
        description: data.description,
        version: data.version,
        binaryMediaTypes: data.binaryMediaTypes ?? [],
        minimumCompressionSize: data.minimumCompressionSize,
        apiKeySource: data.apiKeySource ?? 'HEADER',
        endpointConfiguration: data.endpointConfiguration ?? { types: ['EDGE'] },
        policy: data.policy,
        disableExecuteApiEndpoint: data.disableExecuteApiEndpoint ?? false,
        rootResourceId,
        tags: data.tags ?? {},
      },
    });
    await tx.resource.create({ data: { id: rootResourceId, restApiId: id, path: '/' } });
    await tx.model.createMany({ data: DEFAULT_MODELS.map((model) => ({ ...model, id: newShortId(), restApiId: id })) });
    await audit(tx, actor, { action: 'create-rest-api', targetType: 'RestApi', targetId: id, after: toRestApi(api) });
    return api;
  });
  return toRestApi(row);
}
