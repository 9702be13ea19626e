"""evalkit: score summaries of news events for key-fact coverage and unsupported claims."""

__version__ = "0.1.0"
