import { consoleRoute } from '@/lib/http/console-route';
import { readJson } from '@/lib/http/json-errors';
import { createRestApi } from '@/lib/services/rest-apis/create-rest-api';
import { listRestApis } from '@/lib/services/rest-apis/list-rest-apis';

export const GET = consoleRoute(async (actor, request) => {
  const url = new URL(request.url);
  const limit = url.searchParams.get('limit');
  const page = await listRestApis(actor, {
    limit: limit ? Number(limit) : 500,
    position: url.searchParams.get('position') ?? undefined,
  });
  return Response.json(page);
});

export const POST = consoleRoute(async (actor, request) => {
  const api = await createRestApi(actor, (await readJson(request)) as never);
  return Response.json(api, { status: 201 });
});
