import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JsonDiff } from '@/components/editor/json-diff';
import { PageHeader } from '@/components/ui/page-header';
import { pageActor } from '@/lib/auth/page-actor';
import { getAuditLog } from '@/lib/services/audit-logs/get-audit-log';
import { ServiceError } from '@/lib/services/errors';

export const metadata: Metadata = { title: 'Audit log entry' };

export default async function AuditEntryPage({ params }: { params: Promise<{ entryId: string }> }) {
  const actor = await pageActor('read-audit-log');
  const { entryId } = await params;
  const entry = await getAuditLog(actor, entryId).catch((error) => {
    if (error instanceof ServiceError) notFound();
    throw error;
  });
  const pretty = (value: unknown) => (value == null ? '' : JSON.stringify(value, null, 2));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/audit-log" className="text-indigo-600 hover:underline dark:text-indigo-400">
          Audit log
        </Link>{' '}
        / {entry.id}
      </p>
      <PageHeader
        title={entry.action}
        description={`${entry.actorEmail} · ${entry.at.toLocaleString()} · ${entry.targetType} ${entry.targetId}`}
      />
      <div className="mb-2 grid grid-cols-2 text-xs font-medium text-slate-500">
        <span>Before</span>
        <span>After</span>
      </div>
      <JsonDiff before={pretty(entry.before)} after={pretty(entry.after)} />
    </>
  );
}
