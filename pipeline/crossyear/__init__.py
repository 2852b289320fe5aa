"""Numbers checked across years: one body under many names, its series, the checks, a report.

Built on ``ArticleFacts`` records read from the archive (their quantities, percentages and
awards), so it works on whatever extraction stored:

    >>> from hoinghi.pipeline.crossyear.run import analyse          # doctest: +SKIP
    >>> result = analyse(records)                                   # doctest: +SKIP
    >>> [f.check for f in result.findings]                          # doctest: +SKIP
    ['conflict']
"""
