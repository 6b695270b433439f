import type { Route } from '../router';

export const modelsRoutes: Route[] = [];
