// UpdateDomainName: certificates, endpoint type and security policy, all or nothing. Switching the endpoint type
// gives the domain the target name of its new type (a CloudFront distribution or a regional execute-api host).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { supportsMultiLevelBasePaths } from '../base-path-mappings/base-path-input';
import { notifyConfigChange } from '../config-changes';
import { badRequest } from '../errors';
import {
  invalidPatchPath,
  parsePatchOperations,
  patchScalar,
  requireValue,
  splitPatchPath,
  unsupportedOperation,
} from '../patch/patch-operations';
import {
  checkEndpointType,
  checkSecurityPolicy,
  type DomainEndpointType,
  findDomainName,
  targetNames,
} from './domain-name-input';
import { type DomainName, toDomainName } from './domain-name-shape';

const ENDPOINT_TYPE_PATHS = new Set(['types/0', 'types/EDGE', 'types/REGIONAL']);

export async function updateDomainName(actor: Actor, domainName: string, input: unknown): Promise<DomainName> {
  authorize(actor, 'edit');
  const operations = parsePatchOperations(input);
  const row = await db().$transaction(async (tx) => {
    const before = await findDomainName(tx, domainName);
    const beforeType = (before.endpointConfiguration as { types?: string[] }).types?.[0] ?? 'EDGE';
    let type = beforeType;
    const next = {
      certificateName: before.certificateName,
      certificateArn: before.certificateArn,
      regionalCertificateArn: before.regionalCertificateArn,
      securityPolicy: before.securityPolicy,
    };
    for (const op of operations) {
      const [field, ...rest] = splitPatchPath(op.path);
      const sub = rest.join('/');
      if (field !== 'endpointConfiguration' && sub) throw invalidPatchPath(op);
      switch (field) {
        case 'certificateName':
          next.certificateName = patchScalar(op, requireValue) || null;
          break;
        case 'certificateArn':
          next.certificateArn = patchScalar(op, requireValue) || null;
          break;
        case 'regionalCertificateArn':
          next.regionalCertificateArn = patchScalar(op, requireValue) || null;
          break;
        case 'regionalCertificateName':
          // accepted as AWS does, but the data model keeps no regional certificate name
          patchScalar(op, requireValue);
          break;
        case 'securityPolicy':
          if (op.op !== 'replace' && op.op !== 'add') throw unsupportedOperation(op);
          next.securityPolicy = checkSecurityPolicy(requireValue(op));
          break;
        case 'endpointConfiguration':
          if (!ENDPOINT_TYPE_PATHS.has(sub)) throw invalidPatchPath(op);
          if (op.op !== 'replace' && op.op !== 'add') throw unsupportedOperation(op);
          type = checkEndpointType(requireValue(op));
          break;
        default:
          throw invalidPatchPath(op);
      }
    }
    const endpointConfiguration = { types: [type] };
    if (!supportsMultiLevelBasePaths({ endpointConfiguration, securityPolicy: next.securityPolicy })) {
      const multiLevel = await tx.basePathMapping.findFirst({
        where: { domainName: before.domainName, basePath: { contains: '/' } },
      });
      if (multiLevel) {
        throw badRequest(
          `Domain name ${before.domainName} has multi-level base path mappings, which need a REGIONAL endpoint and the TLS_1_2 security policy`,
        );
      }
    }
    const after = await tx.domainName.update({
      where: { domainName: before.domainName },
      data: {
        ...next,
        endpointConfiguration,
        ...(type !== beforeType && targetNames(type as DomainEndpointType, before)),
      },
    });
    await notifyConfigChange(tx, { kind: 'domain', domainName: before.domainName });
    await audit(tx, actor, {
      action: 'update-domain-name',
      targetType: 'DomainName',
      targetId: before.domainName,
      before: toDomainName(before),
      after: toDomainName(after),
    });
    return after;
  });
  return toDomainName(row);
}
