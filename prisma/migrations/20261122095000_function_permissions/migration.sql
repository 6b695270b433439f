-- CreateTable
CREATE TABLE "FunctionPermission" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "qualifier" VARCHAR(128) NOT NULL DEFAULT '',
    "statementId" VARCHAR(100) NOT NULL,
    "statement" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FunctionPermission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FunctionPermission_functionId_qualifier_statementId_key" ON "FunctionPermission"("functionId", "qualifier", "statementId");

-- AddForeignKey
ALTER TABLE "FunctionPermission" ADD CONSTRAINT "FunctionPermission_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;
