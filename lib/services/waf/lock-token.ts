// WAF's optimistic locking: every read answers the entity's LockToken, every change issues a new one, and an update
// or delete that brings any other token than the current one fails with WAFOptimisticLockException.
import { randomUUID } from 'node:crypto';
import { optimisticLock } from './waf-errors';

export const newLockToken = (): string => randomUUID();

export function checkLockToken(current: string, given: string): void {
  if (current !== given) throw optimisticLock();
}
