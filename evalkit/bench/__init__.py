"""Meta-evaluation: evalkit's verdicts against human-labelled benchmark files.

load.py          benchmark files (JSON Lines) -> validated records
events.py        benchmark items as pipeline events, their signals, the model-free baselines
faithfulness.py  faithfulness rows and metrics (`meta` on a faithfulness file)
coverage.py      key-fact and summary rows and metrics (`meta` on a coverage file)
tables.py        the metric tables (CSV, Markdown, JSON) and the run-folder writer
meta.py          the `meta` verb
labelled.py      labelled signals that `calibrate` fits on
fit.py           the verifier's and the coverage matcher's logistic models and thresholds
calibrate.py     the `calibrate` verb

The statistics themselves (correlations, ROC AUC, threshold search, bootstrap) are in
evalkit/metrics.py.
"""
