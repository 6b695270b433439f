// Integration response selection (AWS §1.9): the first response whose selectionPattern matches the whole backend
// status code (or Lambda error message), else the default response (no pattern), else nothing (AWS then answers 500).
// A Lambda function that succeeded has no subject: its answer takes the default response.

import { compileSelectionPattern } from '../../services/integration-responses/selection-pattern';
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';

type IntegrationResponse = NonNullable<
  NonNullable<SnapshotMethod['methodIntegration']>['integrationResponses']
>[string];

const compiled = new Map<string, RegExp | null>();

function pattern(source: string): RegExp | null {
  let regex = compiled.get(source);
  if (regex === undefined) {
    try {
      regex = compileSelectionPattern(source);
    } catch {
      regex = null;
    }
    compiled.set(source, regex);
  }
  return regex;
}

export function selectIntegrationResponse(
  responses: Record<string, IntegrationResponse> | undefined,
  subject: string | undefined,
): IntegrationResponse | undefined {
  const all = Object.values(responses ?? {});
  const matched =
    subject === undefined
      ? undefined
      : all.find((r) => r.selectionPattern && pattern(r.selectionPattern)?.test(subject));
  return matched ?? all.find((r) => !r.selectionPattern);
}
