#!/usr/bin/env bash
# Container images of the three services, built without Docker and without a registry:
#   a Debian bookworm base (mmdebstrap + openjdk-17-jre-headless + fonts-noto-cjk, imported with podman import),
#   then each service's src/main/docker/Dockerfile.jvm on top of it (podman build --build-arg BASE_IMAGE=...).
#
#   deploy/containers/images.sh base                 build (or reuse) the base image; prints its name
#   deploy/containers/images.sh build [SERVICE...]   the base, then the service images localhost/budgetlens/SERVICE:local
#                                                    (rebuilt only when the packaged app or the Dockerfile changed)
#   deploy/containers/images.sh sizes                the images and their sizes
#
# Needs root, podman and runc (Debian: apt-get install podman runc) and, for the base, mmdebstrap; the services must
# be packaged first (mvn -B -DskipTests package). The base is cached twice: as the image
# localhost/budgetlens/debian-base:KEY in podman's storage, and as a root-filesystem tarball in
# $BUDGETLENS_IMAGE_CACHE (default ~/.cache/budgetlens/images), from which it is re-imported when podman's storage
# was reset. The key is the sha-256 of the recipe, debian-base.sh: editing it builds a new base on the next run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SERVICES=(ingest-service validation-service reporting-service)
CACHE="${BUDGETLENS_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/budgetlens/images}"
RECIPE="$HERE/debian-base.sh"
KEY="$(sha256sum "$RECIPE" | cut -c1-16)"
BASE_IMAGE="localhost/budgetlens/debian-base:$KEY"

# podman as these machines need it: runc (crun fails on setrlimit and on hybrid cgroups) and no default ulimits.
export CONTAINERS_CONF="${CONTAINERS_CONF:-$HERE/containers.conf}"

say() { printf 'images.sh: %s\n' "$*" >&2; }
fail() { say "$*"; exit 2; }

need() {
  command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed (Debian: apt-get install $2)"
}

image_exists() { podman image exists "$1"; }

cmd_base() {
  need podman podman
  if image_exists "$BASE_IMAGE"; then
    echo "$BASE_IMAGE"
    return 0
  fi
  local tar="$CACHE/debian-base-$KEY.tar"
  if [[ ! -s "$tar" ]]; then
    mkdir -p "$CACHE"
    need mmdebstrap mmdebstrap
    say "building the Debian base with $RECIPE (about a minute; downloads ~110 MB of packages)"
    local partial="$CACHE/debian-base-$KEY.partial.tar" log="$CACHE/debian-base-$KEY.log"
    if ! bash "$RECIPE" "$partial" >"$log" 2>&1; then
      tail -n 20 "$log" >&2
      rm -f "$partial"
      fail "the base image build failed; the full log is $log"
    fi
    mv -f "$partial" "$tar"
  else
    say "importing the cached base $tar"
  fi
  podman import --quiet \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'USER 185' \
    --change 'WORKDIR /deployments' \
    --change 'CMD ["java", "-version"]' \
    --message "BudgetLens Debian base, recipe $KEY" \
    "$tar" "$BASE_IMAGE" >/dev/null
  echo "$BASE_IMAGE"
}

# What a service image is built from: the packaged application (names, sizes, times), the Dockerfile and the base.
fingerprint() {
  local s="$1"
  {
    (cd "$ROOT/$s/target/quarkus-app" && find . -type f -printf '%P %s %T@\n' | LC_ALL=C sort)
    cat "$ROOT/$s/src/main/docker/Dockerfile.jvm"
    echo "$BASE_IMAGE"
  } | sha256sum | cut -c1-16
}

cmd_build() {
  local services=("$@")
  (( ${#services[@]} )) || services=("${SERVICES[@]}")
  local s
  for s in "${services[@]}"; do
    [[ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ]] \
      || fail "$s is not packaged: run mvn -B -DskipTests package first"
  done
  cmd_base >/dev/null
  for s in "${services[@]}"; do
    local image="localhost/budgetlens/$s:local" print current
    print="$(fingerprint "$s")"
    current="$(podman image inspect --format '{{index .Labels "io.budgetlens.fingerprint"}}' "$image" 2>/dev/null || true)"
    if [[ "$current" == "$print" ]]; then
      say "$image is up to date"
      continue
    fi
    say "building $image"
    podman build --quiet --build-arg "BASE_IMAGE=$BASE_IMAGE" --label "io.budgetlens.fingerprint=$print" \
      -f "$ROOT/$s/src/main/docker/Dockerfile.jvm" -t "$image" "$ROOT/$s" >/dev/null
  done
  # The images these builds replaced (untagged now); other dangling images on the machine are left alone.
  local old
  old="$(podman images --quiet --filter dangling=true --filter label=io.budgetlens.fingerprint)"
  [[ -z "$old" ]] || podman rmi --force $old >/dev/null 2>&1 || true
}

cmd_sizes() {
  podman images --filter reference='localhost/budgetlens/*' --format '{{.Repository}}:{{.Tag}} {{.Size}}'
}

case "${1:-}" in
  base) cmd_base ;;
  build) shift; cmd_build "$@" ;;
  sizes) cmd_sizes ;;
  *) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
