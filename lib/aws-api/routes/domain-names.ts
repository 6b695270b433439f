import type { Route } from '../router';

export const domainNamesRoutes: Route[] = [];
