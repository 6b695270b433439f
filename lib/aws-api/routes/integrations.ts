import type { Route } from '../router';

export const integrationsRoutes: Route[] = [];
