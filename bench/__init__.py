"""Benchmarks (not tests): each script runs on its own, see bench/README.md."""
