"""Style the report's HTML fragments carry themselves, kept apart so the page renderer can name it
without loading pandas: ``nkhr report`` tells an up-to-date report without loading the parser.
"""

#: What JupyterLab needs to keep a figure inside its sentence and its quote readable, sent with each
#: displayed fragment (JupyterLab has no report stylesheet); the report's pages drop it for their own.
INLINE_STYLE = (
    '<style data-nkhr="inline">details.nkhr-source{display:inline}details.nkhr-source>summary{display:inline;'
    "cursor:pointer;font-weight:700;text-decoration:underline dotted}details.nkhr-source[open]>.nkhr-source-body{"
    "display:block;margin:.3rem 0;padding:.4rem .7rem;border-left:3px solid #0b5cad;background:#f6f8fa;"
    "font-weight:400}.nkhr-source-body blockquote{margin:0 0 .3rem;white-space:pre-wrap}</style>"
)
