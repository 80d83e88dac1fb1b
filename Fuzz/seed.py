#!/usr/bin/env python3
"""Builds the seed corpora in Fuzz/Corpus/<target>/ from the repository's fixtures,
examples and the string literals of the tests. Run once; run.sh then merges what the
fuzzers find into these folders. Files are named by the SHA-1 of their content, as
libFuzzer names its own, so running this twice adds nothing new."""
import hashlib, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")


def swift_unescape(s):
    def rep(m):
        e = m.group(1)
        if e.startswith("u{"):
            try:
                return chr(int(e[2:-1], 16))
            except ValueError:
                return ""
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "'": "'", "\\": "\\"}.get(e, e)
    return re.sub(r'\\(u\{[0-9a-fA-F]+\}|.)', rep, s)


def literals(path):
    """The string literals of a Swift file: raw, ordinary and multi-line."""
    text = open(path, encoding="utf-8").read()
    found = []
    for m in re.finditer(r'(#+)"""\n(.*?)\n([ \t]*)"""\1', text, re.S):
        indent = m.group(3)
        found.append("\n".join(l[len(indent):] if l.startswith(indent) else l for l in m.group(2).split("\n")) + "\n")
    for m in re.finditer(r'(?<!#)"""\n(.*?)\n([ \t]*)"""', text, re.S):
        indent = m.group(2)
        body = "\n".join(l[len(indent):] if l.startswith(indent) else l for l in m.group(1).split("\n")) + "\n"
        found.append(swift_unescape(body.replace("\\\n", "")))
    text_no_ml = re.sub(r'#*"""\n.*?\n[ \t]*"""#*', "", text, flags=re.S)
    for m in re.finditer(r'#"(.*?)"#', text_no_ml):
        found.append(m.group(1))
    for m in re.finditer(r'(?<![#\\])"((?:[^"\\\n]|\\.)*)"(?!#)', text_no_ml):
        found.append(swift_unescape(m.group(1)))
    return found


def save(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def files(folder, suffixes):
    for base, _, names in os.walk(os.path.join(ROOT, folder)):
        for n in sorted(names):
            if n.endswith(suffixes):
                yield os.path.join(base, n)


# EDTF: short literals from the date tests, and every `date:` value in fixtures.
edtf_tests = list(files("Tests/ChronicleTests/Time", (".swift",)))
for path in edtf_tests:
    for lit in literals(path):
        if 0 < len(lit) <= 64 and "\n" not in lit and not re.search(r"[a-z]{5,}", lit):
            save("edtf", lit)
for path in list(files("Tests/ChronicleTests/Fixtures", (".yaml", ".json"))) + list(files("Examples", (".yaml",))):
    for m in re.finditer(r'"?date"?:\s*"?([^"\n,}]+)', open(path, encoding="utf-8").read()):
        save("edtf", m.group(1).strip())

# JSON and YAML: fixture files, examples, and the documents written in the reader tests.
timeline_files = list(files("Tests/ChronicleTests/Fixtures/Timelines", (".json", ".yaml")))
timeline_files += list(files("Tests/ChronicleTests/Fixtures/Schema", (".json", ".yaml")))
timeline_files += list(files("Examples", (".yaml", ".json")))
for path in timeline_files:
    data = open(path, "rb").read()
    kind = "json" if path.endswith(".json") else "yaml"
    save(kind, data)
    save("pipeline", data)
for path in ["Tests/ChronicleTests/Input/JSONReaderTests.swift", "Tests/ChronicleTests/Input/TimelineDecoderTests.swift",
             "Tests/ChronicleTests/Validation/TimelineValidatorTests.swift"]:
    for lit in literals(os.path.join(ROOT, path)):
        s = lit.strip()
        if s[:1] in "{[" and len(lit) < 20000:
            save("json", lit)
            save("pipeline", lit)
for path in ["Tests/ChronicleTests/Input/YAMLReaderTests.swift", "Tests/ChronicleTests/Input/TimelineDecoderTests.swift",
             "Tests/ChronicleTests/Validation/TimelineValidatorTests.swift", "Tests/ChronicleTests/Export/ChronologyExporterTests.swift",
             "Tests/ChronicleTests/Export/DOTExporterTests.swift"]:
    for lit in literals(os.path.join(ROOT, path)):
        if ":" in lit and len(lit) < 20000 and ("\n" in lit or lit.startswith("{")):
            save("yaml", lit)
            save("pipeline", lit)
for target in ["edtf", "json", "yaml", "pipeline"]:
    print(target, len(os.listdir(os.path.join(CORPUS, target))))
