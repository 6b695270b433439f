// ImportApiKeys (`POST /apikeys?mode=import&format=csv`): every row of the CSV becomes a key, joined to the usage
// plans it names, all in one transaction. With failOnWarnings, any warning rejects the whole file.

import { lookupHash } from '../../crypto/secrets';
import { db } from '../../db/client';
import { newApiKeyId } from '../../ids';
import { type Actor, authorize } from '../actor';
import { audit } from '../audit';
import { badRequest, conflict, ServiceError } from '../errors';
import { notifyApiStages } from '../usage-plans/notify-gateways';
import { checkKeyStageClash } from '../usage-plans/usage-plan-input';
import { toApiKey } from './api-key-shape';
import { storedValue } from './api-key-value';
import { MAX_API_KEYS } from './create-api-key';
import { parseApiKeyCsv } from './parse-api-key-csv';

export interface ImportApiKeysOptions {
  format?: string | null;
  failOnWarnings?: boolean;
}

export interface ApiKeyIds {
  ids: string[];
  warnings: string[];
}

export async function importApiKeys(actor: Actor, csv: string, options: ImportApiKeysOptions): Promise<ApiKeyIds> {
  authorize(actor, 'edit');
  if (options.format?.toLowerCase() !== 'csv') {
    throw badRequest(`Invalid format specified: ${options.format ?? '(none)'}. The only supported format is csv`);
  }
  const { rows, warnings } = parseApiKeyCsv(csv);
  const hashes = new Set<string>();
  for (const row of rows) {
    const hash = lookupHash(row.value);
    if (hashes.has(hash)) throw conflict(`API Key already exists: record ${row.record} repeats an earlier key value`);
    hashes.add(hash);
  }
  return db().$transaction(async (tx) => {
    if ((await tx.apiKey.count()) + rows.length > MAX_API_KEYS) {
      throw new ServiceError('LimitExceededException', `An account can have at most ${MAX_API_KEYS} API keys`);
    }
    const planIds = [...new Set(rows.flatMap((row) => row.usagePlanIds))];
    const plans = await tx.usagePlan.findMany({ where: { id: { in: planIds } }, include: { apiStages: true } });
    const known = new Map(plans.map((plan) => [plan.id, plan]));
    const created: ReturnType<typeof toApiKey>[] = [];
    const memberships: string[] = [];
    for (const row of rows) {
      const key = await tx.apiKey.create({
        data: {
          id: newApiKeyId(),
          name: row.name,
          description: row.description,
          enabled: row.enabled,
          customerId: row.customerId,
          ...(await storedValue(tx, row.value)),
        },
      });
      created.push(toApiKey(key));
      for (const usagePlanId of new Set(row.usagePlanIds)) {
        const plan = known.get(usagePlanId);
        if (!plan) {
          warnings.push(`Record ${row.record}: usage plan ${usagePlanId} does not exist; the key was not added to it`);
          continue;
        }
        await checkKeyStageClash(tx, usagePlanId, [key.id], plan.apiStages);
        await tx.usagePlanKey.create({ data: { usagePlanId, apiKeyId: key.id } });
        memberships.push(`${usagePlanId}/${key.id}`);
      }
    }
    if (options.failOnWarnings && warnings.length > 0) {
      throw badRequest(`Import failed on warnings: ${warnings.join('; ')}`);
    }
    const ids = created.map((key) => key.id);
    await audit(tx, actor, {
      action: 'import-api-keys',
      targetType: 'ApiKey',
      targetId: ids.join(','),
      after: { keys: created, usagePlanKeys: memberships, warnings },
    });
    await notifyApiStages(
      tx,
      plans.flatMap((plan) => plan.apiStages),
      'api-key',
    );
    return { ids, warnings };
  });
}
