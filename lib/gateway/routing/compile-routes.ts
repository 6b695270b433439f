// Builds the routing trie for one deployment, once: a node per path prefix with its literal children in a Map, at most
// one `{param}` child and at most one `{greedy+}` child, and per resource a precomputed verb → method-entry table so
// matching never reads method maps. A snapshot AWS would have refused (duplicate path, two differently named variables
// of one kind under one parent, a part after a greedy variable, a malformed part) throws: that is a bug upstream.
// (AWS also forbids a `{param}` and a `{greedy+}` under the same parent; the trie tolerates it, `{param}` first.)
import { ROUTABLE_METHODS, servingMethod } from './http-methods';
import { parsePathTemplate } from './path-template';
import type { RoutableResource, ServingMethod } from './route-types';

export interface RouteEndpoint<R extends RoutableResource> {
  readonly resource: R;
  /** Request verb → the method entry serving it; verbs the resource does not serve are absent. */
  readonly serving: ReadonlyMap<string, ServingMethod>;
}

export interface RouteNode<R extends RoutableResource> {
  readonly literals: Map<string, RouteNode<R>>;
  param: { readonly name: string; readonly node: RouteNode<R> } | null;
  /** A greedy variable must be the last part, so it is a leaf: its resource, no children. */
  greedy: { readonly name: string; readonly endpoint: RouteEndpoint<R> } | null;
  endpoint: RouteEndpoint<R> | null;
}

export interface CompiledRouter<R extends RoutableResource> {
  readonly root: RouteNode<R>;
  readonly resourceCount: number;
}

function newNode<R extends RoutableResource>(): RouteNode<R> {
  return { literals: new Map(), param: null, greedy: null, endpoint: null };
}

function endpointFor<R extends RoutableResource>(resource: R): RouteEndpoint<R> {
  const serving = new Map<string, ServingMethod>();
  for (const verb of ROUTABLE_METHODS) {
    const entry = servingMethod(resource.methods, verb);
    if (entry !== null) serving.set(verb, entry);
  }
  return { resource, serving };
}

function conflict(path: string, existing: string, wanted: string): Error {
  return existing === wanted
    ? new Error(`Duplicate resource path ${path}`)
    : new Error(`Invalid resource path ${path}: a sibling already has the variable path part {${existing}}`);
}

function place<R extends RoutableResource>(root: RouteNode<R>, endpoint: RouteEndpoint<R>): void {
  const path = endpoint.resource.path;
  let node = root;
  for (const segment of parsePathTemplate(path)) {
    if (segment.kind === 'literal') {
      let child = node.literals.get(segment.value);
      if (child === undefined) {
        child = newNode<R>();
        node.literals.set(segment.value, child);
      }
      node = child;
    } else if (segment.kind === 'param') {
      if (node.param === null) node.param = { name: segment.name, node: newNode<R>() };
      else if (node.param.name !== segment.name) throw conflict(path, node.param.name, segment.name);
      node = node.param.node;
    } else {
      // parsePathTemplate guarantees the greedy part is the last one.
      if (node.greedy !== null) throw conflict(path, `${node.greedy.name}+`, `${segment.name}+`);
      node.greedy = { name: segment.name, endpoint };
      return;
    }
  }
  if (node.endpoint !== null) throw new Error(`Duplicate resource path ${path}`);
  node.endpoint = endpoint;
}

/** Compiles a deployment's resources (e.g. `snapshot.resources`) into a router; matches return the same objects. */
export function compileRoutes<R extends RoutableResource>(resources: readonly R[]): CompiledRouter<R> {
  const root = newNode<R>();
  for (const resource of resources) place(root, endpointFor(resource));
  return { root, resourceCount: resources.length };
}
