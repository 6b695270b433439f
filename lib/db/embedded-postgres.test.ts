import { describe, expect, it } from 'vitest';
import { closedDirectories } from './embedded-postgres';

describe('closedDirectories (what the postgres user cannot enter when Portico runs as root)', () => {
  it('lists the directories on the way that other users may not enter', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-closed-'));
    fs.chmodSync(base, 0o700);
    fs.mkdirSync(path.join(base, 'app', 'data'), { recursive: true });
    try {
      expect(closedDirectories([path.join(base, 'app', 'data')])).toEqual([base]);
      fs.chmodSync(base, 0o711);
      expect(closedDirectories([path.join(base, 'app', 'data')])).toEqual([]);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
