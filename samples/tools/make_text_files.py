#!/usr/bin/env python3
"""Write the text-based sample transcripts (files 02, 03, 04, 07, 08, 09) from the
plain-text sources in samples/tools/sources/, in the byte formats real tools produce:

  02  plain text, UTF-8 with BOM, CRLF line ends, "I:" / "R:" turns
  03  timestamped lines "[hh:mm:ss] Name: text"
  04  otter.ai export: "Name  hh:mm:ss" header line, paragraph(s), blank line;
      ends with otter's "Transcribed by https://otter.ai" footer
  07  Zoom cloud-recording transcript (WebVTT): numbered cues, "Name: text",
      one turn split into consecutive cues of roughly 5-12 seconds
  08  Microsoft Teams transcript (WebVTT): "<guid>/<n>-<m>" cue ids,
      "<v Name>text</v>" voice tags, short consecutive cues per speaker
  09  SRT captions: numbered cues, "hh:mm:ss,mmm" times, "Name: text",
      cue text wrapped over at most two lines

Timings are synthetic but plausible: each speaker talks at a steady rate
(words per second), [pause]/[laughs] cost extra time, and there is a short
random gap between turns. A fixed seed per file makes the output reproducible.

Usage: python3 samples/tools/make_text_files.py   (from anywhere)
"""

import os
import random
import re
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
OUT = os.path.dirname(HERE)

SPEAKER_RE = re.compile(r"^([^:\n]{1,40}):\s+(.*)$", re.S)


def read_turns(name, speakers):
    """[(speaker or None, text)] - one item per source paragraph; None = continuation."""
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    paras, cur = [], []
    for l in lines + [""]:
        if l.strip():
            cur.append(l.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    out = []
    for p in paras:
        m = SPEAKER_RE.match(p)
        if m and m.group(1) in speakers:
            out.append((m.group(1), m.group(2)))
        else:
            out.append((None, p))
    return out


class Clock:
    """Synthetic speech timing."""

    def __init__(self, seed, rates, start=2.4):
        self.rng = random.Random(seed)
        self.rates = rates  # words per second, per speaker
        self.t = start

    def duration(self, speaker, text):
        words = len(re.sub(r"\[[^\]]*\]", " ", text).split())
        d = words / self.rates.get(speaker, 2.5)
        d += 1.2 * text.count("[laughs]") + 2.0 * text.count("[pause]") + 4.5 * text.count("[long pause]")
        d += 0.4 * text.count("...")
        return max(d, 0.8)

    def gap(self, lo=0.3, hi=1.6):
        self.t += self.rng.uniform(lo, hi)


def hms(t):
    t = int(t)
    return "%02d:%02d:%02d" % (t // 3600, t // 60 % 60, t % 60)


def vtt_time(t, sep="."):
    ms = int(round(t * 1000))
    return "%02d:%02d:%02d%s%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, sep, ms % 1000)


def chunk(text, rate, min_s, max_s, rng):
    """Split a turn into caption chunks of about min_s..max_s seconds, preferring to
    cut after a sentence end, then after a comma. Returns list of strings."""
    words = text.split()
    chunks, cur = [], []
    target = rng.uniform(min_s, max_s)
    for i, w in enumerate(words):
        cur.append(w)
        dur = len(cur) / rate
        last = i == len(words) - 1
        if last:
            break
        sentence_end = w.endswith((".", "?", "!"))
        clause_end = w.endswith((",", ";"))
        if (sentence_end and dur >= min_s) or (clause_end and dur >= target) or dur >= max_s - 0.3:
            chunks.append(" ".join(cur))
            cur = []
            target = rng.uniform(min_s, max_s)
    if cur:
        # avoid a tiny trailing cue: merge with the previous one if it stays short enough
        if chunks and len(cur) / rate < 1.5 and (len(chunks[-1].split()) + len(cur)) / rate <= max_s + 1.5:
            chunks[-1] += " " + " ".join(cur)
        else:
            chunks.append(" ".join(cur))
    return chunks


# ------------------------------------------------------------------ 02: BOM + CRLF, I:/R:

def make_02():
    turns = read_turns("interview-02-ceo-northshore.source.txt", {"I", "R"})
    text = "\r\n\r\n".join("%s: %s" % (s, t) for s, t in turns) + "\r\n"
    with open(os.path.join(OUT, "interview-02-ceo-northshore.txt"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))


# ------------------------------------------------------------------ 03: [hh:mm:ss] Name: text

def make_03():
    sp = {"Helen Okafor": 2.55, "Rosa Delgado": 2.3}
    turns = read_turns("interview-03-nurse-alliance1.source.txt", set(sp))
    clock = Clock(303, sp, start=1.7)
    lines = []
    for s, t in turns:
        lines.append("[%s] %s: %s" % (hms(clock.t), s, t))
        clock.t += clock.duration(s, t)
        clock.gap()
    with open(os.path.join(OUT, "interview-03-nurse-alliance1.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


# ------------------------------------------------------------------ 04: otter.ai

def make_04():
    sp = {"Tom Brennan": 2.6, "Deborah Linwood": 2.75}
    turns = read_turns("interview-04-regulator.source.txt", set(sp))
    clock = Clock(404, sp, start=2.2)
    blocks, speaker = [], None
    for s, t in turns:
        if s is None:  # continuation paragraph: same block, no new header
            blocks[-1][1].append(t)
            clock.t += clock.duration(speaker, t) + 0.6
            continue
        speaker = s
        blocks.append(("%s  %s" % (s, hms(clock.t)), [t]))
        clock.t += clock.duration(s, t)
        clock.gap()
    out = "\n\n".join(h + "\n" + "\n\n".join(ps) for h, ps in blocks)
    out += "\n\n\n\nTranscribed by https://otter.ai\n"
    with open(os.path.join(OUT, "interview-04-regulator.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(out)


# ------------------------------------------------------------------ 07: Zoom WebVTT

def make_07():
    sp = {"Tom Brennan": 2.45, "Siobhán Kearney": 2.6}
    turns = read_turns("interview-07-commissioner-riverside.source.txt", set(sp))
    clock = Clock(707, sp, start=3.12)
    cues = []
    for s, t in turns:
        rate = sp[s]
        for c in chunk(t, rate, 5.0, 12.0, clock.rng):
            d = max(len(c.split()) / rate * clock.rng.uniform(0.92, 1.08), 1.2)
            cues.append((clock.t, clock.t + d, "%s: %s" % (s, c)))
            clock.t += d + clock.rng.uniform(0.0, 0.25)
        clock.gap(0.4, 1.5)
    out = ["WEBVTT", ""]
    for i, (a, b, txt) in enumerate(cues, 1):
        out += [str(i), "%s --> %s" % (vtt_time(a), vtt_time(b)), txt, ""]
    with open(os.path.join(OUT, "interview-07-commissioner-riverside.vtt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))


# ------------------------------------------------------------------ 08: Microsoft Teams WebVTT

def make_08():
    sp = {"Helen Okafor": 2.4, "Zoë Adebayo-Müller": 2.65}
    turns = read_turns("interview-08-nurse-northshore.source.txt", set(sp))
    clock = Clock(808, sp, start=1.234)
    # one recogniser stream (GUID) per participant; phrase counter n per stream, segment m per phrase
    streams = {
        "Helen Okafor": ["3f1c9a2e-7b4d-4e8a-9c61-2d5e8f0a4b17", 9],
        "Zoë Adebayo-Müller": ["a1b2c3d4-58e6-4f1a-b7c9-0d2e4f6a8b90", 12],
    }
    out = ["WEBVTT", ""]
    for s, t in turns:
        rate = sp[s]
        guid = streams[s][0]
        # phrases of up to ~25 words (Teams finalises a recognised phrase at a pause)...
        for phrase in chunk(t, rate, 3.0, 9.0, clock.rng):
            n = streams[s][1]
            streams[s][1] += 1
            # ...and long phrases are shown as several short cues: n-0, n-1, ...
            for m, c in enumerate(chunk(phrase, rate, 1.5, 5.2, clock.rng)):
                d = max(len(c.split()) / rate * clock.rng.uniform(0.9, 1.1), 0.9)
                out += ["%s/%d-%d" % (guid, n, m),
                        "%s --> %s" % (vtt_time(clock.t), vtt_time(clock.t + d)),
                        "<v %s>%s</v>" % (s, c), ""]
                clock.t += d
            clock.t += clock.rng.uniform(0.05, 0.5)
        clock.gap(0.3, 1.4)
    with open(os.path.join(OUT, "interview-08-nurse-northshore.vtt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))


# ------------------------------------------------------------------ 09: SRT focus group

def srt_lines(txt, limit=42):
    """Caption line breaking: one line if it fits, otherwise two balanced lines."""
    if len(txt) <= limit:
        return [txt]
    width = max(limit, (len(txt) + 1) // 2 + 4)
    lines = textwrap.wrap(txt, width=width)
    while len(lines) > 2:
        width += 4
        lines = textwrap.wrap(txt, width=width)
    return lines


def make_09():
    sp = {"Helen Okafor": 2.5, "Bernard Cole": 2.35, "Renée Fournier": 2.45,
          "Dot Lomas": 2.0, "Grace Chau": 2.7}
    turns = read_turns("focus-group-09-patients-alliance1.source.txt", set(sp))
    clock = Clock(909, sp, start=4.0)
    cues = []
    for s, t in turns:
        rate = sp[s]
        if t.startswith("[chat]"):
            # chat message merged into the captions by the captioner: one cue, shown 4 s
            cues.append((clock.t, clock.t + 4.0, "%s: %s" % (s, t)))
            clock.t += 4.0 + clock.rng.uniform(0.5, 1.5)
            continue
        for c in chunk(t, rate, 2.5, 5.5, clock.rng):
            d = max(len(c.split()) / rate * clock.rng.uniform(0.93, 1.07), 1.0)
            cues.append((clock.t, clock.t + d, "%s: %s" % (s, c)))
            clock.t += d + clock.rng.uniform(0.04, 0.2)
        clock.gap(0.3, 1.8)
    out = []
    for i, (a, b, txt) in enumerate(cues, 1):
        out += [str(i), "%s --> %s" % (vtt_time(a, ","), vtt_time(b, ",")), "\n".join(srt_lines(txt)), ""]
    with open(os.path.join(OUT, "focus-group-09-patients-alliance1.srt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))


def main():
    for fn in (make_02, make_03, make_04, make_07, make_08, make_09):
        fn()
    print("wrote files 02, 03, 04, 07, 08, 09 into", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
