# whodoes as a container image. Build: docker build -t whodoes . (with podman: podman build --format docker
# -t whodoes . so the HEALTHCHECK is kept; the OCI format has no health checks).
#
# Three stages: `build` installs every dependency and compiles the TypeScript; `deps` installs only the
# production dependencies; the final image holds those, the compiled code and the shipped knowledge, runs as
# the unprivileged `node` user and holds no secret (configuration comes from the environment at run time).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds the project, and the sources are not copied yet (this layer is reused
# until the lock file changes). No dependency needs its install script (esbuild's only checks the binary that its
# platform's package brings; package.json's allowScripts says so).
RUN npm ci --no-fund --no-audit --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit --ignore-scripts --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    INTENTS_DIR=/app/intents
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The sources too: the web chat's page files live beside them, and they are small.
COPY src ./src
COPY bin ./bin
COPY manifests ./manifests
# The fonts the comparison picture (GET /compare.png) is drawn in.
COPY assets ./assets
# The shipped knowledge. An organisation mounts its own over it (read-only is fine: it is only read, and
# reloaded when its files change) or points INTENTS_DIR elsewhere.
COPY intents ./intents
# What one instance remembers without Redis (welcomes sent, usage for `whodoes report`). Mount a volume here.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3978
# Liveness: the process is up and answering. Readiness (/readyz) is for load balancers and orchestrators.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/livez`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node runs as PID 1 and handles SIGTERM itself (drains, then exits 0); the flags are npm start's
# (src/server/node-flags.ts; a test keeps them in step).
CMD ["node", "--max-semi-space-size=32", "--min-semi-space-size=32", "dist/src/server/main.js"]
