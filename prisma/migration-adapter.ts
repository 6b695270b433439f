// The driver adapter Prisma Migrate uses (prisma.config.ts). It is @prisma/adapter-pg with three faults of Prisma
// 6.19's JS schema engine worked around (see docs/decisions/0002-prisma.md):
//  1. adapter-pg cannot map PostgreSQL's internal `"char"` (OID 18) and `name` (OID 19) column types that Migrate
//     reads when describing a database: the pool reports them as `text` (OID 25); their values are strings already.
//  2. its shadow-database teardown drops the database while its own pool is still connected: we create the shadow
//     database ourselves and drop it after its pool has closed.
//  3. pg ignores a separate `database` field when a `connectionString` is given: pools are built from discrete
//     host/port/user/password/database fields.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT_OID = 25;
const INTERNAL_TEXT_OIDS = new Set([18, 19]);

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

function reportInternalTypesAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (INTERNAL_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

function patchQuery(target: { query: (...args: never[]) => unknown }): void {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(reportInternalTypesAsText) : out;
  };
}

class TextualPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    patchQuery(this as never);
    this.on('connect', (client) => patchQuery(client as never));
  }
}

export function poolConfigFromUrl(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    max: 4,
    // The CLI does not always dispose the adapter: idle connections must not keep the process alive for 10 s.
    allowExitOnIdle: true,
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(new TextualPool(poolConfigFromUrl(url)), { disposeExternalPool: true });
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
    await adminQuery(this.url, `CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg(new TextualPool(poolConfigFromUrl(this.url, database)), {
      disposeExternalPool: true,
    }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await adminQuery(this.url, `DROP DATABASE IF EXISTS "${database}"`);
    };
    return adapter;
  }
}

export function migrationAdapter(url: string): PrismaPg {
  return new MigrationAdapterFactory(url);
}
