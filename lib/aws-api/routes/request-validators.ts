import type { Route } from '../router';

export const requestValidatorsRoutes: Route[] = [];
