#!/bin/bash
# A fake sacct for tests: reads the jobs in ./data (a '|'-separated table with a header of sacct
# field names, job rows followed by their step rows, steps with an empty User as real sacct
# prints them) and answers the way sacct -P does. It honours -a, -n, -P, -S, -E, -o, -u; every
# call is logged to ./calls.log as "TZ=<tz> <args>". ./mode tells it to misbehave:
#   "fail N"  exit 1 with an error on the first N calls (counted in ./count)
#   "hang"    sleep far longer than any timeout
#   anything else / absent: answer normally
here=$(cd "$(dirname "$0")" && pwd)
echo "TZ=${TZ:-} $*" >> "$here/calls.log"
count=$(( $(cat "$here/count" 2>/dev/null || echo 0) + 1 )); echo "$count" > "$here/count"
mode=$(cat "$here/mode" 2>/dev/null || true)
case "$mode" in
  fail\ *) if [ "$count" -le "${mode#fail }" ]; then echo "sacct: error: Problem talking to the database: Connection refused" >&2; exit 1; fi ;;
  hang) sleep 300; exit 0 ;;
esac
all=0; header=1; parsable=0; since=""; until=""; fields="JobID,JobName,Partition,Account,AllocCPUS,State,ExitCode"; user=""
while [ $# -gt 0 ]; do
  case "$1" in
    -a|--allusers) all=1 ;;
    -n|--noheader) header=0 ;;
    -P|--parsable2) parsable=1 ;;
    -S|--starttime) since="$2"; shift ;;
    -E|--endtime) until="$2"; shift ;;
    -o|--format) fields="$2"; shift ;;
    -u|--user) user="$2"; shift ;;
    *) echo "sacct: unrecognized option '$1'" >&2; exit 1 ;;
  esac
  shift
done
[ "$parsable" = 1 ] || { echo "fake sacct: only -P output is implemented" >&2; exit 1; }
[ -n "$user" ] || [ "$all" = 1 ] || user="$USER"
exec awk -F'|' -v OFS='|' -v fields="$fields" -v since="$since" -v until="$until" -v user="$user" -v header="$header" '
NR == 1 {
  for (i = 1; i <= NF; i++) col[tolower($i)] = i
  n = split(fields, want, ",")
  for (i = 1; i <= n; i++) {
    if (!(tolower(want[i]) in col)) { print "sacct: error: Invalid field requested: \"" want[i] "\"" > "/dev/stderr"; bad = 1; exit 1 }
    pick[i] = col[tolower(want[i])]
  }
  if (header) { line = want[1]; for (i = 2; i <= n; i++) line = line "|" want[i]; print line }
  next
}
{
  id = $col["jobid"]; step = index(id, ".") > 0
  if (!step) {
    keep = 1
    if (user != "" && $col["user"] != user) keep = 0
    st = $col["start"]; en = $col["end"]
    if (until != "" && st != "Unknown" && st != "None" && st >= until) keep = 0
    if (since != "" && en != "Unknown" && en < since) keep = 0
    if (until != "" && (st == "Unknown" || st == "None") && $col["submit"] >= until) keep = 0
  }
  if (!keep) next
  line = $pick[1]; for (i = 2; i <= n; i++) line = line "|" $pick[i]; print line
}
END { if (bad) exit 1 }' "$here/data"
