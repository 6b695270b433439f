// Validation shared by PutIntegrationResponse and UpdateIntegrationResponse, on the response's complete new state.
import type { Tx } from '../../db/client';
import { CONTENT_HANDLING_STRATEGIES, checkOneOf } from '../integrations/integration-input';
import { checkIntegrationResponseParameters } from '../integrations/mapping-expressions';
import { responseNotFound } from '../method-responses/status-code';
import { checkSelectionPattern } from './selection-pattern';

export interface IntegrationResponseFields {
  selectionPattern: string | null;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  contentHandling: string | null;
}

/** The method response of the same status code: it must exist, and declares the headers a response may map. */
export async function methodResponseParameters(
  tx: Tx,
  methodId: string,
  statusCode: string,
): Promise<Record<string, unknown>> {
  const methodResponse = await tx.methodResponse.findUnique({
    where: { methodId_statusCode: { methodId, statusCode } },
  });
  if (!methodResponse) throw responseNotFound();
  return methodResponse.responseParameters as Record<string, unknown>;
}

export function checkIntegrationResponse(
  fields: IntegrationResponseFields,
  declaredHeaders: Record<string, unknown>,
  inputName: string,
): void {
  checkSelectionPattern(fields.selectionPattern);
  if (fields.contentHandling !== null) {
    checkOneOf(fields.contentHandling, CONTENT_HANDLING_STRATEGIES, `${inputName}.contentHandling`);
  }
  checkIntegrationResponseParameters(fields.responseParameters, declaredHeaders);
}
