// Calls to HTTP backends: one keep-alive connection pool per origin (undici), AWS's timeout (504 INTEGRATION_TIMEOUT)
// and AWS's answer to a backend that cannot be reached (500 Internal server error).
import { Agent, type Dispatcher, errors } from 'undici';
import { GatewayError } from '../gateway-error';

const newAgent = () =>
  new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 256, pipelining: 1 });
let agent = newAgent();

/** The process's backend pools (one undici Agent: a keep-alive pool per origin). */
export function backendAgent(): Agent {
  return agent;
}

export interface BackendRequest {
  /** `http://host:port` */
  origin: string;
  /** path and query string */
  path: string;
  method: string;
  /** an object, or flat `[name, value, name, value, …]` (cheaper to build when forwarding a client's headers) */
  headers: Record<string, string | string[]> | string[];
  body?: Buffer | string;
  timeoutMs: number;
  insecureSkipVerification?: boolean;
}

export type BackendResponse = Dispatcher.ResponseData;

const TIMEOUT_ERRORS = ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'];

export function backendError(error: unknown): GatewayError {
  const { code = '', name = '' } = error as { code?: string; name?: string };
  if (TIMEOUT_ERRORS.includes(code) || name === 'TimeoutError' || error instanceof errors.HeadersTimeoutError) {
    return new GatewayError('INTEGRATION_TIMEOUT');
  }
  return new GatewayError('API_CONFIGURATION_ERROR');
}

/**
 * undici's own timeouts are cheap but tick coarsely (about a second), fine for AWS's default 29 s; a timeout under
 * two seconds (AWS allows 50 ms) gets a precise, costlier AbortSignal instead.
 */
export function timeoutOptions(timeoutMs: number): {
  signal?: AbortSignal;
  headersTimeout?: number;
  bodyTimeout?: number;
} {
  return timeoutMs < 2000
    ? { signal: AbortSignal.timeout(timeoutMs) }
    : { headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
}

/** undici's options for a request; `withTimeouts: false` leaves the wait for the headers to the caller. */
export function dispatchOptions(req: BackendRequest, withTimeouts = true): Dispatcher.DispatchOptions {
  return {
    origin: req.origin,
    path: req.path,
    method: req.method as Dispatcher.HttpMethod,
    headers: req.headers,
    body: req.body && req.body.length > 0 ? req.body : undefined,
    ...(withTimeouts ? timeoutOptions(req.timeoutMs) : { headersTimeout: 0, bodyTimeout: req.timeoutMs }),
  };
}

export async function callBackend(req: BackendRequest): Promise<BackendResponse> {
  try {
    return await agent.request(dispatchOptions(req) as Dispatcher.RequestOptions);
  } catch (error) {
    throw backendError(error);
  }
}

/**
 * Closes the pools once their in-flight requests are done. A fresh pool takes their place: another gateway in the
 * same process (tests run several; the console runs TestInvokeMethod) keeps working, and closing twice is harmless.
 */
export async function closeBackendPools(): Promise<void> {
  const closing = agent;
  agent = newAgent();
  await closing.close();
}
