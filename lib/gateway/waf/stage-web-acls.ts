// The web ACLs protecting stages, compiled from their rows: `{restApiId}/{stageName}` → compiled web ACL.
import { config } from '../../config';
import { type CompiledWebAcl, compileWebAcl, type IpSetContents } from '../../waf/compile-web-acl';
import type { IpSetRow, WebAclAssociationRow } from '../data/waf-rows';

const STAGE_ARN = /^arn:aws[a-z-]*:apigateway:[^:]*::\/restapis\/([^/]+)\/stages\/([^/]+)$/;

export const stageKey = (restApiId: string, stageName: string) => `${restApiId}/${stageName}`;

export function compileStageWebAcls(
  associations: readonly WebAclAssociationRow[],
  ipSetRows: readonly IpSetRow[],
  log: (message: string) => void,
): ReadonlyMap<string, CompiledWebAcl> {
  const ipSets = new Map<string, IpSetContents>(ipSetRows.map((row) => [row.id, row]));
  const compiled = new Map<string, CompiledWebAcl>(); // one compilation per web ACL, shared by its stages
  const byStage = new Map<string, CompiledWebAcl>();
  for (const row of associations) {
    const stage = STAGE_ARN.exec(row.resourceArn);
    if (!stage) continue;
    let acl = compiled.get(row.id);
    if (!acl) {
      const arn = `arn:aws:wafv2:${config.region}:${config.accountId}:regional/webacl/${row.name}/${row.id}`;
      try {
        acl = compileWebAcl({ arn, ...row }, ipSets, log);
      } catch (error) {
        // Stored definitions were checked when written, so this is damage: fail closed, never open.
        log(`web ACL ${row.name} cannot be evaluated (${(error as Error).message}): its stages block every request`);
        acl = { arn, evaluate: () => ({ action: 'BLOCK' }) };
      }
      compiled.set(row.id, acl);
    }
    byStage.set(stageKey(stage[1] as string, stage[2] as string), acl);
  }
  return byStage;
}
