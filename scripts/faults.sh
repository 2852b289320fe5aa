#!/usr/bin/env bash
# Fault run: drive `hoinghi extract` end to end through the ways a batch can be hurt, and print a table of
# case, exit code, records kept (whole records in the output right after the fault) and records lost
# (records that should be in the output after the recovery step, resume or a rerun, but are not).
#
#   bash scripts/faults.sh            # needs root for the tmpfs cases (full disk, read-only); else says so
#
# Cases: kill -9 and SIGINT mid-run (then --resume), kill -9 of a --db run (the archive must hold every
# record of the output after --resume --db), a full disk (a small tmpfs; /dev/full without root), a
# read-only output folder (a tmpfs remounted read-only), an errors path that cannot be written (the
# existing output must stay whole), and an output that is the input (refused, the input intact).
set -uo pipefail
cd "$(dirname "$0")/.."
HOINGHI=${HOINGHI:-$PWD/.venv/bin/hoinghi}
PY=${PY:-$PWD/.venv/bin/python}
DOCS=${DOCS:-1500}
WORK=$(mktemp -d /tmp/hoinghi-faults.XXXXXX)
MOUNTS=()
cleanup() {
  for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT
ROWS=()
row() { ROWS+=("$(printf '%-34s %5s %8s %8s  %s' "$1" "$2" "$3" "$4" "${5:-}")"); }

# Whole, valid records in a JSONL file; "+half" when it ends in a half line.
count() {
  "$PY" - "$1" <<'PY'
import json, sys
from pathlib import Path
path = Path(sys.argv[1])
data = path.read_bytes() if path.is_file() else b""
whole = 0
for line in data.split(b"\n")[:-1]:
    try:
        whole += isinstance(json.loads(line).get("doc_id"), str)
    except ValueError:
        pass
half = "+half" if data and not data.endswith(b"\n") else ""
print(f"{whole}{half}")
PY
}

# Input: DOCS articles of a few sentences each, written here (not taken from any corpus).
"$PY" - "$WORK/in.jsonl" "$DOCS" <<'PY'
import json, sys
bodies = ["Văn phòng Huyện ủy", "Sở Tư pháp tỉnh", "Đảng ủy xã Tân Lập", "Hội Nông dân huyện", "Trường THCS Nậm Lầu"]
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    for i in range(int(sys.argv[2])):
        body = bodies[i % len(bodies)]
        text = (f"Sáng ngày {i % 28 + 1}/12/2024, {body} tổ chức hội nghị tổng kết công tác năm 2024 lần thứ {i}. "
                f"Đồng chí Nguyễn Văn An, Bí thư, chủ trì hội nghị. Năm 2024, tỷ lệ hoàn thành đạt {80 + i % 20}%. "
                f"Dịp này, {body} tặng Giấy khen cho {i % 9 + 1} tập thể và {i % 7 + 2} cá nhân. "
                "Năm 2025, phấn đấu 100% chi bộ đạt trong sạch vững mạnh.")
        fh.write(json.dumps({"id": f"bai_{i:05}", "text": text}, ensure_ascii=False) + "\n")
PY

# Start a run in the background and stop it with a signal once at least $3 records are written.
interrupted_run() {  # name signal min_records extra-args...
  local name=$1 sig=$2 least=$3; shift 3
  local out="$WORK/$name.jsonl"
  # a background job of a script starts with SIGINT ignored, and an ignored signal stays so across exec:
  # give the run back the default, as a terminal's Ctrl-C would find it
  "$PY" -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
    "$HOINGHI" extract "$WORK/in.jsonl" -o "$out" -j 2 -q "$@" 2>>"$WORK/interrupted.stderr" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    [ -f "$out" ] && [ "$(wc -l < "$out")" -ge "$least" ] && break
    sleep 0.05
  done
  kill "-$sig" "$pid" 2>/dev/null
  wait "$pid"
  echo $?
}

# 1. kill -9 mid-run, then --resume
code=$(interrupted_run kill9 KILL 200)
kept=$(count "$WORK/kill9.jsonl")
"$HOINGHI" extract "$WORK/in.jsonl" -o "$WORK/kill9.jsonl" -j 2 -q --resume
final=$(count "$WORK/kill9.jsonl")
row "kill -9, then --resume" "$code" "$kept" "$((DOCS - ${final%+half}))" "after resume: $final"

# 2. SIGINT mid-run, then --resume
code=$(interrupted_run sigint INT 200)
kept=$(count "$WORK/sigint.jsonl")
"$HOINGHI" extract "$WORK/in.jsonl" -o "$WORK/sigint.jsonl" -j 2 -q --resume
final=$(count "$WORK/sigint.jsonl")
row "SIGINT, then --resume" "$code" "$kept" "$((DOCS - ${final%+half}))" "after resume: $final"

# 3. kill -9 of a --db run, then --resume --db: the archive must hold every record of the output
code=$(interrupted_run db KILL 200 --db "$WORK/db.db")
kept=$(count "$WORK/db.jsonl")
"$HOINGHI" extract "$WORK/in.jsonl" -o "$WORK/db.jsonl" -j 2 -q --resume --db "$WORK/db.db"
final=$(count "$WORK/db.jsonl")
archived=$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$WORK/db.db")
row "kill -9 with --db, --resume --db" "$code" "$kept" "$((DOCS - archived))" "output $final, archive $archived"

# 4. full disk: a 256 KB tmpfs (root), else /dev/full
mkdir -p "$WORK/small"
if mount -t tmpfs -o size=256k tmpfs "$WORK/small" 2>/dev/null; then
  MOUNTS+=("$WORK/small")
  "$HOINGHI" extract "$WORK/in.jsonl" -o "$WORK/small/facts.jsonl" --errors "$WORK/full.errors.jsonl" -j 2 -q \
    2>"$WORK/full.stderr"
  code=$?
  kept=$(count "$WORK/small/facts.jsonl")
  cp "$WORK/small/facts.jsonl" "$WORK/full.jsonl"  # recovery: carry on somewhere roomier
  "$HOINGHI" extract "$WORK/in.jsonl" -o "$WORK/full.jsonl" -j 2 -q --resume
  final=$(count "$WORK/full.jsonl")
  row "full disk (256 KB tmpfs)" "$code" "$kept" "$((DOCS - ${final%+half}))" "$(head -c 90 "$WORK/full.stderr")"
else
  "$HOINGHI" extract "$WORK/in.jsonl" -o /dev/full -j 2 -q 2>"$WORK/full.stderr"
  row "full disk (/dev/full: no mount)" "$?" "-" "-" "$(head -c 90 "$WORK/full.stderr")"
fi

# 5. read-only output folder holding an earlier output: nothing may change
mkdir -p "$WORK/ro"
if mount -t tmpfs -o size=4m tmpfs "$WORK/ro" 2>/dev/null; then
  MOUNTS+=("$WORK/ro")
  head -n 100 "$WORK/kill9.jsonl" > "$WORK/ro/facts.jsonl"
  mount -o remount,ro "$WORK/ro"
  "$HOINGHI" extract "$WORK/in.jsonl" -o "$WORK/ro/facts.jsonl" -j 2 -q 2>"$WORK/ro.stderr"
  code=$?
  kept=$(count "$WORK/ro/facts.jsonl")
  row "read-only output folder" "$code" "$kept" "$((100 - ${kept%+half}))" "$(head -c 90 "$WORK/ro.stderr")"
else
  row "read-only output folder" "-" "-" "-" "not root: no read-only tmpfs could be mounted"
fi

# 6. an errors path that cannot be written (in the read-only folder, else a folder): the existing output stays whole
head -n 100 "$WORK/kill9.jsonl" > "$WORK/keep.jsonl"
errors="$WORK/errors-is-a-folder"
mkdir -p "$errors"
[ ${#MOUNTS[@]} -eq 2 ] && errors="$WORK/ro/new.errors.jsonl"
"$HOINGHI" extract "$WORK/in.jsonl" -o "$WORK/keep.jsonl" --errors "$errors" -j 2 -q 2>"$WORK/errs.stderr"
code=$?
kept=$(count "$WORK/keep.jsonl")
row "unwritable --errors path" "$code" "$kept" "$((100 - ${kept%+half}))" "$(tail -n 1 "$WORK/errs.stderr" | head -c 90)"

# 7. the output is the input
cp "$WORK/in.jsonl" "$WORK/same.jsonl"
"$HOINGHI" extract "$WORK/same.jsonl" -o "$WORK/same.jsonl" -q 2>"$WORK/same.stderr"
code=$?
kept=$(wc -l < "$WORK/same.jsonl")
row "output is the input" "$code" "$kept" "$((DOCS - kept))" "$(tail -n 1 "$WORK/same.stderr" | head -c 90)"

printf '%-34s %5s %8s %8s  %s\n' "case" "exit" "kept" "lost" "note"
printf '%s\n' "${ROWS[@]}"
