#!/usr/bin/env bash
# Builds what is needed and starts the OpenMaaP demo.
set -euo pipefail
cd "$(dirname "$0")"

jar=chatbot-platform/target/chatbot-platform.jar
if [ ! -f "$jar" ] || [ -n "$(find card-renderer/src chatbot-platform/src pom.xml */pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building OpenMaaP (first run takes a minute)..."
  mvn -B -q -Dstyle.color=never -DskipTests package
fi

echo "Starting the platform (the demo bots, SMSC, simulator and preview are coming)."
exec java -jar "$jar"
