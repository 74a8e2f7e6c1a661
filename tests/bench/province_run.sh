#!/usr/bin/env bash
# Province-size benchmark (not part of ctest or CI): generates ~1,000,000 parcels, ~3,000,000
# buildings and ~200 parks with the sample generator, then times `parkatlas run` stage by stage
# and prints wall time and peak memory. Usage: tests/bench/province_run.sh [PARCELS] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
parcels=${1:-1000000}
work=${2:-/tmp/parkatlas-bench-$parcels}
bin=build/app/parkatlas
gen=build/datasets/parkatlas-sample-gen
[ -x "$bin" ] && [ -x "$gen" ] || bash scripts/build.sh

if [ ! -f "$work/province.gpkg" ]; then
  echo "generating $parcels parcels into $work (not committed) ..."
  /usr/bin/time -f "generator: %e s wall, %M KB peak" "$gen" --parcels "$parcels" -o "$work"
fi

# The machine's pace right now, printed with each run: seconds to touch 1 GiB of memory never
# touched before (transparent huge pages) and seconds for a fixed Python loop. On the project's
# virtual machine both swing within an hour (fresh memory 0.4–2.8 s: the host apparently takes
# back the pages a guest frees, through virtio-balloon free page reporting). Memory that another
# process freed a second ago costs only 0.1 s for a few seconds, which made back-to-back runs look
# faster than a single run: the probe waits 15 s after the run before it, and the run 15 s after
# the probe, so that each run finds the machine as a user's single run would.
machine_probe() {
  sleep 15
  python3 - <<'PY'
import mmap, time
n = 1 << 30
m = mmap.mmap(-1, n, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
if hasattr(mmap, "MADV_HUGEPAGE"):
    m.madvise(mmap.MADV_HUGEPAGE)
t = time.perf_counter()
for i in range(0, n, 4096):
    m[i] = 1
fresh = time.perf_counter() - t
t = time.perf_counter()
sum(i * i for i in range(3_000_000))
loop = time.perf_counter() - t
print(f"  (machine: 1 GiB of fresh memory touched in {fresh:.2f} s; a fixed Python loop {loop:.2f} s)")
PY
  sleep 15
}

run() {  # $1 = label, rest = extra flags; $config = the project file (default: the generated one)
  local label=$1; shift
  rm -rf "$work/out"
  local probe
  probe=$(machine_probe)
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$bin" run -q --json -c "${config:-$work/parkatlas.toml}" -o "$work/out" "$@" > "$work/summary.json"
  read -r wall rss user system < "$work/time.txt"
  python3 - "$work/summary.json" "$label" "$wall" "$rss" "$probe" "$user" "$system" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
label, wall, rss = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
cpu = float(sys.argv[6]) + float(sys.argv[7])
c = j["conservation"]
print(f"\n== {label}: {c['parcels_analysed']:,} parcels, {j['buildings_read']:,} buildings, {len(j['parks'])} park rows")
print(sys.argv[5])
# Issue 2's "analysis" is its four stages; 批而未供 (issue 3) and the park evaluation (issue 6)
# are counted apart, writing is the rest.
analysis = batches = 0.0
for t in j["timings"]:
    print(f"  {t['stage']:<48} {t['seconds']:7.2f} s")
    if t["stage"].startswith("批而未供"):
        batches += t["seconds"]
    elif t["stage"].startswith(("read", "assign", "buildings", "indicators")):
        analysis += t["seconds"]
print(f"  {'analysis (read, assign, buildings, verdicts)':<48} {analysis:7.2f} s   target <= 8 s (issue 2)")
if batches:
    print(f"  {'批而未供 step':<48} {batches:7.2f} s   target <= 6 s (issue 3)")
print(f"  {'whole run (wall)':<48} {wall:7.2f} s   target <= 20 s")
print(f"  {'peak memory':<48} {rss/1024/1024:7.2f} GB  target <= 2.5 GB")
# The same work takes 28-34 s of CPU time at this VM's usual pace and up to 46 s in its slow
# spells, which no probe above detects: the CPU time tells which kind of run this was.
print(f"  {'CPU time (user + system)':<48} {cpu:7.2f} s")
PY
}

# At this size the default run leaves the 3 M buildings out of results.gpkg (more than 500,000).
run "default run (buildings layer left out above 500,000 buildings)"
run "default run without spatial indexes" --no-spatial-index
run "results with the buildings layer (--buildings-layer)" --buildings-layer

# The generator's parcels and buildings are axis-aligned rectangles, which GEOS tests and overlays
# by shortcuts; a bureau's are not. The same data turned by 25° (an oblique Mercator, parks left
# in GCJ-02) shows what real shapes cost.
turned=$work/turned
if [ ! -f "$turned/province.gpkg" ]; then
  echo "turning the data by 25° into $turned (ogr2ogr, about a minute) ..."
  mkdir -p "$turned"
  srs="+proj=omerc +lat_0=28 +lonc=116 +alpha=25 +gamma=0 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
  ogr2ogr -f GPKG "$turned/province.tmp.gpkg" "$work/province.gpkg" parks -gt 100000
  for layer in parcels buildings approval_batches; do
    ogr2ogr -update "$turned/province.tmp.gpkg" "$work/province.gpkg" "$layer" -t_srs "$srs" -gt 100000
  done
  mv "$turned/province.tmp.gpkg" "$turned/province.gpkg"
  sed 's/^name = .*/name = "province benchmark, turned by 25 degrees"/' "$work/parkatlas.toml" > "$turned/parkatlas.toml"
fi
config=$turned/parkatlas.toml run "default run, parcels and buildings turned by 25°"
