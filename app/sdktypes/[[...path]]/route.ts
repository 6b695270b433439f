// AWS API Gateway management API (lib/aws-api): every method on this prefix.
export { DELETE, GET, PATCH, POST, PUT } from '@/lib/aws-api/next-handlers';

export const dynamic = 'force-dynamic';
