// Where an AWS service integration's requests go: the service's public regional endpoint, or the endpoint the AWS
// SDKs' settings give its service id (`AWS_ENDPOINT_URL_SQS`, `AWS_ENDPOINT_URL_SFN`…, then `AWS_ENDPOINT_URL`).
import { config } from '../../config';

/** URI service names (endpoint prefixes) whose SDK service id differs from the name in capitals. */
const SERVICE_IDS: Record<string, string> = {
  states: 'SFN',
  events: 'EVENTBRIDGE',
  email: 'SES',
  logs: 'CLOUDWATCH_LOGS',
  monitoring: 'CLOUDWATCH',
};

export function awsServiceId(service: string): string {
  return SERVICE_IDS[service] ?? service.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** `https://{subdomain.}{service}.{region}.amazonaws.com`, or the configured endpoint (where a subdomain means nothing). */
export function awsEndpoint(service: string, region: string, subdomain?: string): string {
  return (
    config.awsEndpointUrl(awsServiceId(service)) ??
    `https://${subdomain ? `${subdomain}.` : ''}${service}.${region}.amazonaws.com`
  );
}
