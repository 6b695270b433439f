// Everything one request carries through the pipeline. The method request's maps (query string, headers, body text)
// and AWS's $context are built on first use: a plain HTTP_PROXY passthrough never reads them.
import type { SnapshotMethod } from '../../snapshot/snapshot-schema';
import type { FunctionInvoker } from '../functions/function-invoker';
import type { OpenResponse } from '../integrations/stream-response';
import { headerMaps, type MethodRequest, queryMaps } from '../mapping/method-request';
import type { RouteMatch } from '../routing';
import type { CompiledDeployment, ServedStage, SnapshotResource } from '../served-stage';
import type { StageKey } from '../throttle/stage-keys';
import { buildAwsContext } from './aws-context';
import type { IamCaller } from './iam-auth';

/** Everything one request carries through the pipeline (created by createGatewayContext). */
export class GatewayContext {
  requestId: string;
  apigwId: string;
  startedAt: number;
  method: string;
  /** the request target as the client sent it (`/{apiId}/{stage}/pets/1?x=1`, or `/{stage}/…` host-based) */
  url: string;
  /** the raw request target after the stage: `/pets/1` */
  path: string;
  rawQuery: string;
  rawHeaders: string[];
  host: string;
  sourceIp: string;
  body: Buffer;
  stage?: ServedStage;
  deployment?: CompiledDeployment;
  isCanary: boolean;
  stageVariables: Record<string, string>;
  route?: RouteMatch<SnapshotResource>;
  methodDef?: SnapshotMethod;
  /** the API key that opened an apiKeyRequired method (`$context.identity.apiKey`, `apiKeyId`) */
  apiKey?: { id: string; value: string; key: StageKey };
  /** the stage's web ACL and what it decided (`$context.webaclArn`, `$context.wafResponseCode`) */
  waf?: { webAclArn: string; responseCode: 'WAF_ALLOW' | 'WAF_BLOCK' };
  /** the verified caller of an AWS_IAM method (`$context.identity.*`) */
  caller?: IamCaller;
  #authorizer?: Record<string, unknown>;
  /** the API key a Lambda authorizer named (`usageIdentifierKey`), for an API whose key source is AUTHORIZER */
  authorizerApiKey?: string;
  /** `$context.error.validationErrorString` after a failed body validation */
  validationErrors?: string;
  /** the functions AWS / AWS_PROXY integrations and Lambda authorizers invoke (none: they answer 500) */
  functions?: FunctionInvoker;
  /** TestInvokeMethod's execution log: the pipeline reports its steps here when set (never on live traffic). */
  trace?: (message: string) => void;
  #request?: MethodRequest;
  #context?: Record<string, unknown>;

  constructor(init: GatewayContextInit) {
    this.requestId = init.requestId;
    this.apigwId = init.apigwId;
    this.startedAt = init.startedAt;
    this.method = init.method;
    this.url = init.url;
    this.path = init.path;
    this.rawQuery = init.rawQuery;
    this.rawHeaders = init.rawHeaders;
    this.host = init.host;
    this.sourceIp = init.sourceIp;
    this.body = init.body;
    this.stage = init.stage;
    this.deployment = init.deployment;
    this.isCanary = init.isCanary ?? false;
    this.stageVariables = init.stageVariables ?? {};
    this.route = init.route;
    this.methodDef = init.methodDef;
    this.trace = init.trace;
    this.functions = init.functions;
  }

  /** the method request as mappings, templates and validators see it (built on first use) */
  get request(): MethodRequest {
    if (this.#request === undefined) {
      const body = this.body;
      this.#request = {
        path: this.route?.pathParameters ?? {},
        ...queryMaps(new URLSearchParams(this.rawQuery)),
        ...headerMaps(this.rawHeaders),
        body: body.length === 0 ? '' : body.toString('utf8'),
      };
    } else if (this.route && this.#request.path !== this.route.pathParameters) {
      // built before routing (a gateway response's mapping, say): the path parameters arrive with the route
      this.#request.path = this.route.pathParameters;
    }
    return this.#request;
  }

  set request(value: MethodRequest) {
    this.#request = value;
  }

  /** the route's path parameters (`method.request.path.*`), without building the rest of the method request */
  get pathParameters(): Record<string, string> | undefined {
    return this.route?.pathParameters;
  }

  /** AWS's $context (built on first use, from what is known by then: read it after routing) */
  get context(): Record<string, unknown> {
    if (this.#context === undefined) this.#context = buildAwsContext(this);
    return this.#context;
  }

  set context(value: Record<string, unknown>) {
    this.#context = value;
  }

  /**
   * what the method's authorizer established (`$context.authorizer`): a user pool token's `claims`, or a Lambda
   * authorizer's `principalId`, `integrationLatency` and context values
   */
  get authorizer(): Record<string, unknown> | undefined {
    return this.#authorizer;
  }

  set authorizer(value: Record<string, unknown> | undefined) {
    this.#authorizer = value;
    // a REQUEST authorizer's event reads $context before the authorizer has answered
    if (this.#context !== undefined) this.#context.authorizer = value;
  }
}

export type GatewayContextInit = Omit<
  GatewayContext,
  'request' | 'context' | 'authorizer' | 'pathParameters' | 'isCanary' | 'stageVariables'
> &
  Partial<Pick<GatewayContext, 'isCanary' | 'stageVariables'>>;

export function createGatewayContext(init: GatewayContextInit): GatewayContext {
  return new GatewayContext(init);
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
