import { z } from 'zod';

export const emailInput = z.string().trim().toLowerCase().pipe(z.email('must be an email address'));
export const passwordInput = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(1024, 'must be at most 1024 characters');
export const roleInput = z.enum(['ADMIN', 'DEVELOPER', 'VIEWER']);
