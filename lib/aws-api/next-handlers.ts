// The management API mounted in Next.js: app/{restapis,apikeys,usageplans,domainnames,account,sdktypes,tags} and
// app/2015-03-31 (Lambda's functions API) re-export these, so the AWS SDKs' endpoint is the console's base URL.
import { currentActor } from '../auth/current-actor';
import { handleManagementRequest } from './handle-request';

const handler = (request: Request) => handleManagementRequest(request, { sessionActor: currentActor });

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
