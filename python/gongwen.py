"""Gongwen from Python: run the `gongwen` binary and read its gongwen/1 records.

Standard library only; pandas is imported by `to_dataframe` alone.

    import gongwen
    doc = gongwen.parse("notice.txt")            # or gongwen.parse("关于……的通知\n一、……")
    for record in gongwen.convert(["Corpus/seeds"]):
        print(record["source"]["path"], record.get("title"))
    entities = gongwen.to_dataframe(gongwen.convert(["Corpus/seeds"]), "entities")

The binary is found through $GONGWEN_BIN, then PATH, then .build/release/gongwen of this
repository (or of the current folder).
"""

import json
import os
import shutil
import subprocess
from decimal import Decimal

__all__ = ["binary", "parse", "convert", "to_dataframe", "GongwenError"]

_HERE = os.path.dirname(os.path.abspath(__file__))


class GongwenError(RuntimeError):
    """The binary could not be found, or failed on its command line."""


def binary():
    """The path of the gongwen binary: $GONGWEN_BIN, then PATH, then .build/release."""
    env = os.environ.get("GONGWEN_BIN")
    if env:
        if not os.access(env, os.X_OK):
            raise GongwenError("GONGWEN_BIN=%s is not an executable" % env)
        return env
    found = shutil.which("gongwen")
    if found:
        return found
    for root in (os.path.dirname(_HERE), os.getcwd()):
        candidate = os.path.join(root, ".build", "release", "gongwen")
        if os.access(candidate, os.X_OK):
            return candidate
    raise GongwenError("gongwen not found: set GONGWEN_BIN, put it on PATH, or run `swift build -c release`")


def _run(args, input_bytes=None):
    proc = subprocess.run([binary()] + args, input=input_bytes, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode == 2:
        raise GongwenError(proc.stderr.decode("utf-8", "replace").strip())
    return proc


def parse(text_or_path, **options):
    """One document as a dict (schema gongwen/1). A path that exists is read as a file (text in any
    encoding, HTML, .docx); anything else is parsed as the document's text."""
    if isinstance(text_or_path, os.PathLike) or (isinstance(text_or_path, str) and "\n" not in text_or_path
                                                   and len(text_or_path) < 4096 and os.path.isfile(text_or_path)):
        proc = _run(["parse", os.fspath(text_or_path)])
    else:
        data = text_or_path if isinstance(text_or_path, bytes) else str(text_or_path).encode("utf-8")
        proc = _run(["parse", "-"], input_bytes=data)
    if proc.returncode != 0:
        raise GongwenError(proc.stderr.decode("utf-8", "replace").strip())
    return json.loads(proc.stdout)


def convert(paths, jobs=None, text=True):
    """Files, folders and archives to records: an iterator of dicts, one per input, in input order
    (documents, and error records with an "error" field). Streams: memory stays flat."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    args = ["convert"] + [os.fspath(p) for p in paths] + ["-o", "-", "--quiet"]
    if jobs:
        args += ["--jobs", str(jobs)]
    if not text:
        args.append("--no-text")
    proc = subprocess.Popen([binary()] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for line in proc.stdout:
            if line.strip():
                yield json.loads(line)
    finally:
        proc.stdout.close()
        err = proc.stderr.read()
        proc.stderr.close()
        if proc.wait() == 2:
            raise GongwenError(err.decode("utf-8", "replace").strip())


def _rows(records, table):
    for r in records:
        source = r.get("source", {})
        if table == "errors":
            if "error" in r:
                yield {"path": source.get("path"), "sha256": source.get("sha256"), "format": source.get("format"),
                       "code": r["error"]["code"], "message": r["error"]["message"]}
            continue
        if "error" in r:
            continue
        if table == "documents":
            date = r.get("date") or {}
            yield {"id": r["id"], "path": source.get("path"), "title": r.get("title"), "issuer": r.get("issuer"),
                   "date": date.get("date"), "encoding": source.get("encoding"), "format": source.get("format"),
                   "sha256": source.get("sha256"), "entities": len(r.get("entities", []))}
        elif table == "entities":
            for e in r.get("entities", []):
                row = {"document_id": r["id"], "path": source.get("path"), "entity": e["id"], "kind": e["kind"],
                       "text": e["text"], "start": e["span"]["start"], "end": e["span"]["end"],
                       "section": " > ".join(e.get("section", []))}
                for k, v in e.get("value", {}).items():
                    if k in ("amount", "amountMax") or (e["kind"] == "percentage" and k == "value"):
                        v = Decimal(v)  # exact, never a float
                    elif isinstance(v, (dict, list)):
                        v = json.dumps(v, ensure_ascii=False)
                    row["value_" + k] = v
                yield row
        else:
            raise ValueError("table is documents, entities or errors, not %r" % table)


def to_dataframe(records, table="entities"):
    """A pandas DataFrame of `records` (dicts from `convert` or `parse`, or a path to a .jsonl):
    one row per entity (table="entities", amounts as decimal.Decimal), per document ("documents")
    or per error record ("errors"). Dates stay ISO strings; pass them to pandas.to_datetime."""
    import pandas as pd  # lazily: the rest of the module needs only the standard library

    if isinstance(records, (str, os.PathLike)):
        path = os.fspath(records)
        def lines():
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)
        records = lines()
    elif isinstance(records, dict):
        records = [records]
    return pd.DataFrame(list(_rows(records, table)))
