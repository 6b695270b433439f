import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type Page, type PageRequest, pageWindow, toPage } from '../paging';

export interface AuditLogEntry {
  id: string;
  at: Date;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

/** Newest first. */
export async function listAuditLogs(actor: Actor, request: PageRequest = {}): Promise<Page<AuditLogEntry>> {
  authorize(actor, 'read-audit-log');
  const window = pageWindow(request);
  const rows = await db().auditLog.findMany({ orderBy: { id: 'desc' }, skip: window.skip, take: window.take + 1 });
  const page = toPage(rows, window);
  return {
    ...page,
    items: page.items.map(({ actorId: _actorId, ...row }) => ({ ...row, id: row.id.toString() })),
  };
}
