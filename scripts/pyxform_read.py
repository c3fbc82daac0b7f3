"""Reads XLSForm workbooks with pyxform, the reference converter, and prints what the
questionnaire import must agree with, as JSON: per file, the questions in order (name, type,
label texts, choices, relevant, group), the groups, and the questions pyxform adds for
"or_other" folded back into an `other` flag. Used by the Rust test `xlsform.rs`."""

import json
import re
import sys

from pyxform.xls2json import parse_file_to_json

OTHER = re.compile(r"^selected\(\.\./(?P<q>[^,]+), 'other'\)$")


def texts(label):
    if label is None:
        return []
    if isinstance(label, dict):
        return sorted(v for v in label.values() if v)
    return [label] if label else []


def walk(children, group, out):
    for child in children:
        kind = child.get("type")
        if kind == "group" and child.get("name") == "meta" and child.get("control", {}).get("bodyless"):
            continue
        if kind in ("group", "repeat"):
            out["groups"].append({
                "name": child["name"],
                "labels": texts(child.get("label")),
                "relevant": child.get("bind", {}).get("relevant", ""),
            })
            walk(child.get("children", []), child["name"], out)
            continue
        relevant = child.get("bind", {}).get("relevant", "")
        m = OTHER.match(relevant)
        if kind == "text" and m and child["name"] == m.group("q") + "_other":
            out["other"].append(m.group("q"))
            continue
        out["questions"].append({
            "name": child["name"],
            "type": kind,
            "labels": texts(child.get("label")),
            "choices": [[c["name"], texts(c.get("label"))] for c in child.get("choices", [])],
            "relevant": relevant,
            "required": child.get("bind", {}).get("required", "") in ("true()", "yes", True),
            "group": group,
        })


result = {}
for path in sys.argv[1:]:
    survey = parse_file_to_json(path)
    out = {"questions": [], "groups": [], "other": []}
    walk(survey.get("children", []), "", out)
    result[path] = out
print(json.dumps(result, ensure_ascii=False))
