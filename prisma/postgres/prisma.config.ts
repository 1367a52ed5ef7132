// Prisma CLI configuration for the PostgreSQL variant (`prisma generate --config prisma/postgres/prisma.config.ts`).
// Same offline setup as ../../prisma.config.ts: the JS engine with a driver adapter, here node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Without a URL in the environment Prisma 6.19 falls back to downloading the native engine, so `generate`
// (which needs no database) gets a placeholder; commands that connect use the real DATABASE_URL.
const url = process.env.DATABASE_URL?.startsWith("postgres")
  ? process.env.DATABASE_URL
  : "postgresql://127.0.0.1:5432/tailroute";
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});
