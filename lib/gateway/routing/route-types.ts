// The shapes shared by the routers (the trie in compile-routes/match-route and the naive reference in naive-router).
import type { RoutableMethod } from './http-methods';

/** The part of a deployment snapshot resource the router reads: `Snapshot['resources'][number]` fits. */
export interface RoutableResource {
  readonly path: string;
  readonly methods: Readonly<Record<string, unknown>>;
}

/** The method entry that serves a request: the request verb itself, or `ANY`. */
export type ServingMethod = RoutableMethod | 'ANY';

export interface RouteMatch<R extends RoutableResource = RoutableResource> {
  /** The snapshot resource itself (same object as in the compiled list). */
  resource: R;
  /** The key of `resource.methods` that serves the request (explicit verb beats `ANY`). */
  httpMethod: ServingMethod;
  /** The matched template, e.g. `/pets/{petId}` (`$context.resourcePath`). */
  resourcePath: string;
  /** URL-decoded values keyed by parameter name (a greedy one holds the rest joined with `/`). No prototype. */
  pathParameters: Record<string, string>;
}
