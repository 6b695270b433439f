'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Permission } from '@/lib/auth/roles';
import { can } from '@/lib/auth/roles';
import { useConsoleUser } from './actor-context';

const ITEMS: Array<{ href: string; label: string; permission: Permission }> = [
  { href: '/apis', label: 'APIs', permission: 'read' },
  { href: '/functions', label: 'Functions', permission: 'read' },
  { href: '/usage-plans', label: 'Usage plans', permission: 'read' },
  { href: '/api-keys', label: 'API keys', permission: 'read' },
  { href: '/custom-domains', label: 'Custom domains', permission: 'read' },
  { href: '/users', label: 'Users', permission: 'manage-users' },
  { href: '/audit-log', label: 'Audit log', permission: 'read-audit-log' },
  { href: '/settings', label: 'Settings', permission: 'read' },
];

export function Nav() {
  const pathname = usePathname();
  const { role } = useConsoleUser();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {ITEMS.filter((item) => can(role, item.permission)).map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${
              active
                ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300'
                : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
