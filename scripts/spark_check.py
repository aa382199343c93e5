"""The Spark check (run by scripts/spark_check.sh): build the input lines, convert them on one
machine and through Spark's RDD.pipe in local[2], compare, print both wall times."""
import base64
import json
import os
import re
import subprocess
import sys
import time

seeds_dir, work, docs = sys.argv[1], sys.argv[2], int(sys.argv[3])
binary = os.environ["GONGWEN_BIN"]

# Input: the seeds replicated (each copy changed by one line, so every input is distinct), as
# bytes (GB18030 and HTML too) or as text, and bad inputs among them.
seeds = [open(os.path.join(seeds_dir, n), "rb").read() for n in sorted(os.listdir(seeds_dir))]
lines = []
for i in range(docs):
    text = seeds[i % len(seeds)].decode("utf-8") + "\n附注：副本%d\n" % i
    ident = "doc-%05d" % i
    if i % 10 == 3:
        lines.append({"id": ident, "path": "spark/%s.txt" % ident, "text": text})
    elif i % 10 == 5:
        page = "<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>t</title></head><body><div class=\"content\">%s</div></body></html>" % text.replace("\n", "<br>")
        lines.append({"id": ident, "path": "spark/%s.html" % ident, "bytes_base64": base64.b64encode(page.encode("gb18030")).decode()})
    elif i % 10 == 7:
        lines.append({"id": ident, "path": "spark/%s.txt" % ident, "bytes_base64": base64.b64encode(text.encode("gb18030")).decode()})
    else:
        lines.append({"id": ident, "path": "spark/%s.txt" % ident, "bytes_base64": base64.b64encode(text.encode("utf-8")).decode()})
bad = 0
for i in range(0, docs, 100):
    lines.append({"id": "bad-empty-%d" % i, "path": "spark/empty-%d.txt" % i, "bytes_base64": ""}); bad += 1
    lines.append({"id": "bad-pdf-%d" % i, "path": "spark/scan-%d.pdf" % i, "bytes_base64": base64.b64encode(b"%PDF-1.4\n\x00\x01binary").decode()}); bad += 1
    lines.append({"id": "bad-base64-%d" % i, "bytes_base64": "@@not base64@@"}); bad += 1
    lines.append({"id": "bad-notext-%d" % i, "path": "x"}); bad += 1
inputs = os.path.join(work, "inputs.jsonl")
with open(inputs, "w", encoding="utf-8") as f:
    for r in lines:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print("inputs: %d lines (%d documents, %d bad), %.1f MB" % (len(lines), docs, bad, os.path.getsize(inputs) / 1e6))

def same(line):
    # A bad-input message names the line of that process's stdin: in Spark, of its partition.
    return re.sub(r'"message":"line \d+', '"message":"line N', line)


def key(line):
    r = json.loads(line)
    return (r.get("source", {}).get("id") or "", line)

# One machine.
t0 = time.time()
with open(inputs, "rb") as fin:
    single = subprocess.run([binary, "convert", "--stdin-jsonl", "--quiet"], stdin=fin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE).stdout.decode("utf-8").splitlines()
single_seconds = time.time() - t0

# Spark, local[2]: the binary shipped with addFile (spark-submit --files on a cluster), one
# `gongwen convert --stdin-jsonl` process per partition.
from pyspark import SparkFiles
from pyspark.sql import SparkSession

t0 = time.time()
spark = (SparkSession.builder.master("local[2]").appName("gongwen-spark-check")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.driver.memory", "1g").getOrCreate())
sc = spark.sparkContext
sc.setLogLevel("ERROR")
sc.addFile(binary)
command = SparkFiles.get(os.path.basename(binary)) + " convert --stdin-jsonl --quiet --jobs 1"
out_dir = os.path.join(work, "spark-out")
sc.textFile(inputs, minPartitions=8).pipe(command).saveAsTextFile(out_dir)
spark_seconds = time.time() - t0
result = []
for name in sorted(os.listdir(out_dir)):
    if name.startswith("part-"):
        result += open(os.path.join(out_dir, name), encoding="utf-8").read().splitlines()

# Read back with spark.read.json, and one of the recipes' questions.
df = spark.read.json(out_dir)
errors = df.where("error IS NOT NULL").count()
money = df.where("error IS NULL").selectExpr("explode(entities) AS e").where("e.kind = 'money'").count()
spark.stop()

print("one machine: %d lines in %.1f s" % (len(single), single_seconds))
print("spark local[2]: %d lines in %.1f s (session start included); %d error records, %d money entities" % (len(result), spark_seconds, errors, money))
assert len(single) == len(lines), (len(single), len(lines))
assert sorted(map(same, single), key=key) == sorted(map(same, result), key=key), "Spark and one machine differ"
assert errors == bad, (errors, bad)
print("spark check: ok, identical after sorting by id")
