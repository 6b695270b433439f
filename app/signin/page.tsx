import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/current-actor';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  if (await currentActor()) redirect('/apis');
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="space-y-1">
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            <span aria-hidden className="inline-block h-5 w-5 rounded bg-indigo-600" />
            Sign in to Portico
          </h1>
          <p className="text-sm text-slate-500">Use the account an administrator gave you.</p>
        </div>
        <SignInForm />
      </div>
    </main>
  );
}
