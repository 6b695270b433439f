// Everything one request carries through the pipeline.
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import type { OpenResponse } from '../integrations/backend-client';
import type { MethodRequest } from '../mapping/method-request';
import type { RouteMatch } from '../routing';
import type { CompiledDeployment, ServedStage, SnapshotResource } from '../served-stage';

export interface GatewayContext {
  requestId: string;
  apigwId: string;
  startedAt: number;
  method: string;
  /** the raw request target after the stage: `/pets/1` */
  path: string;
  rawQuery: string;
  rawHeaders: string[];
  host: string;
  sourceIp: string;
  body: Buffer;
  request: MethodRequest;
  stage?: ServedStage;
  deployment?: CompiledDeployment;
  isCanary: boolean;
  stageVariables: Record<string, string>;
  route?: RouteMatch<SnapshotResource>;
  methodDef?: SnapshotMethod;
  /** AWS's $context, built once the route is known */
  context: Record<string, unknown>;
  /** `$context.error.validationErrorString` after a failed body validation */
  validationErrors?: string;
}

export interface GatewayResult {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer | string | NodeJS.ReadableStream;
  /**
   * A response streamed from the backend (HTTP_PROXY): called with a function that writes the status and headers
   * and returns where the body goes. status/headers/body above are unused then.
   */
  stream?: (open: OpenResponse) => Promise<void>;
}
