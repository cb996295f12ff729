"""Validate Data Package descriptors against the official v2 profile with an
independent JSON Schema implementation (Python's jsonschema, whose regular
expressions are Python's, not Go's). Used by .ci/run when available.

    python3 .ci/datapackage_profile.py PATH/datapackage.json ...
"""
import json
import sys

import jsonschema

profile = json.load(open("publish/profiles/datapackage.json", encoding="utf-8"))
validator = jsonschema.Draft7Validator(profile, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
failed = False
for path in sys.argv[1:]:
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
    print(path, "valid" if not errors else "INVALID")
    for e in errors[:20]:
        print("  /" + "/".join(str(p) for p in e.absolute_path), e.message[:200])
    failed = failed or bool(errors)
sys.exit(1 if failed else 0)
