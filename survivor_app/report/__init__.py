"""The printed summary: its content built without Qt (``content``), the paper it goes on
(``paper``), and one renderer for the preview, the printer and the PDF (``render``, which alone
imports Qt and is imported on its own)."""
