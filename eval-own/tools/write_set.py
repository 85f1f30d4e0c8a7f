"""Writes a set's qa.jsonl, casualties.json and intended.json from its make.py's tables.

QA rows are (question, intended brief or None, any_of or None); GOLD rows are (brief, incident,
keys, fields). Ids are `prefix` + 1-based position. Files go to the folder of the calling make.py.
"""
import json
import os


def write_set(prefix, qa_rows, gold_rows, folder):
    qa, intended = [], {"qa": {}, "casualties": {}}
    for i, (q, doc, any_of) in enumerate(qa_rows, 1):
        qid = f"{prefix}{i}"
        if doc:
            qa.append({"id": qid, "q": q, "answerable": True, "any_of": any_of})
            intended["qa"][qid] = doc
        else:
            qa.append({"id": qid, "q": q, "answerable": False})
    gold = []
    for doc, name, keys, fields in gold_rows:
        gold.append({"incident": name, "keys": keys, **fields})
        intended["casualties"][name] = doc
    with open(os.path.join(folder, "qa.jsonl"), "w") as f:
        for r in qa:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for name, data in (("casualties.json", gold), ("intended.json", intended)):
        with open(os.path.join(folder, name), "w") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(len(qa), "questions,", len(gold), "gold rows")
