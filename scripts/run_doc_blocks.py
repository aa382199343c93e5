#!/usr/bin/env python3
"""Runs the code blocks of Markdown files that are marked to run, in the current folder (which
holds corpus.jsonl and corpus.sqlite). A fence's info string says how:

  ```sql run      each statement against corpus.sqlite (Python's sqlite3); a query must return rows
  ```duckdb run   each statement in DuckDB (over corpus.jsonl and friends); a query must return rows
  ```python run   the block as a Python script (it checks its own results with assert)
  ```sh run       the block with bash -euo pipefail; it must print something

Any other fence (``` sql, ```text, …) is sample output or illustration and is not run.
Exit status 1 when a block fails or returns nothing; prints each block's seconds.
"""
import re
import sqlite3
import subprocess
import sys
import time

FENCE = re.compile(r"^```(\w+) run\s*$")


def blocks(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            start = i + 1
            j = start
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            yield m.group(1), start + 1, "\n".join(lines[start:j])
            i = j
        i += 1


def statements(sql):
    # Split on semicolons at line ends (the docs put one statement per paragraph).
    out, current = [], []
    for line in sql.split("\n"):
        current.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(current).strip())
            current = []
    rest = "\n".join(current).strip()
    if rest and not all(l.strip().startswith("--") for l in rest.split("\n") if l.strip()):
        out.append(rest)
    return [s for s in out if s]


def run_sql(code):
    db = sqlite3.connect("corpus.sqlite")
    for s in statements(code):
        cur = db.execute(s)
        if cur.description is not None:
            rows = cur.fetchall()
            if not rows:
                raise AssertionError("no rows: " + s.split("\n")[0])
    db.close()


def run_duckdb(code):
    import duckdb
    con = duckdb.connect()
    for s in statements(code):
        rel = con.execute(s)
        if rel.description is not None:
            rows = rel.fetchall()
            is_query = s.lstrip().upper().startswith(("SELECT", "WITH", "FROM", "SUMMARIZE", "DESCRIBE"))
            if is_query and not rows:
                raise AssertionError("no rows: " + s.split("\n")[0])
    con.close()


def run_python(code):
    subprocess.run([sys.executable, "-c", code], check=True)


def run_sh(code):
    out = subprocess.run(["bash", "-euo", "pipefail", "-c", code], check=True, stdout=subprocess.PIPE).stdout
    sys.stdout.write(out.decode("utf-8", "replace")[-2000:])
    if not out.strip():
        raise AssertionError("the block printed nothing")


RUNNERS = {"sql": run_sql, "duckdb": run_duckdb, "python": run_python, "sh": run_sh}


def main(paths):
    failed = ran = 0
    for path in paths:
        for lang, line, code in blocks(path):
            runner = RUNNERS.get(lang)
            if runner is None:
                print("%s:%d: unknown block kind %r" % (path, line, lang))
                failed += 1
                continue
            t0 = time.time()
            try:
                runner(code)
                print("ok   %s:%d %s (%.2f s)" % (path, line, lang, time.time() - t0))
            except Exception as e:  # noqa: BLE001 - every failure is reported the same way
                failed += 1
                print("FAIL %s:%d %s: %s" % (path, line, lang, e))
            ran += 1
    print("%d blocks run, %d failed" % (ran, failed))
    return 1 if failed or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
