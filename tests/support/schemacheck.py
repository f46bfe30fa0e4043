"""Checks catalog files against the catalog JSON Schema, with Debian's python3-jsonschema.

Usage: python3 schemacheck.py SCHEMA FILE...

Prints one line per file, in the order given:
    valid FILE
    invalid FILE: PATH: MESSAGE      (the fault jsonschema finds most relevant)
    unreadable FILE: REASON          (not UTF-8 JSON: the schema has nothing to say)
Exits 0 when every file got its line; otherwise (jsonschema missing, the schema unreadable or not
a valid schema) non-zero with the reason on standard error, so that a test reading the output
cannot mistake a broken setup for a verdict.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(f"{sys.executable}: the jsonschema module is missing "
             "(Debian: apt-get install python3-jsonschema)")


def path_text(path):
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(document)"


def main(schema_path, files):
    with open(schema_path, encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        sys.exit(f"{schema_path}: not a valid draft 2020-12 schema: {error.message}")
    validator = jsonschema.Draft202012Validator(schema)
    for path in files:
        try:
            with open(path, encoding="utf-8", errors="strict") as file:
                document = json.load(file)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            print(f"unreadable {path}: {error}")
            continue
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
        if error is None:
            print(f"valid {path}")
        else:
            print(f"invalid {path}: {path_text(error.path)}: {error.message}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
