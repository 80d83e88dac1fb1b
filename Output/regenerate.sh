#!/usr/bin/env bash
# Regenerates every artefact in Output/ from the Khojaly example:
#   bash Output/regenerate.sh            (builds chronicle with `swift build`)
#   bash Output/regenerate.sh --check    (regenerates into a temporary folder and fails
#                                         if a text artefact differs from the committed one)
set -euo pipefail
cd "$(dirname "$0")/.."

# CHRONICLE_SWIFT_FLAGS: extra flags for swift build, e.g. "--scratch-path .build-other".
read -r -a flags <<<"${CHRONICLE_SWIFT_FLAGS:-}"
swift build "${flags[@]}" --product chronicle >/dev/null
chronicle="$(swift build "${flags[@]}" --show-bin-path)/chronicle"
inputs=(Examples/Khojaly/letter-2021.yaml Examples/Khojaly/letter-2025.yaml)

check=false
target=Output
if [ "${1:-}" = "--check" ]; then
  check=true
  target="$(mktemp -d)"
  trap 'rm -rf "$target"' EXIT
fi

"$chronicle" validate --strict "${inputs[@]}"
"$chronicle" export --format json -o "$target/khojaly.json" "${inputs[@]}"
"$chronicle" export --format text -o "$target/khojaly-chronology.txt" "${inputs[@]}"
"$chronicle" export --format markdown -o "$target/khojaly-chronology.md" "${inputs[@]}"
"$chronicle" export --format dot --view timeline -o "$target/khojaly-timeline.dot" "${inputs[@]}"
"$chronicle" export --format dot --view timeline --layout pinned -o "$target/khojaly-timeline-pinned.dot" "${inputs[@]}"
"$chronicle" export --format dot --view network --cluster kind -o "$target/khojaly-network.dot" "${inputs[@]}"
"$chronicle" export --format dot --view network --kinds document --relations cites,contained-in \
  -o "$target/khojaly-citations.dot" "${inputs[@]}"
"$chronicle" render --view timeline -o "$target/khojaly-timeline.svg" "${inputs[@]}"
"$chronicle" render --view timeline --layout pinned -o "$target/khojaly-timeline-pinned.svg" "${inputs[@]}"
"$chronicle" render --view network --cluster kind -o "$target/khojaly-network.svg" "${inputs[@]}"
"$chronicle" render --view network --kinds document --relations cites,contained-in \
  -o "$target/khojaly-citations.svg" "${inputs[@]}"

if $check; then
  status=0
  for file in khojaly.json khojaly-chronology.txt khojaly-chronology.md \
              khojaly-timeline.dot khojaly-timeline-pinned.dot khojaly-network.dot khojaly-citations.dot; do
    if ! cmp -s "$target/$file" "Output/$file"; then
      echo "Output/$file is out of date: run 'bash Output/regenerate.sh' and commit the result" >&2
      diff -u "Output/$file" "$target/$file" | head -n 40 >&2 || true
      status=1
    fi
  done
  for view in timeline timeline-pinned network citations; do
    [ -s "$target/khojaly-$view.svg" ] || { echo "khojaly-$view.svg was not rendered" >&2; status=1; }
  done
  exit $status
fi
echo "Output/ regenerated"
