"""PDF documents (reportlab). They take plain data (dataclasses), never a database session."""

from reportlab import rl_config

# Streams stay binary (Flate only), not ASCII85 text on top: every PDF reader reads them, files
# are a fifth smaller, and a bundle of letters is made faster. Nothing we send needs 7-bit mail.
rl_config.useA85 = 0
