-- CreateTable
CREATE TABLE "SessionCredential" (
    "accessKeyId" VARCHAR(128) NOT NULL,
    "userId" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionCredential_pkey" PRIMARY KEY ("accessKeyId")
);

-- CreateIndex
CREATE INDEX "SessionCredential_userId_idx" ON "SessionCredential"("userId");

-- CreateIndex
CREATE INDEX "SessionCredential_expiresAt_idx" ON "SessionCredential"("expiresAt");

-- AddForeignKey
ALTER TABLE "SessionCredential" ADD CONSTRAINT "SessionCredential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
