// The members CreateWebACL and UpdateWebACL share, as zod schemas: the definition (DefaultAction, Rules,
// CustomResponseBodies: their shapes are checked here only as far as Smithy's constraints go — lib/waf checks what
// they mean — and kept as given, unknown members included), VisibilityConfig, and the settings of WAF's API that
// Portico does not implement, which are refused rather than stored and ignored.
import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { unsupportedParameter } from './waf-errors';
import { entityDescription, entityName, visibilityConfig } from './waf-validation';

const jsonObject = z.record(z.string(), z.unknown());

const rule = z.looseObject({
  Name: entityName,
  Priority: z.number().int().min(0, 'Member must have value greater than or equal to 0'),
  Statement: jsonObject,
  Action: jsonObject.optional(),
  OverrideAction: jsonObject.optional(),
  VisibilityConfig: visibilityConfig,
});

/** Web ACL settings of WAF's API that Portico does not implement, with the ParameterExceptionField naming each. */
const UNSUPPORTED_WEB_ACL_MEMBERS = {
  Tags: 'TAGS',
  DataProtectionConfig: 'DATA_PROTECTION_CONFIG',
  CaptchaConfig: 'WEB_ACL',
  ChallengeConfig: 'CHALLENGE_CONFIG',
  TokenDomains: 'TOKEN_DOMAIN',
  AssociationConfig: 'WEB_ACL',
  OnSourceDDoSProtectionConfig: 'WEB_ACL',
  ApplicationConfig: 'WEB_ACL',
  MonetizationConfig: 'MONETIZATION_CONFIG',
} as const;

/** Rule settings Portico's gateway does not apply (labels, CAPTCHA and challenge settings). */
const UNSUPPORTED_RULE_MEMBERS = ['RuleLabels', 'CaptchaConfig', 'ChallengeConfig'] as const;

const unsupported = z.unknown().optional();

export const webAclInput = {
  Name: entityName,
  Description: entityDescription.optional(),
  DefaultAction: jsonObject,
  Rules: z.array(rule).optional(),
  VisibilityConfig: visibilityConfig,
  CustomResponseBodies: jsonObject.optional(),
  Tags: unsupported,
  DataProtectionConfig: unsupported,
  CaptchaConfig: unsupported,
  ChallengeConfig: unsupported,
  TokenDomains: unsupported,
  AssociationConfig: unsupported,
  OnSourceDDoSProtectionConfig: unsupported,
  ApplicationConfig: unsupported,
  MonetizationConfig: unsupported,
};

type WebAclInput = { [K in keyof typeof webAclInput]: z.infer<(typeof webAclInput)[K]> };

/** Refuses any setting Portico does not implement, on the web ACL or on one of its rules. */
export function refuseUnsupportedSettings(data: Partial<WebAclInput>): void {
  for (const [member, field] of Object.entries(UNSUPPORTED_WEB_ACL_MEMBERS)) {
    if (data[member as keyof typeof UNSUPPORTED_WEB_ACL_MEMBERS] !== undefined)
      throw unsupportedParameter(field, member);
  }
  for (const r of data.Rules ?? []) {
    const member = UNSUPPORTED_RULE_MEMBERS.find((m) => r[m] !== undefined);
    if (member) throw unsupportedParameter('RULE', member);
  }
}

/** The stored columns of a web ACL's definition (create and update write the same), with a new lock token. */
export function webAclDefinitionColumns(
  data: Pick<Partial<WebAclInput>, 'Description' | 'Rules' | 'CustomResponseBodies'> &
    Pick<WebAclInput, 'DefaultAction' | 'VisibilityConfig'>,
  capacity: number,
  lockToken: string,
) {
  return {
    description: data.Description ?? null,
    defaultAction: data.DefaultAction as Prisma.InputJsonObject,
    rules: (data.Rules ?? []) as Prisma.InputJsonArray,
    visibilityConfig: data.VisibilityConfig,
    customResponseBodies: (data.CustomResponseBodies as Prisma.InputJsonObject | undefined) ?? Prisma.DbNull,
    capacity,
    lockToken,
  };
}
