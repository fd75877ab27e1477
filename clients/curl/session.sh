#!/usr/bin/env bash
# The documented session with curl and jq against API_URL (demo data loaded).
set -euo pipefail
API_URL="${API_URL:-http://127.0.0.1:8000/graphql/}"

# gql QUERY [VARIABLES-JSON]: POST one operation; print the body; fail on any error.
gql() {
  local body variables="${2:-null}"
  body="$(jq -n --arg query "$1" --argjson variables "$variables" '{$query, $variables}' |
    curl -sS "$API_URL" -H 'Content-Type: application/json' \
      -H 'Accept: application/graphql-response+json, application/json' \
      ${TOKEN:+-H "Authorization: JWT $TOKEN"} --data-binary @-)"
  if jq -e '.errors' <<<"$body" >/dev/null; then echo "$body" >&2; return 1; fi
  echo "$body"
}

# Sign in: keep the access token and the refresh token.
LOGIN="$(gql 'mutation($u: String!, $p: String!) {
  tokenAuth(username: $u, password: $p) { token refreshToken user { id username } } }' \
  '{"u": "demo_owner", "p": "demo-owner-pass-1"}')"
TOKEN="$(jq -r .data.tokenAuth.token <<<"$LOGIN")"
REFRESH="$(jq -r .data.tokenAuth.refreshToken <<<"$LOGIN")"

# Create an item, then sell 3 of it.
SKU="CURL-$(date +%s%N)"
ITEM_ID="$(gql 'mutation($input: CreateItemInput!) { createItem(input: $input) { id quantity } }' \
  "{\"input\": {\"name\": \"Label printer\", \"sku\": \"$SKU\", \"price\": \"89.90\",
                \"category\": \"Electronics\", \"quantity\": 4}}" | jq -r .data.createItem.id)"
gql 'mutation($input: AdjustStockInput!) {
  adjustStock(input: $input) { id newQuantity item { id quantity } } }' \
  "{\"input\": {\"itemId\": \"$ITEM_ID\", \"delta\": -3, \"reason\": \"SOLD\", \"expectedQuantity\": 4}}" |
  jq -e '.data.adjustStock.newQuantity == 1' >/dev/null

# A page of items, filtered and ordered.
gql 'query($filters: ItemFilter, $pagination: OffsetPaginationInput) {
  items(filters: $filters, ordering: [{name: ASC}], pagination: $pagination) {
    totalCount results { id name quantity } } }' \
  "{\"filters\": {\"search\": \"$SKU\"}, \"pagination\": {\"limit\": 10}}" |
  jq -e --arg id "$ITEM_ID" '.data.items.results[0].id == $id' >/dev/null

# New tokens for the refresh token (the old one is revoked), then sign out.
PAIR="$(gql 'mutation($t: String!) { refreshToken(refreshToken: $t) { token refreshToken } }' \
  "{\"t\": \"$REFRESH\"}")"
TOKEN="$(jq -r .data.refreshToken.token <<<"$PAIR")"
REFRESH="$(jq -r .data.refreshToken.refreshToken <<<"$PAIR")"
gql 'query { me { id username } }' | jq -e '.data.me.username == "demo_owner"' >/dev/null
gql 'mutation($t: String!) { revokeToken(refreshToken: $t) { revoked } }' "{\"t\": \"$REFRESH\"}" >/dev/null
echo "curl session: ok"
