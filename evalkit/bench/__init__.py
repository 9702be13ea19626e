"""Meta-evaluation: evalkit's verdicts against human-labelled benchmark files."""
