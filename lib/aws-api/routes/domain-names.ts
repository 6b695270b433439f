import { createBasePathMapping } from '../../services/base-path-mappings/create-base-path-mapping';
import { deleteBasePathMapping } from '../../services/base-path-mappings/delete-base-path-mapping';
import { getBasePathMapping } from '../../services/base-path-mappings/get-base-path-mapping';
import { listBasePathMappings } from '../../services/base-path-mappings/list-base-path-mappings';
import { updateBasePathMapping } from '../../services/base-path-mappings/update-base-path-mapping';
import { createDomainName } from '../../services/domain-names/create-domain-name';
import { deleteDomainName } from '../../services/domain-names/delete-domain-name';
import { getDomainName } from '../../services/domain-names/get-domain-name';
import { getDomainNames } from '../../services/domain-names/get-domain-names';
import { updateDomainName } from '../../services/domain-names/update-domain-name';
import { accepted, created, ok, pageRequest } from '../route-helpers';
import type { Route } from '../router';
import { collection } from '../wire';

export const domainNamesRoutes: Route[] = [
  {
    method: 'POST',
    path: '/domainnames',
    operation: 'CreateDomainName',
    handler: async ({ actor, body }) => created(await createDomainName(actor, body)),
  },
  {
    method: 'GET',
    path: '/domainnames',
    operation: 'GetDomainNames',
    handler: async ({ actor, query }) => ok(collection(await getDomainNames(actor, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: '/domainnames/{domain_name}',
    operation: 'GetDomainName',
    handler: async ({ actor, params }) => ok(await getDomainName(actor, params.domain_name as string)),
  },
  {
    method: 'PATCH',
    path: '/domainnames/{domain_name}',
    operation: 'UpdateDomainName',
    handler: async ({ actor, params, body }) => ok(await updateDomainName(actor, params.domain_name as string, body)),
  },
  {
    method: 'DELETE',
    path: '/domainnames/{domain_name}',
    operation: 'DeleteDomainName',
    handler: async ({ actor, params }) => {
      await deleteDomainName(actor, params.domain_name as string);
      return accepted();
    },
  },
  {
    method: 'POST',
    path: '/domainnames/{domain_name}/basepathmappings',
    operation: 'CreateBasePathMapping',
    handler: async ({ actor, params, body }) =>
      created(await createBasePathMapping(actor, params.domain_name as string, body)),
  },
  {
    method: 'GET',
    path: '/domainnames/{domain_name}/basepathmappings',
    operation: 'GetBasePathMappings',
    handler: async ({ actor, params, query }) =>
      ok(collection(await listBasePathMappings(actor, params.domain_name as string, pageRequest(query)))),
  },
  {
    method: 'GET',
    path: '/domainnames/{domain_name}/basepathmappings/{base_path}',
    operation: 'GetBasePathMapping',
    handler: async ({ actor, params }) =>
      ok(await getBasePathMapping(actor, params.domain_name as string, params.base_path as string)),
  },
  {
    method: 'PATCH',
    path: '/domainnames/{domain_name}/basepathmappings/{base_path}',
    operation: 'UpdateBasePathMapping',
    handler: async ({ actor, params, body }) =>
      ok(await updateBasePathMapping(actor, params.domain_name as string, params.base_path as string, body)),
  },
  {
    method: 'DELETE',
    path: '/domainnames/{domain_name}/basepathmappings/{base_path}',
    operation: 'DeleteBasePathMapping',
    handler: async ({ actor, params }) => {
      await deleteBasePathMapping(actor, params.domain_name as string, params.base_path as string);
      return accepted();
    },
  },
];
