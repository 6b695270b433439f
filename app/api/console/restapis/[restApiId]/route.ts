import { consoleRoute } from '@/lib/http/console-route';
import { deleteRestApi } from '@/lib/services/rest-apis/delete-rest-api';
import { getRestApi } from '@/lib/services/rest-apis/get-rest-api';

type Params = { restApiId: string };

export const GET = consoleRoute<Params>(async (actor, _request, { restApiId }) =>
  Response.json(await getRestApi(actor, restApiId)),
);

export const DELETE = consoleRoute<Params>(async (actor, _request, { restApiId }) => {
  await deleteRestApi(actor, restApiId);
  return new Response(null, { status: 204 });
});
