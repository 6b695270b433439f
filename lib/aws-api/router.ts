// The management API's routes: AWS's method + path templates, matched segment by segment, each naming the AWS
// operation it serves. Route modules in lib/aws-api/routes/ are plain tables of these.
import type { Actor } from '../services/actor';

export interface ApiRequest {
  actor: Actor;
  params: Record<string, string>;
  query: URLSearchParams;
  /** the parsed JSON body ({} when empty) */
  body: unknown;
  /** the body as received, for operations that take other formats (CSV, YAML) */
  rawBody: string;
  headers: Headers;
  /** this request's x-amzn-RequestId */
  requestId: string;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  /** a body that is not JSON (exports, SDK archives); sent as is */
  raw?: { contentType: string; data: string | Uint8Array; disposition?: string };
  /** response headers of the operation's own (Lambda's Invoke: X-Amz-Executed-Version, …) */
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operation: string;
  handler: (request: ApiRequest) => Promise<ApiResult>;
  /** the body is not JSON to parse (Lambda's Invoke payload): the handler reads `rawBody` */
  rawPayload?: boolean;
}

interface CompiledRoute extends Route {
  segments: Array<{ literal: string } | { param: string }>;
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((route) => ({
      ...route,
      segments: route.path
        .split('/')
        .filter(Boolean)
        .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s })),
    }));
  }

  /** `segments` are already percent-decoded. Literal segments win over parameters at the same position. */
  match(
    method: string,
    segments: string[],
  ): { route: Route; params: Record<string, string> } | { allowed: string[] } | null {
    const candidates = this.routes.filter((route) => this.fits(route, segments));
    if (candidates.length === 0) return null;
    const ranked = candidates.sort((a, b) => this.literalScore(b) - this.literalScore(a));
    const route = ranked.find((r) => r.method === method);
    if (!route) return { allowed: [...new Set(ranked.map((r) => r.method))] };
    const params: Record<string, string> = {};
    route.segments.forEach((segment, i) => {
      if ('param' in segment) params[segment.param] = segments[i] as string;
    });
    return { route, params };
  }

  private fits(route: CompiledRoute, segments: string[]): boolean {
    if (route.segments.length !== segments.length) return false;
    return route.segments.every((s, i) => 'param' in s || s.literal === segments[i]);
  }

  private literalScore(route: CompiledRoute): number {
    return route.segments.reduce((score, s, i) => score + ('literal' in s ? 2 ** (route.segments.length - i) : 0), 0);
  }
}
