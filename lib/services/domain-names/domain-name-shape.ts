// A DomainName row as AWS's DomainName structure (dates stay Date here; the wire layer writes epoch seconds).
import type { DomainName as DomainNameRow } from '@prisma/client';
import { config } from '../../config';

/** CloudFront's hosted zone, the alias target of every edge-optimized domain name. */
const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

/** API Gateway's regional hosted zones (the regions Portico knows; others report none). */
const REGIONAL_HOSTED_ZONE_IDS: Record<string, string> = {
  'us-east-1': 'Z1UJRXOUMOOFQ8',
  'us-east-2': 'ZOJJZC49E0EPZ',
  'us-west-2': 'Z2OJLYMUO9EFXC',
  'eu-west-1': 'ZLY8HYME6SFDD',
  'eu-central-1': 'Z1U9ULNL0V5AJ3',
};

export interface DomainName {
  domainName: string;
  certificateName?: string;
  certificateArn?: string;
  certificateUploadDate: Date;
  regionalDomainName?: string;
  regionalHostedZoneId?: string;
  regionalCertificateArn?: string;
  distributionDomainName?: string;
  distributionHostedZoneId?: string;
  endpointConfiguration: { types: string[] };
  domainNameStatus: string;
  securityPolicy: string;
  tags?: Record<string, string>;
}

export function toDomainName(row: DomainNameRow): DomainName {
  const tags = row.tags as Record<string, string>;
  const regionalHostedZoneId = REGIONAL_HOSTED_ZONE_IDS[config.region];
  return {
    domainName: row.domainName,
    ...(row.certificateName != null && { certificateName: row.certificateName }),
    ...(row.certificateArn != null && { certificateArn: row.certificateArn }),
    certificateUploadDate: row.certificateUploadDate,
    ...(row.regionalDomainName != null && {
      regionalDomainName: row.regionalDomainName,
      ...(regionalHostedZoneId && { regionalHostedZoneId }),
    }),
    ...(row.regionalCertificateArn != null && { regionalCertificateArn: row.regionalCertificateArn }),
    ...(row.distributionDomainName != null && {
      distributionDomainName: row.distributionDomainName,
      distributionHostedZoneId: CLOUDFRONT_HOSTED_ZONE_ID,
    }),
    endpointConfiguration: row.endpointConfiguration as DomainName['endpointConfiguration'],
    domainNameStatus: row.domainNameStatus,
    securityPolicy: row.securityPolicy,
    ...(Object.keys(tags).length > 0 && { tags }),
  };
}
