"""Person names: hoinghi's people stage against underthesea.ner's PER entities.

    python scripts/compare_ner.py ../shared/corpus/dev ../shared/corpus/dev.gold.jsonl

Both are scored on the gold ``people[].name`` of each article, names compared
after the scorer's normalising (NFC, casefold, new-style tones).
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from underthesea import ner, sent_tokenize

from hoinghi.pipeline.evaluation.scoring import load_records, norm
from hoinghi.pipeline.nlp.extractor import Extractor


def underthesea_people(text: str) -> list[str]:
    """PER entities of underthesea.ner, sentence by sentence."""
    names: list[str] = []
    for line in text.splitlines():
        for sentence in sent_tokenize(line) if line.strip() else []:
            current: list[str] = []
            for word, _pos, _chunk, tag in ner(sentence):
                if tag == "B-PER":
                    if current:
                        names.append(" ".join(current))
                    current = [word]
                elif tag == "I-PER" and current:
                    current.append(word)
                else:
                    if current:
                        names.append(" ".join(current))
                    current = []
            if current:
                names.append(" ".join(current))
    return list(dict.fromkeys(names))


def prf(gold: dict[str, Counter], pred: dict[str, Counter]) -> tuple[float, float, float]:
    tp = sum(sum((gold[d] & pred.get(d, Counter())).values()) for d in gold)
    fp = sum(sum((pred.get(d, Counter()) - gold[d]).values()) for d in gold)
    fn = sum(sum((gold[d] - pred.get(d, Counter())).values()) for d in gold)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("gold", type=Path)
    args = parser.parse_args()
    gold_records = load_records(args.gold)
    gold = {d: Counter(norm(p["name"]) for p in r.get("people", [])) for d, r in gold_records.items()}
    extractor = Extractor()
    ours: dict[str, Counter] = {}
    theirs: dict[str, Counter] = {}
    t_ours = t_theirs = 0.0
    for path in sorted(args.folder.glob("*.txt")):
        if path.stem not in gold:
            continue
        text = path.read_text(encoding="utf-8")
        t = time.perf_counter()
        ours[path.stem] = Counter(norm(p.name) for p in extractor.extract(text, doc_id=path.stem).people)
        t_ours += time.perf_counter() - t
        t = time.perf_counter()
        theirs[path.stem] = Counter(norm(n) for n in underthesea_people(text))
        t_theirs += time.perf_counter() - t
    print(f"{'system':<28}{'P':>7}{'R':>7}{'F1':>7}{'seconds':>9}")
    for label, pred, secs in (("hoinghi people stage", ours, t_ours), ("underthesea.ner PER", theirs, t_theirs)):
        p, r, f = prf(gold, pred)
        print(f"{label:<28}{p:>7.3f}{r:>7.3f}{f:>7.3f}{secs:>9.1f}")


if __name__ == "__main__":
    main()
