-- CreateTable
CREATE TABLE "WebAcl" (
    "id" VARCHAR(36) NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "scope" VARCHAR(16) NOT NULL,
    "description" VARCHAR(256),
    "defaultAction" JSONB NOT NULL,
    "rules" JSONB NOT NULL,
    "visibilityConfig" JSONB NOT NULL,
    "customResponseBodies" JSONB,
    "capacity" INTEGER NOT NULL,
    "lockToken" VARCHAR(36) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebAcl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IpSet" (
    "id" VARCHAR(36) NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "scope" VARCHAR(16) NOT NULL,
    "description" VARCHAR(256),
    "ipAddressVersion" VARCHAR(4) NOT NULL,
    "addresses" TEXT[],
    "lockToken" VARCHAR(36) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IpSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebAclAssociation" (
    "resourceArn" VARCHAR(2048) NOT NULL,
    "webAclId" VARCHAR(36) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebAclAssociation_pkey" PRIMARY KEY ("resourceArn")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebAcl_scope_name_key" ON "WebAcl"("scope", "name");

-- CreateIndex
CREATE UNIQUE INDEX "IpSet_scope_name_key" ON "IpSet"("scope", "name");

-- CreateIndex
CREATE INDEX "WebAclAssociation_webAclId_idx" ON "WebAclAssociation"("webAclId");

-- AddForeignKey
ALTER TABLE "WebAclAssociation" ADD CONSTRAINT "WebAclAssociation_webAclId_fkey" FOREIGN KEY ("webAclId") REFERENCES "WebAcl"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
