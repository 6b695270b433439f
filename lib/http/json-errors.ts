// One mapping from thrown errors to JSON responses, shared by every route handler: service errors carry AWS's
// exception name (also in x-amzn-ErrorType, as AWS sends it); anything else is a logged 500 with no details.
import { ServiceError } from '../services/errors';

export function errorResponse(error: unknown): Response {
  if (error instanceof ServiceError) {
    return Response.json(
      { message: error.message },
      { status: error.status, headers: { 'x-amzn-ErrorType': error.type } },
    );
  }
  console.error('Unhandled error in route handler', error);
  return Response.json(
    { message: 'Internal server error' },
    { status: 500, headers: { 'x-amzn-ErrorType': 'InternalFailure' } },
  );
}

/** Reads a JSON body; malformed JSON is a BadRequestException, never a crash. */
export async function readJson(request: Request, maxBytes = 1024 * 1024): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new ServiceError('BadRequestException', 'Request body is too large');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError('BadRequestException', 'Could not parse request body into json: malformed JSON');
  }
}
