import { consoleRoute } from '@/lib/http/console-route';
import { readJson } from '@/lib/http/json-errors';
import { createAccessKey } from '@/lib/services/access-keys/create-access-key';
import { listAccessKeys } from '@/lib/services/access-keys/list-access-keys';

export const GET = consoleRoute(async (actor) => Response.json({ items: await listAccessKeys(actor) }));

export const POST = consoleRoute(async (actor, request) =>
  Response.json(await createAccessKey(actor, (await readJson(request)) as never), {
    status: 201,
    headers: { 'Cache-Control': 'no-store' },
  }),
);
