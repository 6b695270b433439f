import type { Metadata } from 'next';
import { pageActor } from '@/lib/auth/page-actor';
import { UsersView } from './users-view';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await pageActor('manage-users');
  return <UsersView />;
}
