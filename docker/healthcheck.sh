#!/usr/bin/env bash
# Container health probe for partner-sync.
#
# Sends one plain HTTP request to the readiness endpoint over bash's /dev/tcp,
# so it needs neither curl nor wget in the runtime image. Exits 0 only on an
# HTTP 200 status line (readiness answers 503 while, e.g., the database is down).
#
# Overridable through the environment (defaults suit the image):
#   HEALTHCHECK_HOST (127.0.0.1), HEALTHCHECK_PORT (8080),
#   HEALTHCHECK_PATH (/q/health/ready), HEALTHCHECK_TIMEOUT seconds (4)
set -u

host="${HEALTHCHECK_HOST:-127.0.0.1}"
port="${HEALTHCHECK_PORT:-8080}"
path="${HEALTHCHECK_PATH:-/q/health/ready}"
wait_s="${HEALTHCHECK_TIMEOUT:-4}"

if ! exec 3<>"/dev/tcp/${host}/${port}"; then
  echo "unhealthy: cannot connect to ${host}:${port}" >&2
  exit 1
fi

printf 'GET %s HTTP/1.1\r\nHost: %s:%s\r\nAccept: application/json\r\nConnection: close\r\n\r\n' \
  "${path}" "${host}" "${port}" >&3

status_line=""
if ! IFS= read -r -t "${wait_s}" status_line <&3; then
  exec 3<&-
  echo "unhealthy: no HTTP response from ${host}:${port}${path} within ${wait_s}s" >&2
  exit 1
fi
# Drain the rest of the response (the server closes after it: Connection: close)
# so the probe never resets the connection mid-write; stop after 1s of silence.
while IFS= read -r -t 1 _ <&3; do :; done
exec 3<&-
status_line="${status_line%$'\r'}"

case "${status_line}" in
  "HTTP/1.1 200"* | "HTTP/1.0 200"*)
    exit 0
    ;;
  *)
    echo "unhealthy: ${path} answered '${status_line}'" >&2
    exit 1
    ;;
esac
