// Every management API route, one table per aggregate: API Gateway's, then Lambda's (/2015-03-31/functions…).
import { Router } from '../router';
import { accountRoutes } from './account';
import { apiKeysRoutes } from './api-keys';
import { authorizersRoutes } from './authorizers';
import { deploymentsRoutes } from './deployments';
import { domainNamesRoutes } from './domain-names';
import { functionAliasesRoutes } from './function-aliases';
import { functionsRoutes } from './functions';
import { gatewayResponsesRoutes } from './gateway-responses';
import { integrationsRoutes } from './integrations';
import { methodResponsesRoutes } from './method-responses';
import { methodRoutes } from './methods';
import { modelsRoutes } from './models';
import { requestValidatorsRoutes } from './request-validators';
import { resourceRoutes } from './resources';
import { restApiRoutes } from './rest-apis';
import { stagesRoutes } from './stages';
import { usagePlansRoutes } from './usage-plans';

export const managementRoutes = [
  ...restApiRoutes,
  ...resourceRoutes,
  ...methodRoutes,
  ...methodResponsesRoutes,
  ...integrationsRoutes,
  ...modelsRoutes,
  ...requestValidatorsRoutes,
  ...authorizersRoutes,
  ...gatewayResponsesRoutes,
  ...deploymentsRoutes,
  ...stagesRoutes,
  ...apiKeysRoutes,
  ...usagePlansRoutes,
  ...domainNamesRoutes,
  ...accountRoutes,
  ...functionsRoutes,
  ...functionAliasesRoutes,
];

export const managementRouter = new Router(managementRoutes);
