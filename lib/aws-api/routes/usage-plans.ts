import type { Route } from '../router';

export const usagePlansRoutes: Route[] = [];
