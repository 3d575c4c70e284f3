"""The PDF reader's stages; :mod:`govinfo_report.readers.pdf` puts them together.

* ``_load``: pdfminer.six runs the content streams; each page becomes glyphs and
  ruling segments (no pdfminer object or exception leaves this module).
* ``_grid``: ruling segments become table grids and merged cells.
* ``_text``: glyphs become text lines, cell text and paragraphs.
"""
