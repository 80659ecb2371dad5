"""Documents: the template library, the context a template sees, the document tree and the
writers that turn the tree into DOCX, PDF, HTML and appeal-form text."""
