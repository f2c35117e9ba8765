"""Extraction: the facts a statement states, each with the words it rests on.

Recognisers for dates, numbers and countries, and the rules that read signatory
lists, membership counts and meetings out of a document's passages.
"""
