import type { Route } from '../router';

export const deploymentsRoutes: Route[] = [];
