import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ActorProvider } from '@/components/shell/actor-context';
import { Nav } from '@/components/shell/nav';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { UserMenu } from '@/components/shell/user-menu';
import { currentActor } from '@/lib/auth/current-actor';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  return (
    <ActorProvider user={{ email: actor.email, role: actor.role }}>
      <div className="flex min-h-screen">
        <aside className="flex w-56 shrink-0 flex-col gap-4 border-r border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <Link href="/apis" className="flex items-center gap-2 px-3 text-lg font-semibold tracking-tight">
            <span aria-hidden className="inline-block h-5 w-5 rounded bg-indigo-600" />
            Portico
          </Link>
          <Nav />
          <div className="mt-auto space-y-3">
            <ThemeToggle />
            <UserMenu />
          </div>
        </aside>
        <main className="min-w-0 flex-1 p-8">{children}</main>
      </div>
    </ActorProvider>
  );
}
