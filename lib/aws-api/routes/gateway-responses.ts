import type { Route } from '../router';

export const gatewayResponsesRoutes: Route[] = [];
