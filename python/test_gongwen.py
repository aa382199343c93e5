"""Tests of python/gongwen.py (run by scripts/analytics_check.sh, from a folder holding Corpus/)."""
import decimal
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gongwen  # noqa: E402

NOTICE = "关于开展2020年度科技项目申报工作的通知\n一、申报范围\n（一）支持方向。经费548.74万元，共43人参加。\n遂宁市科学技术局\n2020年5月12日\n"

# parse: text and path give the same document.
doc = gongwen.parse(NOTICE)
assert doc["schema"] == "gongwen/1", doc.get("schema")
assert doc["title"] == "关于开展2020年度科技项目申报工作的通知", doc["title"]
money = [e for e in doc["entities"] if e["kind"] == "money"]
assert money and money[0]["value"]["amount"] == "5487400", money
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
    f.write(NOTICE)
try:
    by_path = gongwen.parse(f.name)
    assert by_path["entities"] == doc["entities"]
finally:
    os.unlink(f.name)

# convert: one record per input, in order, error records included.
seeds = sorted(os.listdir("Corpus/seeds"))
records = list(gongwen.convert(["Corpus/seeds"]))
assert len(records) == len(seeds), (len(records), len(seeds))
assert [os.path.basename(r["source"]["path"]) for r in records] == seeds
assert all("error" not in r for r in records)

# to_dataframe: entities with exact amounts, documents, errors.
ents = gongwen.to_dataframe(records, "entities")
assert len(ents) == sum(len(r["entities"]) for r in records)
m = ents[ents.kind == "money"]
assert len(m) > 0 and all(isinstance(v, decimal.Decimal) for v in m.value_amount)
docs = gongwen.to_dataframe(iter(records), "documents")
assert list(docs.path.map(os.path.basename)) == seeds
assert len(gongwen.to_dataframe(records, "errors")) == 0

# The binary is found through $GONGWEN_BIN first.
os.environ["GONGWEN_BIN"] = "/nonexistent/gongwen"
try:
    gongwen.binary()
    raise AssertionError("a bad GONGWEN_BIN must fail")
except gongwen.GongwenError:
    pass
print("python/gongwen.py: ok (%d records, %d entities)" % (len(records), len(ents)))
