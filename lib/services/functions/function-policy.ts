// A function's resource-based policy (Lambda AddPermission / GetPolicy / RemovePermission): the statements as Lambda
// writes them — Sid, Allow, Principal (a service, an account, an ARN or `*`), Action, the function's ARN (with the
// qualifier the permission was added for), and Conditions for SourceArn, SourceAccount and PrincipalOrgID. Portico
// records them for the tools that manage them (Terraform, SAM, the CLI); it does not enforce them.
import { functionArn } from '../../functions/function-arn';

export interface PermissionInput {
  StatementId: string;
  Action: string;
  Principal: string;
  SourceArn?: string;
  SourceAccount?: string;
  PrincipalOrgID?: string;
}

function principal(value: string): unknown {
  if (value === '*') return '*';
  if (/^\d{12}$/.test(value)) return { AWS: `arn:aws:iam::${value}:root` };
  if (value.startsWith('arn:')) return { AWS: value };
  return { Service: value };
}

export function permissionStatement(functionName: string, qualifier: string, input: PermissionInput): object {
  const condition: Record<string, Record<string, string>> = {};
  if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
  if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
  if (input.PrincipalOrgID) {
    condition.StringEquals = { ...condition.StringEquals, 'aws:PrincipalOrgID': input.PrincipalOrgID };
  }
  return {
    Sid: input.StatementId,
    Effect: 'Allow',
    Principal: principal(input.Principal),
    Action: input.Action,
    Resource: functionArn(functionName, qualifier || undefined),
    ...(Object.keys(condition).length > 0 && { Condition: condition }),
  };
}

/** The policy document GetPolicy answers (as a JSON string, as Lambda does). */
export function policyDocument(statements: readonly unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements });
}
