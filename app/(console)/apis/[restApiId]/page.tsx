import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { pageActor } from '@/lib/auth/page-actor';
import { config } from '@/lib/config';
import { ServiceError } from '@/lib/services/errors';
import { listResources } from '@/lib/services/resources/list-resources';
import { getRestApi } from '@/lib/services/rest-apis/get-rest-api';

export const metadata: Metadata = { title: 'API' };

const METHOD_COLOURS: Record<string, string> = {
  GET: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  POST: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  PUT: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
  DELETE: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
};

export default async function ApiPage({ params }: { params: Promise<{ restApiId: string }> }) {
  const actor = await pageActor('read');
  const { restApiId } = await params;
  const [api, { items: resources }] = await Promise.all([
    getRestApi(actor, restApiId),
    listResources(actor, restApiId, { embedMethods: true, limit: 500 }),
  ]).catch((error) => {
    if (error instanceof ServiceError && error.type === 'NotFoundException') notFound();
    throw error;
  });

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/apis" className="text-indigo-600 hover:underline dark:text-indigo-400">
          APIs
        </Link>{' '}
        / {api.name}
      </p>
      <PageHeader title={api.name} description={api.description} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details">
          <dl className="space-y-2 text-sm">
            {[
              ['API ID', api.id],
              ['Endpoint type', api.endpointConfiguration.types.join(', ')],
              ['API key source', api.apiKeySource],
              ['Created', api.createdDate.toLocaleString()],
              ['Invoke URL (after deployment)', `http://${api.id}.execute-api.localhost:${config.gatewayPort}/{stage}`],
            ].map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="break-all font-mono text-xs">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <div className="lg:col-span-2">
          <Card title="Resources">
            <ul className="space-y-2 text-sm" aria-label="Resources">
              {resources.map((resource) => (
                <li key={resource.id} className="flex flex-wrap items-center gap-2">
                  <span className="font-mono">{resource.path}</span>
                  {Object.values(resource.resourceMethods ?? {}).map((method) => (
                    <span
                      key={method.httpMethod}
                      title={`${method.methodIntegration?.type ?? 'no integration'}, authorization ${method.authorizationType}`}
                      className={`rounded px-1.5 py-0.5 text-xs font-medium ${METHOD_COLOURS[method.httpMethod] ?? 'bg-slate-200 dark:bg-slate-800'}`}
                    >
                      {method.httpMethod}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
