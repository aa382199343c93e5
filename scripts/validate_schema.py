#!/usr/bin/env python3
"""Validates gongwen JSON Lines against docs/gongwen-1.schema.json (what consumers rely on) and
docs/gongwen-1.strict.schema.json (no unknown fields, today's vocabularies), and checks the span
contract (text[start:end] == entity text; top-level nodes tile the text) the way an analyst's
Python sees it. Without jsonschema it fails: a check that cannot run is not a pass.

    scripts/validate_schema.py out.jsonl [more.jsonl ...]
    scripts/validate_schema.py --open-only out.jsonl    # consumers' view only
    scripts/validate_schema.py --expect-invalid bad.jsonl  # every record must fail the strict schema
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("validate_schema: jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)

docs = pathlib.Path(__file__).resolve().parent.parent / "docs"
args = [a for a in sys.argv[1:] if not a.startswith("--")]
names = ["gongwen-1.schema.json"] + ([] if "--open-only" in sys.argv else ["gongwen-1.strict.schema.json"])
validators = [(n, jsonschema.Draft202012Validator(json.loads((docs / n).read_text(encoding="utf-8")))) for n in names]
records = problems = 0
for path in args:
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        record = json.loads(line)
        records += 1
        if "--expect-invalid" in sys.argv:
            if not any(True for _, v in validators for _ in v.iter_errors(record)):
                problems += 1
                print(f"{path}:{number}: an invalid record validated")
            continue
        where = f"{path}:{number} ({record.get('source', {}).get('path')})"
        for name, validator in validators:
            for error in validator.iter_errors(record):
                problems += 1
                print(f"{where}: {name}: {error.message[:300]} at {list(error.path)}")
        text = record.get("text")
        if text is None:
            continue
        position = 0
        for node in record["nodes"]:
            if node["span"]["start"] != position:
                problems += 1
                print(f"{where}: nodes do not tile the text at {position}")
                break
            position = node["span"]["end"]
        if record["nodes"] and position != len(text):
            problems += 1
            print(f"{where}: nodes end at {position}, text has {len(text)} code points")
        for entity in record["entities"]:
            span = entity["span"]
            if text[span["start"]:span["end"]] != entity["text"]:
                problems += 1
                print(f"{where}: entity {entity['text']!r} is not text[{span['start']}:{span['end']}]")
print(f"validate_schema: {records} records against {', '.join(names)}, {problems} problems")
if records == 0:
    print("validate_schema: no records to check", file=sys.stderr)
    sys.exit(1)
sys.exit(1 if problems else 0)
