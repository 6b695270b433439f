-- AlterTable
ALTER TABLE "Function" ADD COLUMN "lastVersion" INTEGER NOT NULL DEFAULT 0;

-- Existing functions: the highest version they still have
UPDATE "Function" f SET "lastVersion" = COALESCE(
  (SELECT MAX(CAST(v."version" AS INTEGER)) FROM "FunctionVersion" v WHERE v."functionId" = f."id" AND v."version" ~ '^[0-9]+$'),
  0
);
