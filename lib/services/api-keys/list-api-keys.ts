// GetApiKeys without values (values are revealed only through includeValue, by the management API issue).
import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';

export interface ApiKeySummary {
  id: string;
  name: string | null;
  description: string | null;
  enabled: boolean;
  customerId: string | null;
  stageKeys: string[];
  createdDate: Date;
  lastUpdatedDate: Date;
}

export async function listApiKeys(actor: Actor): Promise<ApiKeySummary[]> {
  authorize(actor, 'read');
  const rows = await db().apiKey.findMany({ orderBy: { createdDate: 'asc' } });
  return rows.map(({ valueHash: _h, valueEncrypted: _e, tags: _t, ...rest }) => rest);
}
