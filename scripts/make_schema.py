"""Write the JSON Schema of hoinghi's records into schemas/.

    python scripts/make_schema.py          # writes schemas/article_facts.schema.json
    python scripts/make_schema.py --check  # exits 1 if the committed file is stale
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hoinghi.schemas import ArticleFacts, ExtractionError

OUT = Path(__file__).resolve().parent.parent / "schemas"
FILES = {"article_facts.schema.json": ArticleFacts, "extraction_error.schema.json": ExtractionError}


def render(model: type) -> str:
    """The schema text exactly as committed."""
    return json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if a committed schema differs")
    args = parser.parse_args(argv)
    stale = []
    for name, model in FILES.items():
        path = OUT / name
        text = render(model)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale: " + ", ".join(stale) + " (run python scripts/make_schema.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
