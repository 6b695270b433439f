// `${stageVariables.name}` in a text AWS resolves per request (a Lambda invocation URI, a user pool ARN): each
// replaced by the stage's variable, or by nothing when the stage has no such variable.
const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

export function withStageVariables(text: string, variables: Readonly<Record<string, string>>): string {
  return text.includes('${') ? text.replace(STAGE_VARIABLE, (_, name: string) => variables[name] ?? '') : text;
}
