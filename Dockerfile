# Tailroute app image: one stateless instance; run N of them behind a load balancer on PostgreSQL
# (docs/deploy.md). SQLite works too for a single instance with a volume on /app/data.
FROM node:24-bookworm-slim

# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV PORT=3000 \
    HOST=0.0.0.0 \
    DATABASE_URL=file:/app/data/tailroute.sqlite

# Dependencies first (cached layer). postinstall generates both Prisma clients, which needs the schemas and
# the files prisma.config.ts imports. Dev dependencies are installed on purpose: the Remix compiler builds the
# app, and the Prisma CLI applies SQLite migrations when an instance starts (NODE_ENV=production is set only
# after the build, because npm ci would otherwise leave them out).
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY app/db/database-url.ts app/db/sqlite-statement-cache.ts ./app/db/
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build && mkdir -p /app/data
ENV NODE_ENV=production

EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Every instance applies pending migrations before serving: idempotent, and serialised by an advisory lock
# on PostgreSQL, so a rolling deploy of N instances migrates once.
CMD ["sh", "-c", "npm run db:migrate && npm start"]
