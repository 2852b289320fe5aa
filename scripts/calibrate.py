"""Measure how often each rule or path is right on the gold sets and write ``rules/confidence.yaml``.

    python scripts/calibrate.py            # extract dev and dev3, write the table from both
    python scripts/calibrate.py --cross    # also: computed on one set, how precise is it on the other?
    python scripts/calibrate.py --check    # exit 1 when the table is not what it would write now
    python scripts/calibrate.py --records dev=old_dev.jsonl --records dev3=old_dev3.jsonl
                                           # the cross-set check on records extracted before (writes nothing)

The gold sets are ``../shared/corpus/dev`` and ``../shared/corpus/dev3`` (real articles
from many sites). A test (tests/evaluation/test_calibration.py) fails when the table
is not what this script would write now.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from hoinghi import rules
from hoinghi.pipeline.evaluation.calibration import Outcome, check, outcomes, table
from hoinghi.pipeline.evaluation.scoring import load_records
from hoinghi.pipeline.inputs.readers import Article, read_inputs
from hoinghi.pipeline.nlp.extractor import Extractor
from hoinghi.schemas import ArticleFacts

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SETS = ("dev", "dev3")
TABLE = ROOT / "rules" / "confidence.yaml"


def set_outcomes(extractor: Extractor, name: str, corpus: Path = SHARED) -> list[Outcome]:
    """Extract one gold set's articles and judge every fact against its gold."""
    gold = load_records(corpus / f"{name}.gold.jsonl")
    articles = [a for a in read_inputs([corpus / name]) if isinstance(a, Article)]  # read as hoinghi extract reads
    return outcomes(gold, [extractor.extract(a.text, doc_id=a.doc_id, meta=a.meta) for a in articles])


def table_text(results: dict[str, list[Outcome]]) -> str:
    """The YAML the table file holds, for these sets' outcomes."""
    data = table([o for name in SETS for o in results[name]],
                 computed_on=tuple(f"{name} ({len(load_records(SHARED / f'{name}.gold.jsonl'))} articles)"
                                   for name in SETS))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def cross_check(results: dict[str, list[Outcome]], minimum: float = 0.9) -> list[str]:
    """Computed on one set, applied to the other: the precision of the facts at ``minimum`` or above."""
    lines = []
    for source, target in ((SETS[0], SETS[1]), (SETS[1], SETS[0])):
        conf = rules.ConfidenceTable(**table(results[source], computed_on=(source,)))
        for m in (minimum, 0.8, 0.0):
            c = check(conf, results[target], m)
            shown = "-" if c.precision is None else f"{c.precision:.3f}"
            lines.append(f"computed on {source}, checked on {target}: confidence >= {m:.1f}: "
                         f"{c.n} facts, {c.right} right, precision {shown}")
        low = [o for o in results[target] if (conf.confidence(o.field, o.path) or 0) < 0.9]
        if low:
            lines.append(f"  below 0.9: {len(low)} facts, precision {sum(o.right for o in low) / len(low):.3f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cross", action="store_true", help="also print the cross-set check")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the table is stale")
    parser.add_argument("--records", action="append", default=[], metavar="SET=JSONL",
                        help="judge these extracted records of a set instead of extracting (writes nothing)")
    args = parser.parse_args(argv)
    if args.records:
        given = dict(item.split("=", 1) for item in args.records)
        results = {name: outcomes(load_records(SHARED / f"{name}.gold.jsonl"),
                                  [ArticleFacts.model_validate(r) for r in load_records(given[name]).values()])
                   for name in SETS}
        print("\n".join(cross_check(results)))
        return 0
    extractor = Extractor(calibrated=False)  # the facts are the same; the table may be stale or absent
    results = {name: set_outcomes(extractor, name) for name in SETS}
    text = table_text(results)
    if args.check:
        if TABLE.read_text(encoding="utf-8") != text:
            print(f"{TABLE.relative_to(ROOT)} is stale: run python scripts/calibrate.py", file=sys.stderr)
            return 1
    else:
        TABLE.write_text(text, encoding="utf-8")
        print(f"wrote {TABLE.relative_to(ROOT)}: {sum(len(r) for r in results.values())} facts of {', '.join(SETS)}")
    if args.cross:
        print("\n".join(cross_check(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
