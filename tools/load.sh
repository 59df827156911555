#!/usr/bin/env bash
# The platform's load tool (docs/BENCHMARKS.md): builds what it needs, starts the platform on a
# temporary data dir (or drives --url), runs devices and an echo bot, prints the figures.
#   tools/load.sh --devices 200 --rate 1000 --duration 30s
#   tools/load.sh --devices 200 --rate max --window 4 --duration 30s
#   tools/load.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
for arg in "$@"; do
  case "$arg" in
    *[[:space:]]*) if [ "${prev:-}" != "--platform-jvm" ]; then
        echo "load: options cannot contain spaces: '$arg'" >&2; exit 2; fi ;;
  esac
  prev="$arg"
done
exec mvn -B -q -Dstyle.color=never -pl chatbot-platform -am -Pload -DskipTests test \
  -Dload.args="$*"
