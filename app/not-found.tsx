import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-2 p-8 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-slate-500">This page does not exist, or your role may not see it.</p>
      <Link href="/apis" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
        Back to APIs
      </Link>
    </main>
  );
}
