import type { Route } from '../router';

export const authorizersRoutes: Route[] = [];
