// UpdateIntegration's patch paths, applied to the in-memory state (checked as a whole afterwards).
import {
  invalidPatchPath,
  type PatchOperation,
  parseBoolean,
  parseInteger,
  patchListMember,
  patchMapEntry,
  patchScalar,
  requireValue,
  splitPatchPath,
} from '../patch/patch-operations';
import type { IntegrationFields } from './integration-input';

/** Applies one operation to `fields` in place; `resourceId` is the default cacheNamespace a removal restores. */
export function applyIntegrationPatch(fields: IntegrationFields, op: PatchOperation, resourceId: string): void {
  const [field, ...rest] = splitPatchPath(op.path);
  const key = rest.join('/');
  if (
    rest.length > 0 &&
    !['requestParameters', 'requestTemplates', 'cacheKeyParameters', 'tlsConfig'].includes(field ?? '')
  ) {
    throw invalidPatchPath(op);
  }
  switch (field) {
    case 'uri':
      fields.uri = patchScalar(op, requireValue) || null;
      break;
    case 'httpMethod':
      fields.httpMethod = patchScalar(op, requireValue) || null;
      break;
    case 'credentials':
      fields.credentials = patchScalar(op, requireValue) || null;
      break;
    case 'connectionType':
      fields.connectionType = patchScalar(op, requireValue) || 'INTERNET';
      break;
    case 'connectionId':
      fields.connectionId = patchScalar(op, requireValue) || null;
      break;
    case 'passthroughBehavior':
      fields.passthroughBehavior = patchScalar(op, requireValue) || 'WHEN_NO_MATCH';
      break;
    case 'contentHandling':
      fields.contentHandling = patchScalar(op, requireValue) || null;
      break;
    case 'timeoutInMillis':
      fields.timeoutInMillis = patchScalar(op, (o) => parseInteger(o, 0, Number.MAX_SAFE_INTEGER)) ?? 29000;
      break;
    case 'cacheNamespace':
      fields.cacheNamespace = patchScalar(op, requireValue) || resourceId;
      break;
    case 'cacheKeyParameters':
      fields.cacheKeyParameters = patchListMember(fields.cacheKeyParameters, key || requireValue(op), op);
      break;
    case 'requestParameters':
      if (!key) throw invalidPatchPath(op);
      patchMapEntry(fields.requestParameters, key, op, requireValue);
      break;
    case 'requestTemplates':
      if (!key) throw invalidPatchPath(op);
      patchMapEntry(fields.requestTemplates, key, op);
      break;
    case 'tlsConfig': {
      if (key !== 'insecureSkipVerification') throw invalidPatchPath(op);
      const skip = patchScalar(op, parseBoolean);
      fields.tlsConfig = skip === null ? null : { insecureSkipVerification: skip };
      break;
    }
    default:
      throw invalidPatchPath(op);
  }
}
