// A RequestValidator row as AWS's RequestValidator structure.
import type { RequestValidator as RequestValidatorRow } from '@prisma/client';

export interface RequestValidator {
  id: string;
  name: string;
  validateRequestBody: boolean;
  validateRequestParameters: boolean;
}

export function toRequestValidator(row: RequestValidatorRow): RequestValidator {
  return {
    id: row.id,
    name: row.name,
    validateRequestBody: row.validateRequestBody,
    validateRequestParameters: row.validateRequestParameters,
  };
}
