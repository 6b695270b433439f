-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'DEVELOPER', 'VIEWER');

-- CreateTable
CREATE TABLE "RestApi" (
    "id" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "version" TEXT,
    "createdDate" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "binaryMediaTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "minimumCompressionSize" INTEGER,
    "apiKeySource" TEXT NOT NULL DEFAULT 'HEADER',
    "endpointConfiguration" JSONB NOT NULL DEFAULT '{"types":["EDGE"]}',
    "policy" TEXT,
    "disableExecuteApiEndpoint" BOOLEAN NOT NULL DEFAULT false,
    "rootResourceId" VARCHAR(10) NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RestApi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" VARCHAR(10) NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "parentId" VARCHAR(10),
    "pathPart" TEXT,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Method" (
    "id" TEXT NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "resourceId" VARCHAR(10) NOT NULL,
    "httpMethod" TEXT NOT NULL,
    "authorizationType" TEXT NOT NULL DEFAULT 'NONE',
    "authorizerId" VARCHAR(6),
    "authorizationScopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "apiKeyRequired" BOOLEAN NOT NULL DEFAULT false,
    "operationName" TEXT,
    "requestValidatorId" VARCHAR(6),
    "requestParameters" JSONB NOT NULL DEFAULT '{}',
    "requestModels" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "Method_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MethodResponse" (
    "id" TEXT NOT NULL,
    "methodId" TEXT NOT NULL,
    "statusCode" VARCHAR(3) NOT NULL,
    "responseParameters" JSONB NOT NULL DEFAULT '{}',
    "responseModels" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "MethodResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Integration" (
    "id" TEXT NOT NULL,
    "methodId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "httpMethod" TEXT,
    "uri" TEXT,
    "credentials" TEXT,
    "connectionType" TEXT NOT NULL DEFAULT 'INTERNET',
    "connectionId" TEXT,
    "requestParameters" JSONB NOT NULL DEFAULT '{}',
    "requestTemplates" JSONB NOT NULL DEFAULT '{}',
    "passthroughBehavior" TEXT,
    "contentHandling" TEXT,
    "timeoutInMillis" INTEGER NOT NULL DEFAULT 29000,
    "cacheNamespace" TEXT,
    "cacheKeyParameters" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tlsConfig" JSONB,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationResponse" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "statusCode" VARCHAR(3) NOT NULL,
    "selectionPattern" TEXT,
    "responseParameters" JSONB NOT NULL DEFAULT '{}',
    "responseTemplates" JSONB NOT NULL DEFAULT '{}',
    "contentHandling" TEXT,

    CONSTRAINT "IntegrationResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Model" (
    "id" VARCHAR(6) NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "schema" TEXT,
    "contentType" TEXT NOT NULL DEFAULT 'application/json',

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestValidator" (
    "id" VARCHAR(6) NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "validateRequestBody" BOOLEAN NOT NULL DEFAULT false,
    "validateRequestParameters" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RequestValidator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Authorizer" (
    "id" VARCHAR(6) NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "providerARNs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "authType" TEXT,
    "authorizerUri" TEXT,
    "authorizerCredentials" TEXT,
    "identitySource" TEXT,
    "identityValidationExpression" TEXT,
    "authorizerResultTtlInSeconds" INTEGER DEFAULT 300,

    CONSTRAINT "Authorizer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayResponse" (
    "id" TEXT NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "responseType" TEXT NOT NULL,
    "statusCode" VARCHAR(3),
    "responseParameters" JSONB NOT NULL DEFAULT '{}',
    "responseTemplates" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "GatewayResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" VARCHAR(6) NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "description" TEXT,
    "createdDate" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshotVersion" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "apiSummary" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stage" (
    "id" TEXT NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "stageName" VARCHAR(128) NOT NULL,
    "deploymentId" VARCHAR(6) NOT NULL,
    "description" TEXT,
    "cacheClusterEnabled" BOOLEAN NOT NULL DEFAULT false,
    "cacheClusterSize" TEXT,
    "cacheClusterStatus" TEXT NOT NULL DEFAULT 'NOT_AVAILABLE',
    "methodSettings" JSONB NOT NULL DEFAULT '{}',
    "variables" JSONB NOT NULL DEFAULT '{}',
    "accessLogSettings" JSONB,
    "canarySettings" JSONB,
    "canaryDeploymentId" VARCHAR(6),
    "tracingEnabled" BOOLEAN NOT NULL DEFAULT false,
    "clientCertificateId" TEXT,
    "webAclArn" TEXT,
    "documentationVersion" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "createdDate" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdatedDate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" VARCHAR(10) NOT NULL,
    "name" VARCHAR(1024),
    "description" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "customerId" TEXT,
    "valueHash" TEXT NOT NULL,
    "valueEncrypted" TEXT NOT NULL,
    "stageKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tags" JSONB NOT NULL DEFAULT '{}',
    "createdDate" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdatedDate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsagePlan" (
    "id" VARCHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "throttle" JSONB,
    "quota" JSONB,
    "productCode" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsagePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsagePlanApiStage" (
    "id" TEXT NOT NULL,
    "usagePlanId" VARCHAR(6) NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "stageName" VARCHAR(128) NOT NULL,
    "throttle" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "UsagePlanApiStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsagePlanKey" (
    "usagePlanId" VARCHAR(6) NOT NULL,
    "apiKeyId" VARCHAR(10) NOT NULL,
    "keyType" TEXT NOT NULL DEFAULT 'API_KEY',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsagePlanKey_pkey" PRIMARY KEY ("usagePlanId","apiKeyId")
);

-- CreateTable
CREATE TABLE "UsageCounter" (
    "usagePlanId" VARCHAR(6) NOT NULL,
    "apiKeyId" VARCHAR(10) NOT NULL,
    "day" DATE NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "adjustment" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UsageCounter_pkey" PRIMARY KEY ("usagePlanId","apiKeyId","day")
);

-- CreateTable
CREATE TABLE "DomainName" (
    "domainName" TEXT NOT NULL,
    "certificateName" TEXT,
    "certificateArn" TEXT,
    "regionalCertificateArn" TEXT,
    "regionalDomainName" TEXT,
    "distributionDomainName" TEXT,
    "endpointConfiguration" JSONB NOT NULL DEFAULT '{"types":["EDGE"]}',
    "domainNameStatus" TEXT NOT NULL DEFAULT 'AVAILABLE',
    "securityPolicy" TEXT NOT NULL DEFAULT 'TLS_1_2',
    "tags" JSONB NOT NULL DEFAULT '{}',
    "certificateUploadDate" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DomainName_pkey" PRIMARY KEY ("domainName")
);

-- CreateTable
CREATE TABLE "BasePathMapping" (
    "id" TEXT NOT NULL,
    "domainName" TEXT NOT NULL,
    "basePath" VARCHAR(300) NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "stage" TEXT,

    CONSTRAINT "BasePathMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL DEFAULT 'account',
    "cloudwatchRoleArn" TEXT,
    "throttleSettings" JSONB NOT NULL DEFAULT '{"rateLimit":10000.0,"burstLimit":5000}',
    "features" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Function" (
    "id" TEXT NOT NULL,
    "functionName" VARCHAR(64) NOT NULL,
    "description" TEXT,
    "runtime" TEXT NOT NULL DEFAULT 'nodejs20.x',
    "handler" TEXT NOT NULL DEFAULT 'index.handler',
    "timeout" INTEGER NOT NULL DEFAULT 3,
    "memorySize" INTEGER NOT NULL DEFAULT 128,
    "role" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastModified" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Function_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunctionVersion" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "description" TEXT,
    "runtime" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "timeout" INTEGER NOT NULL,
    "memorySize" INTEGER NOT NULL,
    "code" BYTEA NOT NULL,
    "codeSha256" TEXT NOT NULL,
    "codeSize" INTEGER NOT NULL,
    "environmentEncrypted" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FunctionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunctionAlias" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "functionVersion" TEXT NOT NULL,
    "description" TEXT,
    "routingConfig" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FunctionAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessKey" (
    "accessKeyId" VARCHAR(128) NOT NULL,
    "userId" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "AccessKey_pkey" PRIMARY KEY ("accessKeyId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricMinute" (
    "restApiId" VARCHAR(10) NOT NULL,
    "stageName" VARCHAR(128) NOT NULL,
    "resourcePath" TEXT NOT NULL DEFAULT '',
    "httpMethod" TEXT NOT NULL DEFAULT '',
    "canary" BOOLEAN NOT NULL DEFAULT false,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "error4xx" INTEGER NOT NULL DEFAULT 0,
    "error5xx" INTEGER NOT NULL DEFAULT 0,
    "latencySum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latencyMax" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "integrationLatencySum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "integrationLatencyMax" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cacheHitCount" INTEGER NOT NULL DEFAULT 0,
    "cacheMissCount" INTEGER NOT NULL DEFAULT 0,
    "latencyBuckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "MetricMinute_pkey" PRIMARY KEY ("restApiId","stageName","resourcePath","httpMethod","canary","minute")
);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" BIGSERIAL NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "stageName" VARCHAR(128) NOT NULL,
    "canary" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL,
    "requestId" TEXT NOT NULL,
    "line" TEXT NOT NULL,

    CONSTRAINT "AccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutionLog" (
    "id" BIGSERIAL NOT NULL,
    "restApiId" VARCHAR(10) NOT NULL,
    "stageName" VARCHAR(128) NOT NULL,
    "canary" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL,
    "requestId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "ExecutionLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RestApi_name_idx" ON "RestApi"("name");

-- CreateIndex
CREATE INDEX "Resource_parentId_idx" ON "Resource"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Resource_restApiId_path_key" ON "Resource"("restApiId", "path");

-- CreateIndex
CREATE INDEX "Method_restApiId_idx" ON "Method"("restApiId");

-- CreateIndex
CREATE UNIQUE INDEX "Method_resourceId_httpMethod_key" ON "Method"("resourceId", "httpMethod");

-- CreateIndex
CREATE UNIQUE INDEX "MethodResponse_methodId_statusCode_key" ON "MethodResponse"("methodId", "statusCode");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_methodId_key" ON "Integration"("methodId");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationResponse_integrationId_statusCode_key" ON "IntegrationResponse"("integrationId", "statusCode");

-- CreateIndex
CREATE UNIQUE INDEX "Model_restApiId_name_key" ON "Model"("restApiId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RequestValidator_restApiId_name_key" ON "RequestValidator"("restApiId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Authorizer_restApiId_name_key" ON "Authorizer"("restApiId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "GatewayResponse_restApiId_responseType_key" ON "GatewayResponse"("restApiId", "responseType");

-- CreateIndex
CREATE INDEX "Deployment_restApiId_createdDate_idx" ON "Deployment"("restApiId", "createdDate");

-- CreateIndex
CREATE UNIQUE INDEX "Stage_restApiId_stageName_key" ON "Stage"("restApiId", "stageName");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_valueHash_key" ON "ApiKey"("valueHash");

-- CreateIndex
CREATE INDEX "ApiKey_name_idx" ON "ApiKey"("name");

-- CreateIndex
CREATE INDEX "ApiKey_customerId_idx" ON "ApiKey"("customerId");

-- CreateIndex
CREATE INDEX "UsagePlanApiStage_restApiId_stageName_idx" ON "UsagePlanApiStage"("restApiId", "stageName");

-- CreateIndex
CREATE UNIQUE INDEX "UsagePlanApiStage_usagePlanId_restApiId_stageName_key" ON "UsagePlanApiStage"("usagePlanId", "restApiId", "stageName");

-- CreateIndex
CREATE INDEX "UsagePlanKey_apiKeyId_idx" ON "UsagePlanKey"("apiKeyId");

-- CreateIndex
CREATE UNIQUE INDEX "BasePathMapping_domainName_basePath_key" ON "BasePathMapping"("domainName", "basePath");

-- CreateIndex
CREATE UNIQUE INDEX "Function_functionName_key" ON "Function"("functionName");

-- CreateIndex
CREATE UNIQUE INDEX "FunctionVersion_functionId_version_key" ON "FunctionVersion"("functionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "FunctionAlias_functionId_name_key" ON "FunctionAlias"("functionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AccessKey_userId_idx" ON "AccessKey"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "MetricMinute_minute_idx" ON "MetricMinute"("minute");

-- CreateIndex
CREATE INDEX "AccessLog_restApiId_stageName_at_idx" ON "AccessLog"("restApiId", "stageName", "at");

-- CreateIndex
CREATE INDEX "ExecutionLog_restApiId_stageName_at_idx" ON "ExecutionLog"("restApiId", "stageName", "at");

-- CreateIndex
CREATE INDEX "ExecutionLog_requestId_idx" ON "ExecutionLog"("requestId");

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Method" ADD CONSTRAINT "Method_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Method" ADD CONSTRAINT "Method_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Method" ADD CONSTRAINT "Method_authorizerId_fkey" FOREIGN KEY ("authorizerId") REFERENCES "Authorizer"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Method" ADD CONSTRAINT "Method_requestValidatorId_fkey" FOREIGN KEY ("requestValidatorId") REFERENCES "RequestValidator"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MethodResponse" ADD CONSTRAINT "MethodResponse_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "Method"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "Method"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationResponse" ADD CONSTRAINT "IntegrationResponse_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestValidator" ADD CONSTRAINT "RequestValidator_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Authorizer" ADD CONSTRAINT "Authorizer_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayResponse" ADD CONSTRAINT "GatewayResponse_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_canaryDeploymentId_fkey" FOREIGN KEY ("canaryDeploymentId") REFERENCES "Deployment"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsagePlanApiStage" ADD CONSTRAINT "UsagePlanApiStage_usagePlanId_fkey" FOREIGN KEY ("usagePlanId") REFERENCES "UsagePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsagePlanApiStage" ADD CONSTRAINT "UsagePlanApiStage_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsagePlanKey" ADD CONSTRAINT "UsagePlanKey_usagePlanId_fkey" FOREIGN KEY ("usagePlanId") REFERENCES "UsagePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsagePlanKey" ADD CONSTRAINT "UsagePlanKey_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageCounter" ADD CONSTRAINT "UsageCounter_usagePlanId_fkey" FOREIGN KEY ("usagePlanId") REFERENCES "UsagePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageCounter" ADD CONSTRAINT "UsageCounter_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BasePathMapping" ADD CONSTRAINT "BasePathMapping_domainName_fkey" FOREIGN KEY ("domainName") REFERENCES "DomainName"("domainName") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BasePathMapping" ADD CONSTRAINT "BasePathMapping_restApiId_fkey" FOREIGN KEY ("restApiId") REFERENCES "RestApi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunctionVersion" ADD CONSTRAINT "FunctionVersion_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunctionAlias" ADD CONSTRAINT "FunctionAlias_functionId_fkey" FOREIGN KEY ("functionId") REFERENCES "Function"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessKey" ADD CONSTRAINT "AccessKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
