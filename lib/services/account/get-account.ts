import { db } from '../../db/client';
import { type Actor, authorize } from '../actor';
import { type Account, ensureAccount, toAccount } from './account-shape';

export async function getAccount(actor: Actor): Promise<Account> {
  authorize(actor, 'read');
  return toAccount(await ensureAccount(db()));
}
