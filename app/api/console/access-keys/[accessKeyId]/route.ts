import { consoleRoute } from '@/lib/http/console-route';
import { deleteAccessKey } from '@/lib/services/access-keys/delete-access-key';

export const DELETE = consoleRoute<{ accessKeyId: string }>(async (actor, _request, { accessKeyId }) => {
  await deleteAccessKey(actor, accessKeyId);
  return new Response(null, { status: 204 });
});
