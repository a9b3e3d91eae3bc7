"""Sources: where raw documents come from. Each yields RawDocument or Failure, never raises."""

from storyledger.sources.files import SUPPORTED_SUFFIXES, iter_paths, read_path

__all__ = ["SUPPORTED_SUFFIXES", "iter_paths", "read_path"]
