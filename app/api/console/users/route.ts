import { consoleRoute } from '@/lib/http/console-route';
import { readJson } from '@/lib/http/json-errors';
import { createUser } from '@/lib/services/users/create-user';
import { listUsers } from '@/lib/services/users/list-users';

export const GET = consoleRoute(async (actor) => Response.json({ items: await listUsers(actor) }));

export const POST = consoleRoute(async (actor, request) =>
  Response.json(await createUser(actor, (await readJson(request)) as never), { status: 201 }),
);
