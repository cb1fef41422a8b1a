"""Coding sheets for questionnaire submissions: a template built from the codebook, and a validated,
conflict-aware merge of a filled sheet into the country files.

Safety rules: cases from a submission are `confidential` unless the sheet says the sender allowed
publication; the sender's name is written only when publication is allowed; nothing is overwritten
silently; every changed file is validated before any is written, and all are written together or
none; the reading is bounded whatever the file claims; `--dry-run` writes nothing.
"""

from .columns import COLUMNS, TABS
from .merge import MergeResult, import_sheet, merge_sheet
from .reading import Sheet, SheetError, read_sheet
from .template import template_csv, template_xlsx, write_template

__all__ = ["COLUMNS", "TABS", "MergeResult", "Sheet", "SheetError", "import_sheet", "merge_sheet", "read_sheet",
           "template_csv", "template_xlsx", "write_template"]
