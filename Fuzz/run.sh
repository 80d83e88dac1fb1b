#!/usr/bin/env bash
# Builds Chronicle's libFuzzer targets (fuzzer + address sanitizer) and runs each in
# turn, then merges what it found into the corpus, minimised (every covered edge kept).
#
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]     targets: edtf json yaml pipeline
#
#   Fuzz/run.sh              60 s per target, all four
#   Fuzz/run.sh 600 yaml     ten minutes of the YAML reader
#
# Environment:
#   FUZZ_SCRATCH=DIR   build folder (default: .build-fuzz at the repository's root)
#   FUZZ_NO_BUILD=1    use the binaries already built
#   FUZZ_KEEP_GOING=1  keep fuzzing past crashes and timeouts (-fork=1 -ignore_crashes=1 …);
#                      every crashing input is still saved
#   FUZZ_RSS_MB=N      memory limit per process (default 2048)
#
# Crashing, timing-out (-timeout=10) and out-of-memory inputs are written to
# Fuzz/Work/<target>/artifacts/ (git-ignored) and listed at the end; the log of each
# run is Fuzz/Work/<target>/log.txt. Move a finding to
# Tests/ChronicleTests/Fixtures/FuzzRegressions/<target>-<short-name> and it becomes a
# regression test (Tests/ChronicleTests/Fuzz/FuzzRegressionTests.swift).
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
SECONDS_PER_TARGET=${1:-60}
[[ $# -gt 0 ]] && shift
TARGETS=("$@")
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=(edtf json yaml pipeline)
SCRATCH=${FUZZ_SCRATCH:-$HERE/../.build-fuzz}
RSS_MB=${FUZZ_RSS_MB:-2048}

if [[ -z ${FUZZ_NO_BUILD:-} ]]; then
  echo "== building the fuzz targets into $SCRATCH"
  swift build -c release --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address
fi
BIN=$SCRATCH/release
# libFuzzer reports crashes itself; Swift's backtracer would get in its way.
export SWIFT_BACKTRACE=enable=no

max_len() {
  case $1 in
    edtf) echo 128 ;;
    pipeline) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

binary() {
  case $1 in
    edtf) echo FuzzEDTF ;;
    json) echo FuzzJSON ;;
    yaml) echo FuzzYAML ;;
    pipeline) echo FuzzPipeline ;;
    *) echo "unknown target $1; expected edtf, json, yaml or pipeline" >&2; exit 2 ;;
  esac
}

SUMMARY=()
for target in "${TARGETS[@]}"; do
  exe=$BIN/$(binary "$target")
  [[ -x $exe ]] || { echo "$exe is missing: build first" >&2; exit 2; }
  work=$HERE/Work/$target
  mkdir -p "$work/new" "$work/artifacts" "Corpus/$target"
  flags=(-max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb="$RSS_MB" -max_len="$(max_len "$target")"
    -dict="Dictionaries/$target.dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1)
  if [[ -n ${FUZZ_KEEP_GOING:-} ]]; then
    flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "== $target: fuzzing for $SECONDS_PER_TARGET s"
  start=$(date +%s)
  set +e
  "$exe" "${flags[@]}" "$work/new" "Corpus/$target" >"$work/log.txt" 2>&1
  status=$?
  set -e
  elapsed=$(($(date +%s) - start))
  # Executions: the last status line (`#123456 …`) or, in fork mode, the stats lines.
  runs=$(grep -oE '^#[0-9]+' "$work/log.txt" | tail -1 | tr -d '#')
  runs=${runs:-0}
  if grep -q 'stat::number_of_executed_units' "$work/log.txt"; then
    runs=$(grep 'stat::number_of_executed_units' "$work/log.txt" | tail -1 | awk '{print $2}')
  fi
  rate=$((runs / (elapsed > 0 ? elapsed : 1)))
  echo "   exit status $status, $elapsed s, $runs executions, $rate exec/s"
  tail -n 3 "$work/log.txt" | sed 's/^/   | /'

  echo "== $target: merging into Corpus/$target (minimised)"
  rm -rf "$work/merged"
  mkdir -p "$work/merged"
  # -use_counters=0: keep the inputs that cover every edge, not every hit count, so the
  # committed corpus stays a few hundred kilobytes per target.
  "$exe" -merge=1 -use_counters=0 -timeout=10 -rss_limit_mb="$RSS_MB" -max_len="$(max_len "$target")" \
    "$work/merged" "Corpus/$target" "$work/new" >"$work/merge.txt" 2>&1 || {
    echo "   merge failed (see $work/merge.txt); corpus left as it was"; continue; }
  before=$(ls "Corpus/$target" | wc -l)
  rm -rf "Corpus/$target"
  mv "$work/merged" "Corpus/$target"
  rm -rf "$work/new"
  after=$(ls "Corpus/$target" | wc -l)
  bytes=$(cat "Corpus/$target"/* 2>/dev/null | wc -c)
  echo "   corpus: $before → $after files, $bytes bytes"
  findings=$(ls "$work/artifacts" | wc -l)
  SUMMARY+=("$target: ${elapsed}s, $runs executions, $rate exec/s, corpus $after files ($bytes bytes), $findings artefacts in Fuzz/Work/$target/artifacts")
done

echo
echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
