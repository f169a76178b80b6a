#!/usr/bin/env bash
# Makes the compose stack's secrets, once: random keys and passwords in deploy/compose/secrets/
# (git-ignored, readable only by you), one env file per concern, so each container gets only its own:
#   payload-encryption.env  worker and starter-api: the AES-256 key payloads are encrypted with
#   starter-api.env         callback signing key, codec server token, the demo merchant's key hash
#   webhooks.env            worker: the demo merchant's webhook secret, which it signs events with
#   sandbox.env             sandbox: the same webhook secret (its receiver verifies with it) and the
#                           demo merchant's API key (its demo shop buys with it)
#   postgres.env            the Temporal server's database password
#   grafana.env             Grafana's admin password
# Prints the demo merchant's API key and the codec token once (only their hashes or the token
# itself are kept). An existing file is never overwritten: histories written with a payload key
# need that key to be read. Kubernetes takes the same values as Secrets (docs/operations/deploy.md).
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p secrets

random_base64() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }
random_base64url() { random_base64 "$1" | tr '+/' '-_' | tr -d '='; }

write() { # file, then its lines
  local file=secrets/$1; shift
  if [ -e "$file" ]; then
    echo "Kept $file (delete it to make a new one)." >&2
    return 1
  fi
  printf '%s\n' "$@" >"$file"
  echo "Made $file" >&2
}

write payload-encryption.env \
  "PAYLOADENCRYPTION_KEYS_K1=$(random_base64 32)" \
  "PAYLOADENCRYPTION_CURRENTKEYID=k1" || true

merchant_key=$(random_base64url 24)
made_merchant_key=false
if write starter-api.env \
  "CALLBACKS_SIGNINGKEYS=$(random_base64url 32)" \
  "CODECSERVER_TOKEN=$(random_base64url 32)" \
  "MERCHANTS_DEMO_KEYHASHES_0=$(printf '%s' "$merchant_key" | sha256sum | cut -d' ' -f1)" \
  "MERCHANTS_DEMO_REDIRECTHOSTS_0=localhost" \
  "MERCHANTS_DEMO_REDIRECTHOSTS_1=shop.example"; then
  cat >&2 <<INFO
The demo merchant's API key (shown once; only its SHA-256 is kept): $merchant_key
The codec server's token (temporal ... --codec-auth "Bearer <token>"): CODECSERVER_TOKEN in secrets/starter-api.env
INFO
  made_merchant_key=true
fi

# The demo merchant's webhooks (Standard Webhooks: whsec_ and the base64 of 32 random bytes): the
# worker signs with it, the sandbox's receiver verifies with the same, each under its own name.
webhook_secret="whsec_$(random_base64 32)"
if [ -e secrets/webhooks.env ]; then
  webhook_secret=$(sed -n 's/^WEBHOOKS_MERCHANTS_DEMO_SECRET=//p' secrets/webhooks.env)
fi
write webhooks.env \
  "WEBHOOKS_MERCHANTS_DEMO_SECRET=$webhook_secret" || true
if [ ! -e secrets/sandbox.env ] && [ "$made_merchant_key" = false ]; then
  # Secrets made before the demo shop: only the demo merchant's key hash is kept, so the shop gets a
  # key of its own, added beside it (starter-api takes any of a merchant's keys).
  key_index=$(grep -c '^MERCHANTS_DEMO_KEYHASHES_' secrets/starter-api.env || true)
  printf 'MERCHANTS_DEMO_KEYHASHES_%s=%s\n' "$key_index" "$(printf '%s' "$merchant_key" | sha256sum | cut -d' ' -f1)" \
    >>secrets/starter-api.env
  echo "Added the demo shop's key to secrets/starter-api.env (restart starter-api)." >&2
fi
write sandbox.env \
  "SANDBOX_WEBHOOKS_SECRETS_DEMO=$webhook_secret" \
  "SANDBOX_DEMO_APIKEY=$merchant_key" || true

# PostgreSQL and the Temporal server read the same password, each under its own name.
postgres_password=$(random_base64url 24)
write postgres.env \
  "POSTGRES_PASSWORD=$postgres_password" \
  "POSTGRES_PWD=$postgres_password" || true

write grafana.env \
  "GF_SECURITY_ADMIN_USER=admin" \
  "GF_SECURITY_ADMIN_PASSWORD=$(random_base64url 18)" || true
