#!/bin/sh
# Starts the production bundle of the demo portal's backend (this file is the
# bundle's start.sh; its source is scripts/deploy/start.sh in the repository).
#
# Unpack packages/backend/dist/bundle.tar.gz into an empty folder, then run
# ./start.sh there. It installs the production dependencies from the
# bundle's package-lock.json (`npm ci --omit=dev`; again only when the lock
# differs from the one installed) and starts the backend with app-config.yaml
# and app-config.production.yaml from this folder, plus any further
# arguments (e.g. --config my-overrides.yaml). The backend serves the built
# frontend and reads PostgreSQL from POSTGRES_HOST, POSTGRES_PORT,
# POSTGRES_USER and POSTGRES_PASSWORD; see the README's "Deploy" section.
set -eu
cd "$(dirname "$0")"

# node_modules/.bundle-lock.json: the lock of the last install (compared by
# content: the bundle's files carry no modification times).
if ! cmp -s package-lock.json node_modules/.bundle-lock.json; then
  echo "start.sh: installing production dependencies (npm ci --omit=dev)"
  npm ci --omit=dev --no-audit --no-fund
  cp package-lock.json node_modules/.bundle-lock.json
fi

export NODE_ENV="${NODE_ENV:-production}"
exec node packages/backend \
  --config app-config.yaml \
  --config app-config.production.yaml \
  "$@"
