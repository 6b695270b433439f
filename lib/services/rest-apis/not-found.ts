import { config } from '../../config';
import { notFound } from '../errors';

/** AWS's exact message for an unknown REST API id. */
export const restApiNotFound = (restApiId: string) =>
  notFound(`Invalid API identifier specified ${config.accountId}:${restApiId}`);
