'use client';

// Monaco loads from the installed `monaco-editor` package (never a CDN): the loader gets our bundled copy and the
// editor worker is bundled from the package's own exports.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

if (typeof window !== 'undefined' && !window.MonacoEnvironment) {
  window.MonacoEnvironment = {
    getWorker: () => new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module' }),
  };
  loader.config({ monaco });
}

export { monaco };
