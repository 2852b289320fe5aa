"""Build the spaCy pipeline: underthesea tokenizer + the hoinghi stages.

    >>> nlp = build_nlp()
    >>> nlp.pipe_names
    ['hoinghi_dates', 'hoinghi_people', 'hoinghi_awards', 'hoinghi_percentages', 'hoinghi_quantities', 'hoinghi_meeting']
"""
from __future__ import annotations

import spacy
from spacy.language import Language

import hoinghi.pipeline.nlp.tokenizer  # noqa: F401  (registers the tokenizer)
from hoinghi.pipeline.nlp.stages import awards, dates, meeting, people, percentages, quantities  # noqa: F401  (register factories)

STAGES = ("hoinghi_dates", "hoinghi_people", "hoinghi_awards", "hoinghi_percentages", "hoinghi_quantities",
          "hoinghi_meeting")


def build_nlp(stages: tuple[str, ...] = STAGES) -> Language:
    """A blank Vietnamese ``Language`` (no pyvi) with hoinghi's tokenizer and stages."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "hoinghi.underthesea_tokenizer.v1"}}})
    for name in stages:
        nlp.add_pipe(name)
    return nlp
