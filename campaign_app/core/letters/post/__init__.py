"""Letters on paper: envelopes, address labels, and the print pack that puts them after the letters."""
