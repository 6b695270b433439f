// The access keys that may sign requests to AWS_IAM methods: active keys of users who are not disabled. Secrets
// arrive encrypted; the configuration store decrypts them into memory (never logged, never written anywhere).
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
