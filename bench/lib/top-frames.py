#!/usr/bin/env python3
"""Reads a speedscope profile written by dotnet-trace (sampled thread time) and prints where request time went:
of all samples of threads serving a request (Kestrel's ProcessRequests on the stack), the share that had each
frame on the stack (inclusive) and on top (exclusive, the frame under the CPU/unmanaged marker)."""
import json, re, sys
from collections import Counter

profile = json.load(open(sys.argv[1]))
frames = [f["name"] for f in profile["shared"]["frames"]]
markers = {"CPU_TIME", "UNMANAGED_CODE_TIME"}
inclusive, exclusive, total = Counter(), Counter(), 0.0
for p in profile["profiles"]:
    if p.get("type") != "evented":
        continue
    stack, last = [], p["startValue"]
    for e in p["events"]:
        span = e["at"] - last
        last = e["at"]
        if stack and span > 0:
            names = [frames[i] for i in stack]
            if any("ProcessRequests" in n for n in names):
                total += span
                for n in set(names):
                    inclusive[n] += span
                top = next((n for n in reversed(names) if n not in markers), "?")
                exclusive[top] += span
        if e["type"] == "O":
            stack.append(e["frame"])
        else:
            stack.pop()

def short(name, width=140):
    name = re.sub(r"\(.*\)$", "", name)
    return name if len(name) <= width else name[:width] + "…"

interesting = re.compile(r"Vermilion\.|EntityFrameworkCore|Sqlite|Npgsql|Razor|ViewComponent|Antiforgery|DataProtection|Serializ|Authentication\.|CPU_TIME|UNMANAGED")
top = int(sys.argv[2]) if len(sys.argv) > 2 else 45
print(f"request-serving thread time sampled: {total:.0f} ms")
print("\ninclusive, the platform's own code and the parts it leans on (share of request time):")
for name, t in [(n, t) for n, t in inclusive.most_common() if interesting.search(n) and "MoveNext" not in n or ("Vermilion." in n and "MoveNext" in n)][:top]:
    print(f"  {100 * t / total:5.1f} %  {short(name)}")
print("\nexclusive (the frame that was running):")
for name, t in exclusive.most_common(top // 2):
    print(f"  {100 * t / total:5.1f} %  {short(name)}")
