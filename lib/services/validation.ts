// Input validation for services with zod, failing with a BadRequestException whose message says what is wrong.
import type { z } from 'zod';
import { badRequest } from './errors';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const where = issue.path.length ? `'${issue.path.join('.')}'` : 'input';
    return `${where}: ${issue.message}`;
  });
  throw badRequest(`${issues.length} validation error${issues.length > 1 ? 's' : ''} detected: ${issues.join('; ')}`);
}
