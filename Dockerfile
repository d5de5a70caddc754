# Untested here (no Docker in the development environment); kept deliberately plain. Node 24 LTS (see README, "Runtime").
# docker build -t azlinux-bot . && docker run --rm -p 3000:3000 --env-file .env azlinux-bot
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY bench ./bench
COPY scripts/bundle.ts ./scripts/
RUN npm run build && npm prune --omit=dev

FROM node:24-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# exec form: node is PID 1 and receives SIGTERM itself (docker stop), so the drain runs.
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "dist/bundle/main.js"]
