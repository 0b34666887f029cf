"""The convolution page, in parts: panels, one widget per tab, and its texts (Qt-free)."""
