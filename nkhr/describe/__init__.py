"""Describing documents: what each document is, with the evidence for every field.

Title, date, kind, issuers, addressee, language and organisation come from rules
that quote the document's own words, or from a curator's ``metadata.csv``.
"""
