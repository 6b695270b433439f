// The functions as the gateway knows them, in memory: each version ready to run (its environment decrypted) and
// each alias with its routing. Built from the rows of lib/gateway/data/function-rows.ts whenever functions change;
// resolving a function ARN is a map lookup.
import { type AliasRouting, aliasVersion } from '../../functions/alias-routing';
import { functionArn, parseFunctionReference } from '../../functions/function-arn';
import type { FunctionSpec } from '../../functions/function-runtime';
import { openEnvironment } from '../../services/functions/function-environment';
import type { FunctionAliasRow, FunctionVersionRow } from '../data/function-rows';

interface CatalogFunction {
  versions: Map<string, FunctionSpec>;
  aliases: Map<string, AliasRouting>;
}

export interface ResolvedFunction {
  spec: FunctionSpec;
  /** the ARN as the caller named it (qualified by its alias or version) */
  invokedArn: string;
}

export class FunctionCatalog {
  readonly #functions = new Map<string, CatalogFunction>();

  constructor(
    versions: readonly FunctionVersionRow[],
    aliases: readonly FunctionAliasRow[],
    loadCode: (versionId: string) => Promise<Uint8Array>,
    log: (message: string) => void = () => {},
  ) {
    for (const row of versions) {
      let environment: Record<string, string>;
      try {
        environment = openEnvironment(row.environmentEncrypted);
      } catch {
        log(`function ${row.functionName}:${row.version} not loaded: its environment cannot be decrypted`);
        continue;
      }
      this.#function(row.functionName).versions.set(row.version, {
        functionName: row.functionName,
        version: row.version,
        functionArn: functionArn(row.functionName),
        handler: row.handler,
        runtime: row.runtime,
        timeout: row.timeout,
        memorySize: row.memorySize,
        codeSha256: row.codeSha256,
        environment,
        loadCode: () => loadCode(row.id),
      });
    }
    for (const row of aliases) {
      this.#function(row.functionName).aliases.set(row.name, {
        functionVersion: row.functionVersion,
        additionalVersionWeights: row.routingConfig?.additionalVersionWeights,
      });
    }
  }

  /** Every version, to unpack their code ahead of requests. */
  *specs(): Iterable<FunctionSpec> {
    for (const fn of this.#functions.values()) yield* fn.versions.values();
  }

  /** The version a function name or ARN (with its alias or version, `$LATEST` without) runs now. */
  resolve(nameOrArn: string): ResolvedFunction | undefined {
    const reference = parseFunctionReference(nameOrArn);
    const fn = reference && this.#functions.get(reference.functionName);
    if (!reference || !fn) return undefined;
    const qualifier = reference.qualifier ?? '$LATEST';
    const alias = fn.aliases.get(qualifier);
    const spec = fn.versions.get(alias ? aliasVersion(alias) : qualifier);
    if (!spec) return undefined;
    return { spec, invokedArn: functionArn(reference.functionName, reference.qualifier) };
  }

  #function(name: string): CatalogFunction {
    let fn = this.#functions.get(name);
    if (!fn) {
      fn = { versions: new Map(), aliases: new Map() };
      this.#functions.set(name, fn);
    }
    return fn;
  }
}
