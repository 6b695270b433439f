// AWS Lambda's functions API (lib/aws-api, routes/functions.ts): every method on this prefix.
export { DELETE, GET, PATCH, POST, PUT } from '@/lib/aws-api/next-handlers';

export const dynamic = 'force-dynamic';
