'use client';

import dynamic from 'next/dynamic';

/** A read-only side-by-side JSON diff in Monaco (client-only: Monaco needs the browser). */
export const JsonDiff = dynamic(() => import('./json-diff-client'), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading editor…</p>,
});
