"""Reading: files become text, text becomes documents, passages and sentences.

The first stage of the pipeline. Nothing here interprets what a statement says;
it only decides what the text is (decoded or extracted) and where its documents and
passages begin and end, with offsets every later stage points into.
"""
