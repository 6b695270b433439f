// GetResources (with embed=methods): the API's resource tree, ordered by path.
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { restApiNotFound } from '../rest-apis/not-found';

export interface ResourceSummary {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  /** httpMethod → a summary of the method; present only with embedMethods */
  resourceMethods?: Record<
    string,
    { httpMethod: string; authorizationType: string; apiKeyRequired: boolean; integrationType?: string }
  >;
}

export async function listResources(
  actor: Actor,
  restApiId: string,
  options: { embedMethods?: boolean } = {},
): Promise<ResourceSummary[]> {
  authorize(actor, 'read');
  const api = await db().restApi.findUnique({ where: { id: restApiId }, select: { id: true } });
  if (!api) throw restApiNotFound(restApiId);
  const rows = await db().resource.findMany({
    where: { restApiId },
    orderBy: { path: 'asc' },
    include: options.embedMethods ? { methods: { include: { integration: { select: { type: true } } } } } : undefined,
  });
  return rows.map((row) => {
    const methods =
      'methods' in row
        ? (row.methods as Array<{
            httpMethod: string;
            authorizationType: string;
            apiKeyRequired: boolean;
            integration: { type: string } | null;
          }>)
        : undefined;
    return {
      id: row.id,
      ...(row.parentId && { parentId: row.parentId }),
      ...(row.pathPart && { pathPart: row.pathPart }),
      path: row.path,
      ...(methods &&
        methods.length > 0 && {
          resourceMethods: Object.fromEntries(
            methods.map((m) => [
              m.httpMethod,
              {
                httpMethod: m.httpMethod,
                authorizationType: m.authorizationType,
                apiKeyRequired: m.apiKeyRequired,
                ...(m.integration && { integrationType: m.integration.type }),
              },
            ]),
          ),
        }),
    };
  });
}
