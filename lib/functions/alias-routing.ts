// Which version an alias runs: its own, or — with a routing configuration (`{"AdditionalVersionWeights":
// {"2": 0.1}}`) — another version for that share of invocations, drawn per invocation as Lambda does.

export interface AliasRouting {
  functionVersion: string;
  /** version → share of invocations (0–1), at most one entry in Lambda */
  additionalVersionWeights?: Record<string, number>;
}

export function aliasVersion(alias: AliasRouting, random: () => number = Math.random): string {
  const weights = alias.additionalVersionWeights;
  if (weights) {
    let draw = random();
    for (const [version, weight] of Object.entries(weights)) {
      if (draw < weight) return version;
      draw -= weight;
    }
  }
  return alias.functionVersion;
}
