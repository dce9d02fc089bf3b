#!/bin/sh
# Calls `email-guard serve` from any language's point of view: plain HTTP and JSON, with curl.
#
# Run against a started server:
#   EMAIL_GUARD_TOKEN=$(openssl rand -hex 32) npx email-guard serve --customers examples/data/customers.csv --holds ./held-mail &
#   EMAIL_GUARD_URL=http://127.0.0.1:8080 EMAIL_GUARD_TOKEN=... sh examples/http-client.sh
set -eu

url="${EMAIL_GUARD_URL:-http://127.0.0.1:8080}"
token="${EMAIL_GUARD_TOKEN:?set EMAIL_GUARD_TOKEN to the token the server was started with}"

# The health check is the one route without the token: for a load balancer.
curl --silent --show-error --fail "$url/healthz"
echo

# The address as the salesperson typed it, for a customer the server's directory knows.
# 200 with the verdict: action send | confirm | block, the findings, the suggestion.
curl --silent --show-error \
  --header "Authorization: Bearer $token" \
  --header 'Content-Type: application/json' \
  --data '{"entered":"anna.svensson185@gmail.com","customerId":"C-1001"}' \
  "$url/v1/check"
echo

# A request that breaks the schema: 400 with RFC 9457 problem details naming the field.
curl --silent --show-error \
  --header "Authorization: Bearer $token" \
  --header 'Content-Type: application/json' \
  --data '{"entered":"anna@example.se","customer":{"id":"C-1","emails":"anna@example.se"}}' \
  "$url/v1/check"
echo

# The messages the mail pipeline held, oldest first.
curl --silent --show-error --header "Authorization: Bearer $token" "$url/v1/holds"
echo
