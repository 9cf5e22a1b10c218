"""Benchmarks of the loader: a synthetic corpus (`bench.corpus`) and the runner (`python -m bench.run`)."""
