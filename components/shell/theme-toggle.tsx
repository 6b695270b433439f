'use client';

import { useEffect, useState } from 'react';

type Theme = 'light' | 'dark' | 'system';

function apply(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    setTheme((localStorage.getItem('portico-theme') as Theme | null) ?? 'system');
  }, []);
  function choose(next: Theme) {
    setTheme(next);
    if (next === 'system') localStorage.removeItem('portico-theme');
    else localStorage.setItem('portico-theme', next);
    apply(next);
  }
  return (
    <label className="flex items-center gap-2 text-xs text-slate-500">
      Theme
      <select
        aria-label="Theme"
        value={theme}
        onChange={(e) => choose(e.target.value as Theme)}
        className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-700"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
