// Web ACLs in WAFv2's shapes: the WebACL of GetWebACL and GetWebACLForResource (DefaultAction, Rules,
// VisibilityConfig and CustomResponseBodies exactly as they were given), and the WebACLSummary of create and list.
import type { WebAcl as WebAclRow } from '@prisma/client';
import { labelNamespace, webAclArn } from './waf-arns';

export interface WebAcl {
  Name: string;
  Id: string;
  ARN: string;
  DefaultAction: unknown;
  Description?: string;
  Rules: unknown[];
  VisibilityConfig: unknown;
  Capacity: number;
  ManagedByFirewallManager: boolean;
  RetrofittedByFirewallManager: boolean;
  LabelNamespace: string;
  CustomResponseBodies?: Record<string, unknown>;
}

export interface WebAclSummary {
  Name: string;
  Id: string;
  Description?: string;
  LockToken: string;
  ARN: string;
}

export function toWebAcl(row: WebAclRow): WebAcl {
  return {
    Name: row.name,
    Id: row.id,
    ARN: webAclArn(row.name, row.id),
    DefaultAction: row.defaultAction,
    ...(row.description != null && { Description: row.description }),
    Rules: row.rules as unknown[],
    VisibilityConfig: row.visibilityConfig,
    Capacity: row.capacity,
    ManagedByFirewallManager: false,
    RetrofittedByFirewallManager: false,
    LabelNamespace: labelNamespace(row.name),
    ...(row.customResponseBodies != null && {
      CustomResponseBodies: row.customResponseBodies as Record<string, unknown>,
    }),
  };
}

export function toWebAclSummary(row: WebAclRow): WebAclSummary {
  return {
    Name: row.name,
    Id: row.id,
    ...(row.description != null && { Description: row.description }),
    LockToken: row.lockToken,
    ARN: webAclArn(row.name, row.id),
  };
}
