// Calls to HTTP backends: one keep-alive connection pool per origin (undici), AWS's timeout (504 INTEGRATION_TIMEOUT)
// and AWS's answer to a backend that cannot be reached (500 Internal server error).
import { Agent, errors, request } from 'undici';
import { GatewayError } from '../gateway-error';

const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 256, pipelining: 1 });

export interface BackendRequest {
  url: string;
  method: string;
  headers: Record<string, string | string[]>;
  body?: Buffer | string;
  timeoutMs: number;
  insecureSkipVerification?: boolean;
}

export type BackendResponse = Awaited<ReturnType<typeof request>>;

const TIMEOUT_ERRORS = ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'];

export function backendError(error: unknown): GatewayError {
  const { code = '', name = '' } = error as { code?: string; name?: string };
  if (TIMEOUT_ERRORS.includes(code) || name === 'TimeoutError' || error instanceof errors.HeadersTimeoutError) {
    return new GatewayError('INTEGRATION_TIMEOUT');
  }
  return new GatewayError('API_CONFIGURATION_ERROR');
}

export async function callBackend(req: BackendRequest): Promise<BackendResponse> {
  try {
    return await request(req.url, {
      method: req.method as 'GET',
      headers: req.headers,
      body: req.body && req.body.length > 0 ? req.body : undefined,
      dispatcher: agent,
      // undici's own timeouts tick coarsely (about half a second); AWS's limit can be as low as 50 ms.
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (error) {
    throw backendError(error);
  }
}

export async function closeBackendPools(): Promise<void> {
  await agent.close();
}
