#!/usr/bin/env bash
# How fast campaigns hand their recipients on (docs/BENCHMARKS.md): builds what it needs, starts
# the platform on a temporary data dir with its embedded SMSC, runs campaigns to SMS-only numbers
# or to WebSocket devices, prints a line a second and the sustained rates.
#   tools/campaign.sh --mode sms --recipients 100000 --rate 5000 --sms-throughput 5000
#   tools/campaign.sh --mode devices --devices 2000 --campaigns 10 --rate 2000
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q -Dstyle.color=never -pl chatbot-platform -am -Pload -DskipTests test \
  -Dload.main=org.openmaap.platform.load.CampaignBench -Dload.args="$*"
