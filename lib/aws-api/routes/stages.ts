import type { Route } from '../router';

export const stagesRoutes: Route[] = [];
