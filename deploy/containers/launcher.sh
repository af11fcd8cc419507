# The launcher's container mode (./budgetlens up|demo --containers), sourced by ./budgetlens: the three services run
# as podman containers (io.budgetlens.localstack.Containers) instead of JVMs, against the same local Kafka and
# PostgreSQL. Each running container leaves $STATE/containers/SERVICE.container (its name) for status and down.

CONTAINERS_MODE=0

containers_java() {
  java -cp "$LOCAL_STACK_CP" \
    -Dbudgetlens.root="$ROOT" -Dbudgetlens.state="$STATE" \
    -Dbudgetlens.kafka.port="$KAFKA_PORT" -Dbudgetlens.pg.port="$PG_PORT" \
    -Dbudgetlens.port.ingest-service="$INGEST_PORT" -Dbudgetlens.port.validation-service="$VALIDATION_PORT" \
    -Dbudgetlens.port.reporting-service="$REPORTING_PORT" -Dbudgetlens.start.timeout="$START_TIMEOUT" \
    io.budgetlens.localstack.Containers "$@"
}

# Fails with the install command before anything is built or started.
containers_require() {
  local tool
  for tool in podman runc mmdebstrap; do
    command -v "$tool" >/dev/null 2>&1 \
      || fail "--containers needs podman, runc and mmdebstrap ($tool is missing); install them as root: apt-get install podman runc mmdebstrap"
  done
  [[ "$(id -u)" == 0 ]] || fail "--containers runs podman as root (the only way it runs containers on these machines); run it as root"
}

# Replaces containers of an earlier up; the files come first, so down also removes what a failed start left.
containers_up() {
  say "  the services run as podman containers (network host, read-only root, user 185; logs in $LOGS)"
  local s
  mkdir -p "$STATE/containers"
  for s in ingest-service validation-service reporting-service; do
    echo "budgetlens-$s" >"$STATE/containers/$s.container"
  done
  containers_java up || fail "the containers did not start; ./budgetlens down removes what did"
}

containers_down() {
  compgen -G "$STATE/containers/*.container" >/dev/null || return 0
  containers_java down
  rm -f "$STATE"/containers/*.container
}

# containers_status_row SERVICE: the status line of a service that runs as a container; fails unless it is up.
containers_status_row() {
  local name state=up
  name="$(cat "$STATE/containers/$1.container")"
  ready_http "$1" || state=not-ready
  CONTAINERS_CONF="$ROOT/deploy/containers/containers.conf" podman container exists "$name" 2>/dev/null || state=down
  printf '%-20s %-6s %-45s %s\n' "$1" "$state" "$(url_of "$1")" "container $name"
  [[ "$state" == up ]]
}
