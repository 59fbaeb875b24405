"""From a template, a recipient and the case to one letter: the template sandbox and its
bounds, rendering into the document model, salutations, and the writers that turn that
one model into PDF (``pdf/``), DOCX (``docx/``) and e-mail text (``email/``).
"""
