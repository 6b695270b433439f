// What the gateway serves, in memory: every stage compiled once, swapped atomically when it changes, the custom
// domains' base path mappings, the access keys that may sign AWS_IAM requests, the web ACLs protecting stages, and
// the functions integrations and authorizers invoke. Changes arrive through PostgreSQL LISTEN/NOTIFY
// (lib/services/config-changes.ts) with a slow poll as the safety net; when PostgreSQL is unreachable the last good
// configuration keeps serving and the listener reconnects by itself.
import pg from 'pg';
import { decryptSecret } from '../../crypto/secrets';
import { CONFIG_CHANNEL } from '../../services/config-changes';
import type { CompiledWebAcl } from '../../waf/compile-web-acl';
import {
  type AccessKeyRow,
  type SessionCredentialRow,
  selectAccessKeys,
  selectSessionCredentials,
} from '../data/access-key-rows';
import { type BasePathMappingRow, selectBasePathMappings } from '../data/domain-rows';
import { selectFunctionAliases, selectFunctionCode, selectFunctionVersions } from '../data/function-rows';
import { type StageRow, selectAllStages, selectStage, selectStageVersions, stageVersion } from '../data/stage-rows';
import { selectIpSets, selectWebAclAssociations } from '../data/waf-rows';
import { FunctionCatalog } from '../functions/function-catalog';
import type { IamPrincipal } from '../pipeline/iam-auth';
import { compileStageWebAcls, stageKey } from '../waf/stage-web-acls';

export interface ConfigStoreOptions<T> {
  databaseUrl: string;
  /** builds what a request needs from a stage row; called once per stage change, never per request */
  compileStage: (row: StageRow) => T;
  pollIntervalMs?: number;
  reconnectDelayMs?: number;
  log?: (message: string) => void;
  /** called with each newly loaded function catalog (to unpack the functions' code ahead of requests) */
  onFunctions?: (catalog: FunctionCatalog) => void;
  /** FlushStageAuthorizersCache: the stage's cached authorizer results must go */
  onFlushAuthorizers?: (restApiId: string, stageName: string) => void;
}

const key = (restApiId: string, stageName: string) => `${restApiId}/${stageName}`;

export class ConfigStore<T> {
  private stages = new Map<string, { compiled: T; version: string }>();
  private mappings: BasePathMappingRow[] = [];
  private signers: ReadonlyMap<string, IamPrincipal> = new Map();
  private catalog = new FunctionCatalog([], [], async () => new Uint8Array());
  private functionsDigest = '';
  private webAcls: ReadonlyMap<string, CompiledWebAcl> = new Map();
  private wafDigest = '';
  private readonly pool: pg.Pool;
  private listener: pg.Client | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly log: (message: string) => void;

  constructor(private readonly options: ConfigStoreOptions<T>) {
    this.pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, connectionTimeoutMillis: 5000 });
    this.pool.on('error', (error) => this.log(`database pool error: ${error.message}`));
    this.log = options.log ?? (() => {});
  }

  /** Loads everything; fails only if the very first load fails (there is no last good configuration yet). */
  async start(): Promise<void> {
    await this.reloadAll();
    await this.listen().catch((error: Error) => this.scheduleReconnect(error));
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollIntervalMs ?? 30_000);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }

  get(restApiId: string, stageName: string): T | undefined {
    return this.stages.get(key(restApiId, stageName))?.compiled;
  }

  basePathMappings(): readonly BasePathMappingRow[] {
    return this.mappings;
  }

  /** The web ACL protecting a stage (AWS WAF), if any: no lookup at all while no stage has one. */
  webAcl(restApiId: string, stageName: string): CompiledWebAcl | undefined {
    return this.webAcls.size === 0 ? undefined : this.webAcls.get(stageKey(restApiId, stageName));
  }

  private async reloadWaf(): Promise<void> {
    const [associations, ipSets] = await Promise.all([selectWebAclAssociations(this.pool), selectIpSets(this.pool)]);
    // the safety-net poll reads them every 30 s: recompiled only on a change
    const digest = JSON.stringify([associations, ipSets]);
    if (digest === this.wafDigest) return;
    this.wafDigest = digest;
    this.webAcls = compileStageWebAcls(associations, ipSets, this.log);
  }

  /** The functions that integrations and Lambda authorizers invoke. */
  get functions(): FunctionCatalog {
    return this.catalog;
  }

  private async reloadFunctions(): Promise<void> {
    const [versions, aliases] = await Promise.all([
      selectFunctionVersions(this.pool),
      selectFunctionAliases(this.pool),
    ]);
    // the safety-net poll reads them every 30 s: the catalog is rebuilt (environments decrypted) only on a change
    const digest = JSON.stringify([versions, aliases]);
    if (digest === this.functionsDigest) return;
    this.functionsDigest = digest;
    this.catalog = new FunctionCatalog(versions, aliases, (id) => selectFunctionCode(this.pool, id), this.log);
    this.options.onFunctions?.(this.catalog);
  }

  /** The principal whose active access key this is (AWS_IAM methods), if any. */
  accessKey(accessKeyId: string): IamPrincipal | undefined {
    return this.signers.get(accessKeyId);
  }

  private async reloadAccessKeys(): Promise<void> {
    const [keys, sessions] = await Promise.all([selectAccessKeys(this.pool), selectSessionCredentials(this.pool)]);
    const signers = new Map<string, IamPrincipal>();
    const rows: Array<AccessKeyRow & Partial<SessionCredentialRow>> = [...keys, ...sessions];
    for (const row of rows) {
      try {
        signers.set(row.accessKeyId, {
          accessKeyId: row.accessKeyId,
          secretAccessKey: decryptSecret(row.secretEncrypted),
          userId: row.userId,
          userName: row.email,
          ...(row.tokenHash !== undefined &&
            row.expiresAt !== undefined && {
              session: { tokenHash: row.tokenHash, expiresAt: row.expiresAt.getTime() },
            }),
        });
      } catch {
        this.log(`access key ${row.accessKeyId} not loaded: its secret cannot be decrypted with this master key`);
      }
    }
    this.signers = signers;
  }

  get size(): number {
    return this.stages.size;
  }

  private install(row: StageRow): void {
    try {
      this.stages.set(key(row.restApiId, row.stageName), {
        compiled: this.options.compileStage(row),
        version: stageVersion(row),
      });
    } catch (error) {
      // A stage that cannot be compiled keeps its previous version (if any): never serve half a configuration.
      this.log(`stage ${row.restApiId}/${row.stageName} not loaded: ${(error as Error).message}`);
    }
  }

  private async reloadAll(): Promise<void> {
    const [rows, mappings] = await Promise.all([
      selectAllStages(this.pool),
      selectBasePathMappings(this.pool),
      this.reloadAccessKeys(),
      this.reloadFunctions(),
      this.reloadWaf(),
    ]);
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(key(row.restApiId, row.stageName));
      this.install(row);
    }
    for (const k of this.stages.keys()) if (!seen.has(k)) this.stages.delete(k);
    this.mappings = mappings;
  }

  private async reloadStage(restApiId: string, stageName: string): Promise<void> {
    const row = await selectStage(this.pool, restApiId, stageName);
    if (row) this.install(row);
    else this.stages.delete(key(restApiId, stageName));
  }

  /** Applies one NOTIFY payload; anything it does not understand triggers a full reload. */
  async applyChange(payload: string): Promise<void> {
    let change: { kind?: string; restApiId?: string; stageName?: string };
    try {
      change = JSON.parse(payload);
    } catch {
      change = {};
    }
    if (change.kind === 'domain') {
      this.mappings = await selectBasePathMappings(this.pool);
    } else if (change.kind === 'access-keys') {
      await this.reloadAccessKeys();
    } else if (change.kind === 'functions') {
      await this.reloadFunctions();
    } else if (change.kind === 'waf') {
      await this.reloadWaf();
    } else if (change.kind === 'flush-authorizer-cache' && change.restApiId && change.stageName) {
      this.options.onFlushAuthorizers?.(change.restApiId, change.stageName);
    } else if (change.restApiId && change.stageName) {
      await this.reloadStage(change.restApiId, change.stageName);
    } else {
      await this.reloadAll();
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl, connectionTimeoutMillis: 5000 });
    client.on('notification', (message) => {
      this.applyChange(message.payload ?? '').catch((error: Error) => this.log(`reload failed: ${error.message}`));
    });
    client.on('error', (error) => this.scheduleReconnect(error));
    client.on('end', () => this.scheduleReconnect(new Error('listener connection ended')));
    await client.connect();
    await client.query(`LISTEN ${CONFIG_CHANNEL}`);
    this.listener = client;
    // Changes made while we were not listening: catch up once connected.
    await this.reloadAll();
  }

  private scheduleReconnect(error: Error): void {
    if (this.stopped || this.reconnectTimer) return;
    this.log(`configuration listener lost (${error.message}); serving the last good configuration`);
    this.listener?.removeAllListeners();
    this.listener?.end().catch(() => {});
    this.listener = undefined;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.listen()
        .then(() => this.log('configuration listener reconnected'))
        .catch((e: Error) => this.scheduleReconnect(e));
    }, this.options.reconnectDelayMs ?? 1000);
    this.reconnectTimer.unref();
  }

  /** The safety net: finds stages whose version differs from what is loaded. */
  private async poll(): Promise<void> {
    try {
      const versions = await selectStageVersions(this.pool);
      const current = new Set<string>();
      for (const v of versions) {
        const k = key(v.restApiId, v.stageName);
        current.add(k);
        if (this.stages.get(k)?.version !== stageVersion(v)) {
          await this.reloadStage(v.restApiId, v.stageName);
        }
      }
      for (const k of this.stages.keys()) if (!current.has(k)) this.stages.delete(k);
      this.mappings = await selectBasePathMappings(this.pool);
      await this.reloadAccessKeys();
      await this.reloadFunctions();
      await this.reloadWaf();
    } catch (error) {
      this.log(`configuration poll failed (${(error as Error).message}); serving the last good configuration`);
    }
  }
}
