#!/usr/bin/env python3
"""Writes samples/codings.csv and samples/cmocs.csv from the analysis in analysis.py.

Offsets must be code points into the text as `cmoc` stores it (NFC, LF, speaker labels and
caption cues as the importers leave them), so this imports the sample study with the built
`cmoc` into a temporary project, reads each source back with `cmoc show --format json`, and
finds every coded passage there. It then checks the result the way the demo uses it: imports
both files into that project and prints the demiregularity table.

    python3 samples/tools/make_analysis.py [--cmoc build/debug/app/cli/cmoc]

Standard library only; the output is the same on every run.
"""
import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
ROOT = os.path.dirname(SAMPLES)
sys.path.insert(0, HERE)
import analysis  # noqa: E402

SLOTS = {"c": "context", "m": "mechanism", "o": "outcome"}


def run(cmoc, *args):
    r = subprocess.run([cmoc, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"cmoc {' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout


def find_cmoc(given):
    for c in [given, "build/release/app/cli/cmoc", "build/debug/app/cli/cmoc"]:
        if c and os.access(os.path.join(ROOT, c) if not os.path.isabs(c) else c, os.X_OK):
            return os.path.join(ROOT, c) if not os.path.isabs(c) else c
    sys.exit("make_analysis.py: no built cmoc; build first or pass --cmoc")


def stored_texts(cmoc, project):
    files = [os.path.join(SAMPLES, f) for f in analysis.SOURCES.values()]
    run(cmoc, "init", project)
    run(cmoc, "import", project, *files, "--participants", os.path.join(SAMPLES, "participants.csv"))
    for book in ("codebook.csv", "codebook-inductive.csv"):
        run(cmoc, "code", "import", project, os.path.join(SAMPLES, book))
    return {n: json.loads(run(cmoc, "show", project, f, "--format", "json"))["text"]
            for n, f in analysis.SOURCES.items()}


def locate(text, passage, what):
    """Code point span of `passage` in `text`, white space runs matching any white space."""
    at = text.find(passage)
    if at >= 0:
        if text.find(passage, at + 1) >= 0:
            sys.exit(f"{what}: the passage occurs more than once: {passage!r}")
        return at, at + len(passage)
    pattern = r"\s+".join(re.escape(w) for w in passage.split())
    m = list(re.finditer(pattern, text))
    if len(m) != 1:
        sys.exit(f"{what}: passage found {len(m)} times: {passage!r}")
    return m[0].start(), m[0].end()


def second_coder_span(text, start, end, i):
    """RB's span for a passage AJ coded: the same, or wider or narrower the way coders differ."""
    variant = i % 4
    if variant == 1:  # starts a few words earlier, at a word boundary within the turn
        s = max(text.rfind(" ", max(start - 40, 0), max(start - 10, 0)), text.rfind("\n", 0, start) + 1)
        return (s + 1 if s > 0 and text[s] == " " else max(s, 0)), end
    if variant == 2:  # runs on to the end of the sentence
        m = re.search(r"[.?!](\s|$)", text[end:end + 160])
        return start, end + (m.start() + 1 if m else 0)
    if variant == 3:  # leaves out the first word
        sp = text.find(" ", start, end)
        return (sp + 1 if 0 < sp < end - 5 else start), end
    return start, end


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmoc")
    args = ap.parse_args()
    cmoc = find_cmoc(args.cmoc)
    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, "analysis.cmoc")
        texts = stored_texts(cmoc, project)

        spans, rows = {}, []
        for cid, code, passage in analysis.CODINGS:
            n = cid[:2]
            s, e = locate(texts[n], passage, f"coding {cid}")
            spans[cid] = (n, s, e)
            rows.append((analysis.SOURCES[n], s, e, code, "AJ", ""))
        for i, (cid, code, _) in enumerate(analysis.CODINGS):
            n, s, e = spans[cid]
            if n not in analysis.RB_SOURCES or cid in analysis.RB_SKIPS:
                continue
            rs, re_ = second_coder_span(texts[n], s, e, i)
            other = analysis.RB_OTHER_CODE.get(cid)
            rows.append((analysis.SOURCES[n], rs, re_, other or code, "RB",
                         f"second coding; AJ coded {code}" if other else ""))
        for n, code, passage in analysis.RB_EXTRA:
            s, e = locate(texts[n], passage, f"RB extra in {n}")
            rows.append((analysis.SOURCES[n], s, e, code, "RB", ""))
        rows.sort(key=lambda r: (r[0], r[1], r[2], r[4], r[3]))

        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["source", "start", "end", "code", "coder", "memo"])
        w.writerows(rows)
        codings_csv = os.path.join(SAMPLES, "codings.csv")
        with open(codings_csv, "w", encoding="utf-8", newline="") as f:
            f.write(out.getvalue())

        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["key", "context", "mechanism", "outcome", "status", "prior", "memo", "evidence", "feeds"])
        for c in analysis.CMOCS:
            evidence = []
            for slot, cid in c["evidence"]:
                n, s, e = spans[cid]
                evidence.append(f"{SLOTS[slot]}:{analysis.SOURCES[n]}@{s}-{e}")
            w.writerow([c["key"], c["context"], c["mechanism"], c["outcome"], c["status"], c.get("prior", ""),
                        c["memo"], "; ".join(evidence), "; ".join(c.get("feeds", []))])
        cmocs_csv = os.path.join(SAMPLES, "cmocs.csv")
        with open(cmocs_csv, "w", encoding="utf-8", newline="") as f:
            f.write(out.getvalue())

        # The check: both files import into the study as the demo imports them.
        print(run(cmoc, "import-codings", project, codings_csv).strip())
        print(run(cmoc, "cmoc", "import", project, cmocs_csv, "--coder", "AJ").strip())
        print(run(cmoc, "demi", project).split("\n")[0], "...")
        aj = sum(1 for r in rows if r[4] == "AJ")
        print(f"wrote {codings_csv} ({aj} codings by AJ, {len(rows) - aj} by RB) and {cmocs_csv} "
              f"({len(analysis.CMOCS)} CMOCs)")


if __name__ == "__main__":
    main()
