#!/usr/bin/env python3
"""Validates gongwen JSON Lines against docs/gongwen-1.schema.json and checks the span contract
(text[start:end] == entity text; top-level nodes tile the text) the way an analyst's Python sees it.

    scripts/validate_schema.py out.jsonl [more.jsonl ...]
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("validate_schema: jsonschema is not installed (pip install jsonschema); skipped")
    sys.exit(0)

schema = json.loads((pathlib.Path(__file__).parent.parent / "docs" / "gongwen-1.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
records = problems = 0
for path in sys.argv[1:]:
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        record = json.loads(line)
        records += 1
        where = f"{path}:{number} ({record.get('source', {}).get('path')})"
        for error in validator.iter_errors(record):
            problems += 1
            print(f"{where}: {error.message} at {list(error.path)}")
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
print(f"validate_schema: {records} records, {problems} problems")
sys.exit(1 if problems else 0)
