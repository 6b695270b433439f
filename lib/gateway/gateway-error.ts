// A request that ends in one of AWS's gateway responses (THROTTLED, MISSING_AUTHENTICATION_TOKEN, ...). Pipeline
// stages throw these; lib/gateway/responses.ts renders them as AWS does.
import type { GatewayResponseType } from './gateway-response-types';

export class GatewayError extends Error {
  constructor(
    readonly responseType: GatewayResponseType,
    /** replaces the type's default `$context.error.message` */
    message?: string,
    /** replaces the type's `x-amzn-ErrorType` (AWS names some refusals of a type more precisely) */
    readonly errorType?: string,
    /** replaces the type's status (DEFAULT_5XX answers a failed Lambda proxy integration with 502) */
    readonly status?: number,
  ) {
    super(message ?? responseType);
    this.name = 'GatewayError';
    this.customMessage = message;
  }

  readonly customMessage: string | undefined;
}
