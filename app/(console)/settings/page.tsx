import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { pageActor } from '@/lib/auth/page-actor';
import { config } from '@/lib/config';
import { AccessKeysPanel } from './access-keys-panel';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await pageActor('read');
  const facts: Array<[string, string]> = [
    ['Region', config.region],
    ['Account ID', config.accountId],
    ['Gateway', `http://{apiId}.execute-api.localhost:${config.gatewayPort}/{stage}/…`],
    ['Gateway (path-based)', `http://localhost:${config.gatewayPort}/{apiId}/{stage}/…`],
    ['Database', process.env.PORTICO_DATABASE_MODE === 'embedded' ? 'embedded PostgreSQL (.data/)' : 'DATABASE_URL'],
  ];
  return (
    <>
      <PageHeader title="Settings" />
      <div className="grid gap-6 lg:grid-cols-2">
        <AccessKeysPanel />
        <Card title="This installation">
          <dl className="space-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="break-all font-mono text-xs">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
