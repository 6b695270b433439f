// CreateDomainName: a custom domain name with the target name AWS would give it (a CloudFront distribution for EDGE,
// a regional execute-api host for REGIONAL). Certificates are recorded by name/ARN only; Portico terminates no TLS.
import { z } from 'zod';
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { conflict } from '../errors';
import { parseInput } from '../validation';
import {
  checkDomainName,
  DOMAIN_ENDPOINT_TYPES,
  normalizeDomainName,
  SECURITY_POLICIES,
  targetNames,
} from './domain-name-input';
import { type DomainName, toDomainName } from './domain-name-shape';

const createDomainNameInput = z.object({
  domainName: z.string().trim().min(1, 'Member must not be blank'),
  certificateName: z.string().max(1024).optional(),
  certificateArn: z.string().max(2048).optional(),
  // AWS's legacy certificate upload: accepted, not kept (Portico terminates no TLS)
  certificateBody: z.string().optional(),
  certificatePrivateKey: z.string().optional(),
  certificateChain: z.string().optional(),
  regionalCertificateName: z.string().max(1024).optional(),
  regionalCertificateArn: z.string().max(2048).optional(),
  endpointConfiguration: z
    .object({ types: z.array(z.enum(DOMAIN_ENDPOINT_TYPES)).length(1, 'exactly one endpoint type is supported') })
    .optional(),
  securityPolicy: z.enum(SECURITY_POLICIES).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export async function createDomainName(actor: Actor, input: unknown): Promise<DomainName> {
  authorize(actor, 'edit');
  const data = parseInput(createDomainNameInput, input);
  const domainName = normalizeDomainName(data.domainName);
  checkDomainName(domainName);
  const type = data.endpointConfiguration?.types[0] ?? 'EDGE';
  const row = await db().$transaction(async (tx) => {
    const existing = await tx.domainName.findUnique({ where: { domainName } });
    if (existing) throw conflict('The domain name you provided already exists.');
    const created = await tx.domainName.create({
      data: {
        domainName,
        certificateName: data.certificateName,
        certificateArn: data.certificateArn,
        regionalCertificateArn: data.regionalCertificateArn,
        ...targetNames(type, { distributionDomainName: null, regionalDomainName: null }),
        endpointConfiguration: { types: [type] },
        domainNameStatus: 'AVAILABLE',
        securityPolicy: data.securityPolicy ?? 'TLS_1_2',
        tags: data.tags ?? {},
      },
    });
    await audit(tx, actor, {
      action: 'create-domain-name',
      targetType: 'DomainName',
      targetId: domainName,
      after: toDomainName(created),
    });
    return created;
  });
  return toDomainName(row);
}
