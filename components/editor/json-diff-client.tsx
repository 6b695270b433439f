'use client';

import { DiffEditor } from '@monaco-editor/react';
import { useEffect, useState } from 'react';
import './monaco-setup';

function useDarkMode(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const update = () => setDark(document.documentElement.classList.contains('dark'));
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  return dark;
}

export default function JsonDiffClient({ before, after }: { before: string; after: string }) {
  const dark = useDarkMode();
  return (
    <div
      className="h-[60vh] overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800"
      data-testid="json-diff"
    >
      <DiffEditor
        original={before}
        modified={after}
        language="json"
        theme={dark ? 'vs-dark' : 'light'}
        options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false }, scrollBeyondLastLine: false }}
      />
    </div>
  );
}
