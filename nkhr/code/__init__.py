"""Coding: themes, asks and claims read from the counted passages, and disagreements between sources."""
