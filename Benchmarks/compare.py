#!/usr/bin/env python3
"""Chronicle against the usual Python tools, on the same generated timelines.

One run: builds the release `chronicle`, generates timelines of each size with
`chronicle generate`, then times every tool on them (median of --runs runs) and
reads each run's peak resident memory from `/usr/bin/time -v`. Prints a table
per size with ratios to Chronicle, and saves it under Benchmarks/results/.

    Benchmarks/compare.py                       # 10k, 100k, 1M events
    Benchmarks/compare.py --sizes 10000,100000  # skip the million
    Benchmarks/compare.py --skip-slow           # no NetworkX + pydot above 100k

Chronicle's `export --format dot` and `--format text` are timed when the command
has them; `export --format json` falls back to the library (ChronicleRunner)
when it does not. The Python baselines live in Benchmarks/Baselines and run in
Benchmarks/.venv (created here, with networkx and pydot from pip).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASELINES = HERE / "Baselines"
VENV = HERE / ".venv"
RESULTS = HERE / "results"
TIME = Path("/usr/bin/time")


def log(message):
    print(message, file=sys.stderr, flush=True)


def run_checked(command, **kwargs):
    log("$ " + " ".join(str(part) for part in command))
    subprocess.run([str(part) for part in command], check=True, stdout=sys.stderr, **kwargs)


def build_chronicle(skip_build):
    """The release `chronicle`, built with its own scratch path so other builds are left alone."""
    scratch = ROOT / ".build-bench"
    if not skip_build:
        run_checked(["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", "chronicle"], cwd=ROOT)
    path = scratch / "release" / "chronicle"
    if not path.exists():
        sys.exit(f"no release chronicle at {path}; run without --no-build")
    return path


def build_runner(skip_build):
    """The library runner for JSON export, from this package."""
    if not skip_build:
        run_checked(["swift", "build", "-c", "release", "--product", "ChronicleRunner"], cwd=HERE)
    path = HERE / ".build" / "release" / "ChronicleRunner"
    return path if path.exists() else None


def build_floor(skip_build):
    """The floor: the least a reader of a generated file must do (Sources/ChronicleFloor)."""
    if not skip_build:
        run_checked(["swift", "build", "-c", "release", "--product", "ChronicleFloor"], cwd=HERE)
    path = HERE / ".build" / "release" / "ChronicleFloor"
    return path if path.exists() else None


def ensure_venv():
    """Benchmarks/.venv with networkx, pydot, orjson and PyYAML (system packages reused when present)."""
    python = VENV / "bin" / "python"
    if not python.exists():
        run_checked([sys.executable, "-m", "venv", "--system-site-packages", VENV])
    check = "import networkx, pydot, orjson, yaml; assert yaml.__with_libyaml__"
    if subprocess.run([python, "-c", check], capture_output=True).returncode != 0:
        run_checked([python, "-m", "pip", "install", "--quiet", "networkx", "pydot", "orjson", "pyyaml"])
    return python


def measure(command, stdout_path, timeout):
    """Runs once; returns (wall seconds, peak RSS in MiB, exit status)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, open(stdout_path, "wb") as out:
        full = [str(TIME), "-v", "-o", report.name] + [str(part) for part in command] if TIME.exists() else command
        start = time.perf_counter()
        try:
            completed = subprocess.run(full, stdout=out, stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return (float("inf"), float("nan"), "timeout")
        wall = time.perf_counter() - start
        rss_kb = float("nan")
        for line in report.read().splitlines():
            if "Maximum resident set size" in line:
                rss_kb = float(line.rsplit(":", 1)[1])
        status = completed.returncode
        if status != 0:
            log(f"  exit {status}: {completed.stderr.decode(errors='replace')[-400:].strip()}")
        return (wall, rss_kb / 1024, status)


def median_of(command, runs, stdout_path, timeout):
    samples = []
    for _ in range(runs):
        wall, rss, status = measure(command, stdout_path, timeout)
        if status != 0:
            return {"status": status, "wall": None, "rss": None, "walls": []}
        samples.append((wall, rss))
    walls = [wall for wall, _ in samples]
    return {
        "status": 0,
        "wall": statistics.median(walls),
        "walls": walls,
        "rss": statistics.median(rss for _, rss in samples),
    }


def export_formats(chronicle, sample, work):
    """The formats `chronicle export` has, tried on a small file."""
    found = {}
    for format_name in ("json", "dot", "text"):
        command = [chronicle, "export", "--format", format_name, sample]
        with open(work / f"probe.{format_name}", "wb") as out:
            status = subprocess.run([str(part) for part in command], stdout=out, stderr=subprocess.DEVNULL).returncode
        found[format_name] = status == 0 and (work / f"probe.{format_name}").stat().st_size > 0
    return found


def tasks_for(size, files, chronicle, runner, floor, python, formats, skip_slow, work):
    """(task, tool, command, output file, is reference) for one size."""
    json_file = files[size]
    out = lambda name: work / f"out-{size}-{name}"
    rows = [
        ("read + validate JSON", "chronicle validate", [chronicle, "validate", json_file], out("validate"), True),
        ("read + validate JSON", "cat (the bytes read)", ["cat", json_file], Path(os.devnull), False),
    ]
    if floor:
        rows += [
            ("read + validate JSON", "floor: parse, resolve ends", [floor, json_file], out("floor"), False),
            ("read + validate JSON", "floor: and copy strings", [floor, json_file, "--store"], out("floor-store"), False),
        ]
    rows += [
        ("read + validate JSON", "python json.load", [python, BASELINES / "json_load.py", json_file], out("json"), False),
        ("read + validate JSON", "python orjson.loads", [python, BASELINES / "orjson_loads.py", json_file], out("orjson"), False),
    ]
    if formats.get("json"):
        rows.append(("export JSON", "chronicle export --format json",
                     [chronicle, "export", "--format", "json", json_file], out("export.json"), True))
    elif runner:
        rows.append(("export JSON", "chronicle library export (runner)",
                     [runner, "export-json", json_file, out("export.json")], out("runner.log"), True))
    if formats.get("dot"):
        rows.append(("DOT", "chronicle export --format dot", [chronicle, "export", "--format", "dot", json_file], out("dot"), True))
    rows.append(("DOT", "python f-string writer", [python, BASELINES / "fstring_dot.py", json_file, out("fstring.dot")], out("fstring.log"), False))
    if not (skip_slow and size > 100_000):
        rows.append(("DOT", "networkx + pydot write_dot",
                     [python, BASELINES / "networkx_dot.py", json_file, out("networkx.dot")], out("networkx.log"), False))
    if formats.get("text"):
        rows.append(("chronology", "chronicle export --format text", [chronicle, "export", "--format", "text", json_file], out("text"), True))
    rows.append(("chronology", "python sort + print", [python, BASELINES / "chronology.py", json_file, out("chronology.txt")], out("chronology.log"), False))
    yaml_file = files.get(("yaml", size))
    if yaml_file:
        rows.append(("read + validate YAML", "chronicle validate (YAML)", [chronicle, "validate", yaml_file], out("validate-yaml"), True))
        rows.append(("read + validate YAML", "PyYAML CSafeLoader", [python, BASELINES / "yaml_load.py", yaml_file], out("yaml"), False))
    return rows


def format_table(size, results):
    lines = [f"\n{size:,} events", "-" * 112,
             f"{'task':<22} {'tool':<36} {'median s':>9} {'runs (s)':>22} {'peak MiB':>9} {'× time':>7} {'× mem':>7}",
             "-" * 112]
    references = {}
    for row in results:
        if row["reference"] and row["wall"] is not None:
            references.setdefault(row["task"], row)
    for row in results:
        if row["wall"] is None:
            lines.append(f"{row['task']:<22} {row['tool']:<36} {'failed (' + str(row['status']) + ')':>9}")
            continue
        reference = references.get(row["task"])
        time_ratio = memory_ratio = ""
        if reference and reference is not row:
            time_ratio = f"{row['wall'] / reference['wall']:.2f}"
            memory_ratio = f"{row['rss'] / reference['rss']:.2f}"
        runs = " ".join(f"{wall:.2f}" for wall in row["walls"])
        lines.append(f"{row['task']:<22} {row['tool']:<36} {row['wall']:>9.3f} {runs:>22} {row['rss']:>9.0f} {time_ratio:>7} {memory_ratio:>7}")
    lines.append("× time, × mem: the tool's median time and peak memory divided by Chronicle's for the same task "
                 "(above 1: Chronicle is faster or smaller).")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="event counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and size (the median is reported)")
    parser.add_argument("--yaml-size", type=int, default=100_000, help="the size also generated as YAML (0: none)")
    parser.add_argument("--skip-slow", action="store_true", help="skip NetworkX + pydot above 100k events")
    parser.add_argument("--no-build", action="store_true", help="use the release builds already there")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=3600, help="seconds allowed for one run")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",") if size]

    began = time.perf_counter()
    if not TIME.exists():
        log("note: /usr/bin/time is missing (apt-get install time); peak memory will not be reported")
    chronicle = build_chronicle(arguments.no_build)
    runner = build_runner(arguments.no_build)
    floor = build_floor(arguments.no_build)
    python = ensure_venv()
    RESULTS.mkdir(exist_ok=True)
    work = RESULTS / "work"
    work.mkdir(exist_ok=True)

    files, generation = {}, []
    for size in sizes:
        path = work / f"timeline-{size}.json"
        generated = median_of([chronicle, "generate", "--events", size, "--seed", arguments.seed, "-o", path],
                              1, work / "generate.log", arguments.timeout)
        generation.append((size, "json", generated, path.stat().st_size))
        files[size] = path
        if size == arguments.yaml_size:
            yaml_path = work / f"timeline-{size}.yaml"
            generated = median_of([chronicle, "generate", "--events", size, "--seed", arguments.seed, "--format", "yaml",
                                   "-o", yaml_path], 1, work / "generate.log", arguments.timeout)
            generation.append((size, "yaml", generated, yaml_path.stat().st_size))
            files[("yaml", size)] = yaml_path
    small = work / "timeline-probe.json"
    subprocess.run([str(chronicle), "generate", "--events", "20", "-o", str(small)], check=True)
    formats = export_formats(chronicle, small, work)
    log(f"chronicle export formats: {', '.join(name for name, ok in formats.items() if ok) or 'none'}")

    report = ["Chronicle compared (wall time: median of %d runs; peak RSS from /usr/bin/time -v)" % arguments.runs,
              f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M')}", "", "Generated files:"]
    for size, format_name, generated, byte_count in generation:
        report.append(f"  {size:>9,} events {format_name:<4} {byte_count / 2**20:8.1f} MiB in {generated['wall']:.2f} s, "
                      f"peak {generated['rss']:.0f} MiB")
    all_results = {}
    for size in sizes:
        results = []
        for task, tool, command, output, reference in tasks_for(size, files, chronicle, runner, floor, python, formats,
                                                                arguments.skip_slow, work):
            log(f"{size:,} events: {tool}")
            measured = median_of(command, arguments.runs, output, arguments.timeout)
            results.append({"task": task, "tool": tool, "reference": reference, **measured})
            for leftover in work.glob(f"out-{size}-*"):
                leftover.unlink()
            if measured["wall"] is not None:
                log(f"  median {measured['wall']:.3f} s, peak {measured['rss']:.0f} MiB")
        all_results[size] = results
        report.append(format_table(size, results))
    report.append(f"\nWhole comparison took {time.perf_counter() - began:.0f} s.")
    text = "\n".join(report)
    print(text)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"compare-{stamp}.txt").write_text(text + "\n")
    (RESULTS / f"compare-{stamp}.json").write_text(json.dumps(
        {str(size): rows for size, rows in all_results.items()}, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
