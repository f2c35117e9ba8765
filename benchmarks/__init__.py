"""Benchmarks of nkhr at 1 to 1,000 times the size of the seed corpus (``make bench``)."""
