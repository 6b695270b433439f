import { consoleRoute } from '@/lib/http/console-route';
import { readJson } from '@/lib/http/json-errors';
import { deleteUser } from '@/lib/services/users/delete-user';
import { updateUser } from '@/lib/services/users/update-user';

type Params = { userId: string };

export const PATCH = consoleRoute<Params>(async (actor, request, { userId }) =>
  Response.json(await updateUser(actor, userId, (await readJson(request)) as never)),
);

export const DELETE = consoleRoute<Params>(async (actor, _request, { userId }) => {
  await deleteUser(actor, userId);
  return new Response(null, { status: 204 });
});
