#!/bin/bash
# Refreshes the map view's country shapes (faultline-server/src/main/resources/public/world-atlas/) from the npm
# package world-atlas (ISC; Natural Earth 1:50m Admin 0 countries, public domain). Not part of the build: the
# shapes are committed, so building needs neither npm nor the network. Usage: tools/world-atlas/refresh.sh [VERSION]
set -euo pipefail
version=${1:-2.0.2}
out=$(cd "$(dirname "$0")/../.." && pwd)/faultline-server/src/main/resources/public/world-atlas
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "world-atlas@$version" --silent --no-fund --no-audit >/dev/null)
tar -xzf "$work"/world-atlas-"$version".tgz -C "$work"
cp "$work/package/countries-50m.json" "$out/countries-50m.json"
cp "$work/package/LICENSE" "$out/LICENSE.txt"
echo "world-atlas $version -> $out"
sha256sum "$out/countries-50m.json"
echo "update the version and SHA-256 in NOTICE"
