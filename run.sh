#!/usr/bin/env bash
# The OpenMaaP demo in one command: builds what is needed (only when a source is newer than the
# demo jar), then starts the platform with its embedded store and SMSC, the three sample chatbots
# and two demo phones, and prints where to click. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

jar=samples/target/openmaap-demo.jar
if [ ! -f "$jar" ] || [ -n "$(find card-renderer/src chatbot-platform/src samples/src pom.xml */pom.xml -newer "$jar" -print -quit)" ]; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "run.sh needs Maven 3.8+ and a JDK 17 (Debian: apt-get install openjdk-17-jdk maven)." >&2
    exit 2
  fi
  echo "Building OpenMaaP (the first time takes a few minutes; later runs start at once)..."
  mvn -B -q -Dstyle.color=never -DskipTests package
fi

exec java -jar "$jar"
