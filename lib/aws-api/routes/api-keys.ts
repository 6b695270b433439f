import type { Route } from '../router';

export const apiKeysRoutes: Route[] = [];
