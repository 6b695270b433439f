// The access keys that may sign requests to AWS_IAM methods: active keys of users who are not disabled, and their
// temporary credentials (STS GetSessionToken). Secrets arrive encrypted; the configuration store decrypts them into
// memory (never logged, never written anywhere).
import type pg from 'pg';

export interface AccessKeyRow {
  accessKeyId: string;
  secretEncrypted: string;
  userId: string;
  email: string;
}

export async function selectAccessKeys(pool: pg.Pool): Promise<AccessKeyRow[]> {
  return (
    await pool.query<AccessKeyRow>(
      `SELECT k."accessKeyId", k."secretEncrypted", u."id" AS "userId", u."email"
         FROM "AccessKey" k JOIN "User" u ON u."id" = k."userId"
        WHERE k."status" = 'Active' AND NOT u."disabled"`,
    )
  ).rows;
}

export interface SessionCredentialRow extends AccessKeyRow {
  tokenHash: string;
  expiresAt: Date;
}

/** Temporary credentials of enabled users, including those expired in the last day (refused as expired). */
export async function selectSessionCredentials(pool: pg.Pool): Promise<SessionCredentialRow[]> {
  return (
    await pool.query<SessionCredentialRow>(
      `SELECT s."accessKeyId", s."secretEncrypted", s."tokenHash", s."expiresAt", u."id" AS "userId", u."email"
         FROM "SessionCredential" s JOIN "User" u ON u."id" = s."userId"
        WHERE NOT u."disabled" AND s."expiresAt" > now() - interval '1 day'`,
    )
  ).rows;
}
