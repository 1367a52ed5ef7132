// Prisma CLI configuration. Prisma 6.19 runs offline only with the JS engine and a driver adapter:
// the classic engine would download a native schema engine (docs/database.md).
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./app/db/database-url";
import { installSqliteStatementCache } from "./app/db/sqlite-statement-cache";

installSqliteStatementCache();

const projectRoot = dirname(fileURLToPath(import.meta.url));
const url = databaseUrl(process.env, projectRoot);
// The schema's datasource reads DATABASE_URL; keep it absolute so every tool opens the same file.
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
