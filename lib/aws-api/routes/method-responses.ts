import type { Route } from '../router';

export const methodResponsesRoutes: Route[] = [];
