#!/usr/bin/env bash
# The recipe of the services' base image: a root filesystem tarball of Debian bookworm with Debian's Essential
# packages, openjdk-17-jre-headless, the CJK fonts (fonts-noto-cjk) and the service user 185 (the UBI OpenJDK
# images' "jboss" user, so one Kubernetes securityContext fits both bases). No docs, man pages or locales.
#
#   deploy/containers/debian-base.sh OUT.tar      (root and mmdebstrap needed; about a minute, ~110 MB downloaded)
#
# images.sh runs it and imports the tarball with podman import. Its sha-256 is the cache key of the base image:
# any edit here builds a new base on the next run.
set -euo pipefail

out="${1:?usage: debian-base.sh OUT.tar}"
suite=bookworm
mirror="http://deb.debian.org/debian"
security="http://deb.debian.org/debian-security"

# /usr/share/man/man1 must exist for the JRE's update-alternatives even though man pages are excluded.
mmdebstrap --quiet --variant=essential \
  --include=openjdk-17-jre-headless,fonts-noto-cjk,ca-certificates-java \
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook='echo "jboss:x:185:185:BudgetLens service:/home/jboss:/usr/sbin/nologin" >> "$1/etc/passwd"' \
  --customize-hook='echo "jboss:x:185:" >> "$1/etc/group"' \
  --customize-hook='mkdir -p "$1/home/jboss" "$1/deployments" && chown 185:185 "$1/home/jboss" "$1/deployments"' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*.log' \
  "$suite" "$out" \
  "deb $mirror $suite main" "deb $mirror $suite-updates main" "deb $security $suite-security main"
