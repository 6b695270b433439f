// The gateway's request routing: which API/stage a request targets (parseTarget), which resource and method entry
// serve it (compileRoutes once per deployment, then matchRoute per request), and the X-HTTP-Method-Override verb.
export type { CompiledRouter } from './compile-routes';
export { compileRoutes } from './compile-routes';
export { isRoutableMethod, ROUTABLE_METHODS, type RoutableMethod } from './http-methods';
export { matchRoute } from './match-route';
export { effectiveMethod, type RequestHeaders } from './method-override';
export {
  type BasePathMapping,
  hostName,
  parseTarget,
  type RequestTarget,
  type TargetOptions,
  type TargetSource,
} from './parse-target';
export type { RoutableResource, RouteMatch, ServingMethod } from './route-types';
