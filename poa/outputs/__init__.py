"""Outputs: where each file goes, the overwrite rule, atomic writes and the manifest."""
