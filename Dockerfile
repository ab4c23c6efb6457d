# The hub as a container image: Node 20, production dependencies only, the TypeScript transpiled once (bin/build.js).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY schema ./schema
COPY resolvers ./resolvers
COPY entities ./entities
COPY migrations ./migrations
COPY tsconfig.json ./
RUN node bin/build.js
# The embedded PostgreSQL is not used in a container: DATABASE_URL must point at a server.
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", ".build/src/main.js"]
