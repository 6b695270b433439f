import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { notFound } from '../errors';
import type { AuditLogEntry } from './list-audit-logs';

export async function getAuditLog(actor: Actor, entryId: string): Promise<AuditLogEntry> {
  authorize(actor, 'read-audit-log');
  if (!/^\d{1,18}$/.test(entryId)) throw notFound(`No audit log entry ${entryId}`);
  const row = await db().auditLog.findUnique({ where: { id: BigInt(entryId) } });
  if (!row) throw notFound(`No audit log entry ${entryId}`);
  const { actorId: _actorId, ...rest } = row;
  return { ...rest, id: row.id.toString() };
}
