import type { Metadata } from 'next';
import { pageActor } from '@/lib/auth/page-actor';
import { ApisView } from './apis-view';

export const metadata: Metadata = { title: 'APIs' };

export default async function ApisPage() {
  await pageActor('read');
  return <ApisView />;
}
