#!/usr/bin/env python3
"""Writes docs/gongwen-1.schema.json (what consumers validate against: open to additions) and
docs/gongwen-1.strict.schema.json (the same with additionalProperties false and closed enums, for
our own CI) from the one description below. A Swift test checks the strict vocabularies against
the code's enums, so the two cannot drift.

    python3 scripts/make_schemas.py          # rewrite both
    python3 scripts/make_schemas.py --check  # fail if either file is out of date
"""
import copy, json, pathlib, sys

DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs"

# Closed vocabularies: enums in Swift; new values would be a change of the code, so the open
# schema still accepts any string of the right shape.
VOCAB = {
    "markerStyle": ["chineseNumeral", "parenthesizedChineseNumeral", "arabicNumeral", "parenthesizedArabicNumeral",
                    "circledNumeral", "problem", "stage", "part", "chapter", "regulationSection", "article"],
    "fieldRole": ["headerMarking", "issuingAuthority", "signer", "title", "dateline", "documentNumber", "addressee",
                  "attachmentNote", "contact", "signatory", "signatureDate", "distribution"],
    "boilerplateKind": ["breadcrumb", "repeatedTitle", "promotion", "photoCaption", "pageChrome"],
    "severity": ["info", "warning", "error"],
    "precision": ["day", "month", "year"],
    "partOfDay": ["earlyMorning", "morning", "noon", "afternoon", "evening"],
    "era": ["minguo"],
    "dateField": ["year", "month"],
    "anchor": ["dateline", "signatureDate", "previousDate", "option", "nextDate", "weekday"],
    "qualifier": ["余", "多", "近", "约", "左右", "以上", "超", "超过", "逾", "数", "几", "上"],
    "personUnit": ["人", "人次", "名", "位"],
    "personRole": ["attendance", "expected", "absent"],
    "titleCategory": ["regulation", "normative", "plan", "speech", "book", "request", "report", "letter", "minutes",
                      "proposal", "reply", "other"],
    "percentageUnit": ["percent", "percentagePoint", "permille"],
    "documentDateSource": ["signatureDate", "dateline"],
    "entityKind": ["date", "dateRange", "money", "personCount", "title", "documentNumber", "percentage", "phone", "email"],
    # Open code lists (RawRepresentable structs in Swift): the strict schema lists today's values.
    "diagnosticCode": ["decode.invalidBytes", "decode.lowConfidence", "numbering.gap", "numbering.repeated",
                       "numbering.disorder", "outline.missingLevel", "text.placeholder", "date.invalid",
                       "date.placeholder", "date.unresolved", "date.weekdayMismatch", "number.overflow"],
    "errorCode": ["unsupported-format", "empty", "too-large", "archive-bomb", "unreadable", "truncated-archive",
                  "symlink-loop", "bad-input", "no-text-layer", "crashed", "timeout", "out-of-memory"],
    "format": ["text", "html", "docx", "pdf", "ofd", "doc", "wps"],
}
# How the open schema writes each vocabulary: a pattern for its shape, so later values validate.
OPEN_PATTERN = {
    "diagnosticCode": r"^[a-z]+(\.[A-Za-z]+)+$",
    "errorCode": r"^[a-z]+(-[a-z]+)*$",
    "format": r"^[a-z0-9]+$",
    "qualifier": r"^\S+$",
    "personUnit": r"^\S+$",
}

def vocab(name):
    return {"$vocab": name}

S = {"type": "string"}
INT = {"type": "integer"}
NAT = {"type": "integer", "minimum": 0}
BOOL = {"type": "boolean"}
ISO_DAY = {"type": "string", "pattern": r"^\d{4,}-\d{2}-\d{2}$"}
ISO_PARTIAL = {"type": "string", "pattern": r"^\d{4,}(-\d{2}(-\d{2})?)?$"}
DECIMAL = {"type": "string", "pattern": r"^\d+(\.\d+)?$"}
SPAN = {"$ref": "#/$defs/span"}

def obj(required, optional=None):
    props = dict(required)
    props.update(optional or {})
    return {"type": "object", "required": list(required), "properties": props}

INFERENCE = obj({"fields": {"type": "array", "items": vocab("dateField")}, "from": ISO_PARTIAL, "anchor": vocab("anchor")})
VALUES = {
    "date": obj({"date": ISO_PARTIAL, "precision": vocab("precision"), "firstDay": ISO_DAY, "lastDay": ISO_DAY},
                {"time": {"type": "string", "pattern": r"^\d{2}:\d{2}$"}, "partOfDay": vocab("partOfDay"), "inferred": INFERENCE, "era": vocab("era")}),
    "dateRange": obj({"start": ISO_PARTIAL, "end": ISO_PARTIAL, "precision": vocab("precision"), "firstDay": ISO_DAY, "lastDay": ISO_DAY},
                     {"inferred": INFERENCE, "period": S, "era": vocab("era")}),
    "money": obj({"amount": DECIMAL, "currency": {"type": "string", "pattern": "^[A-Z]{3}$"}, "approximate": BOOL},
                 {"amountMax": DECIMAL, "qualifier": vocab("qualifier"), "per": S}),
    "personCount": obj({"count": NAT, "unit": vocab("personUnit"), "approximate": BOOL},
                       {"countMax": NAT, "qualifier": vocab("qualifier"), "role": vocab("personRole")}),
    "title": obj({"title": S, "category": vocab("titleCategory"), "key": S, "nested": {"type": "array", "items": S}}),
    "documentNumber": obj({"issuer": S, "serial": NAT}, {"year": {"type": ["integer", "null"]}}),
    "percentage": obj({"value": DECIMAL, "unit": vocab("percentageUnit")}),
    "phone": obj({"number": S}),
    "email": obj({"address": S}),
}

def entity_def():
    base = obj({"id": NAT, "kind": vocab("entityKind"), "text": S, "span": SPAN, "section": {"type": "array", "items": S},
                "value": {"type": "object"}}, {"sectionId": S})
    base["allOf"] = [{"if": {"properties": {"kind": {"const": k}}}, "then": {"properties": {"value": v}}} for k, v in VALUES.items()]
    return base

SOURCE = obj({"path": {"type": ["string", "null"]}, "encoding": S, "format": vocab("format"), "bytes": NAT, "sha256": S},
             {"id": S, "pages": {"type": "array", "items": obj({"page": {"type": "integer", "minimum": 1}, "span": SPAN})}})
SECTION_OUTLINE = obj({"id": S, "marker": S, "style": vocab("markerStyle"), "level": {"type": "integer", "minimum": 1},
                       "ordinal": INT, "heading": S, "span": SPAN, "headingSpan": SPAN,
                       "children": {"type": "array", "items": {"$ref": "#/$defs/section"}}})
NODE_KINDS = {
    "section": obj({"kind": {"const": "section"}, "span": SPAN, "id": S, "marker": S, "style": vocab("markerStyle"),
                    "level": {"type": "integer", "minimum": 1}, "ordinal": INT, "heading": S, "markerSpan": SPAN,
                    "headingSpan": SPAN, "bodyStart": NAT, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}),
    "paragraph": obj({"kind": {"const": "paragraph"}, "span": SPAN, "textSpan": SPAN, "text": S},
                     {"items": {"type": "array", "items": obj({"marker": S, "ordinal": INT, "span": SPAN})}}),
    "field": obj({"kind": {"const": "field"}, "span": SPAN, "role": vocab("fieldRole"), "textSpan": SPAN, "text": S}),
    "boilerplate": obj({"kind": {"const": "boilerplate"}, "span": SPAN, "boilerplate": vocab("boilerplateKind"), "textSpan": SPAN, "text": S}),
}
DOCUMENT = obj({"schema": {"const": "gongwen/1"}, "gongwenVersion": S, "id": S, "source": SOURCE,
                "title": {"type": ["string", "null"]},
                "date": {"oneOf": [{"type": "null"}, obj({"date": ISO_DAY, "from": vocab("documentDateSource")})]},
                "issuer": {"type": ["string", "null"]},
                "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}},
                "nodes": {"type": "array", "items": {"$ref": "#/$defs/node"}},
                "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
                "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}}},
               {"text": S})
ERROR = obj({"schema": {"const": "gongwen/1"}, "gongwenVersion": S, "source": SOURCE,
             "error": obj({"code": vocab("errorCode"), "message": S})})
DIAGNOSTIC = obj({"code": vocab("diagnosticCode"), "severity": vocab("severity"), "message": S}, {"span": SPAN})

def schema():
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Gongwen record, schema gongwen/1: a document or an error record (docs/SCHEMA.md)",
        "oneOf": [{"$ref": "#/$defs/document"}, {"$ref": "#/$defs/errorRecord"}],
        "$defs": {
            "document": DOCUMENT, "errorRecord": ERROR, "diagnostic": DIAGNOSTIC, "entity": entity_def(),
            "section": SECTION_OUTLINE, "node": {"oneOf": list(NODE_KINDS.values())},
            "span": obj({"start": NAT, "end": NAT}),
        },
    }

def resolve(node, strict):
    if isinstance(node, dict):
        if set(node) == {"$vocab"}:
            name = node["$vocab"]
            if strict:
                return {"enum": VOCAB[name]}
            return {"type": "string", "pattern": OPEN_PATTERN[name]} if name in OPEN_PATTERN else {"type": "string"}
        out = {k: resolve(v, strict) for k, v in node.items()}
        if strict and out.get("type") == "object" and "properties" in out and not node.get("_open"):
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [resolve(v, strict) for v in node]
    return node

def render(strict):
    s = resolve(copy.deepcopy(schema()), strict)
    s["$id"] = "gongwen/1" + ("/strict" if strict else "")
    if strict:
        s["title"] += "; strict: no unknown fields, today's vocabularies only"
    return json.dumps(s, ensure_ascii=False, indent=1) + "\n"

def main():
    outputs = {DOCS / "gongwen-1.schema.json": render(False), DOCS / "gongwen-1.strict.schema.json": render(True)}
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if "--check" in sys.argv:
        for p in stale:
            print(f"make_schemas: {p.name} is out of date; run python3 scripts/make_schemas.py")
        sys.exit(1 if stale else 0)
    for p, text in outputs.items():
        p.write_text(text, encoding="utf-8")
    print("make_schemas: wrote", ", ".join(p.name for p in outputs))

if __name__ == "__main__":
    main()
