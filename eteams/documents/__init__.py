"""PDF documents (reportlab). They take plain data (dataclasses), never a database session."""
