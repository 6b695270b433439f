// Request validation (AWS §11): with the method's request validator, required parameters first, then the body
// against the model for its content type. Failures are AWS's BAD_REQUEST_PARAMETERS / BAD_REQUEST_BODY.
import { GatewayError } from '../gateway-error';
import { requestTemplateKey } from '../mapping/content-type';
import type { GatewayContext } from './gateway-context';

const PARAMETER = /^method\.request\.(header|path|querystring|multivalueheader|multivaluequerystring)\.(.+)$/;

function missingParameters(ctx: GatewayContext, required: Record<string, boolean>): string[] {
  const missing: Array<[string, string]> = [];
  for (const [key, isRequired] of Object.entries(required)) {
    if (!isRequired) continue;
    const m = PARAMETER.exec(key);
    if (!m) continue;
    const [, where, name] = m as unknown as [string, string, string];
    const value =
      where === 'path'
        ? ctx.request.path[name]
        : where.endsWith('header')
          ? ctx.request.headers[name.toLowerCase()]
          : ctx.request.query[name];
    if (value === undefined || value.trim() === '') missing.push([key, name]);
  }
  // AWS lists the names in the order of the sorted full keys: headers, then path, then query string.
  return missing.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, name]) => name);
}

export function validateRequest(ctx: GatewayContext): void {
  const method = ctx.methodDef;
  const snapshot = ctx.deployment?.snapshot;
  if (!method?.requestValidatorId || !snapshot || !ctx.deployment) return;
  const validator = snapshot.requestValidators.find((v) => v.id === method.requestValidatorId);
  if (!validator) return;
  if (validator.validateRequestParameters) {
    const missing = missingParameters(ctx, method.requestParameters ?? {});
    if (missing.length > 0) {
      throw new GatewayError('BAD_REQUEST_PARAMETERS', `Missing required request parameters: [${missing.join(', ')}]`);
    }
  }
  if (validator.validateRequestBody) {
    const models = method.requestModels ?? {};
    const modelName = models[requestTemplateKey(ctx.request.headers['content-type'])] ?? models.$default;
    if (!modelName) return;
    const validate = ctx.deployment.validators(modelName);
    if (!validate) return;
    let body: unknown;
    try {
      body = ctx.request.body.trim() === '' ? {} : JSON.parse(ctx.request.body);
    } catch {
      ctx.validationErrors = '[Invalid JSON in request body]';
      throw new GatewayError('BAD_REQUEST_BODY');
    }
    if (!validate(body)) {
      ctx.validationErrors = `[${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join(', ')}]`;
      throw new GatewayError('BAD_REQUEST_BODY');
    }
  }
}
