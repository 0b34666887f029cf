"""The lesson's tiny network page: the page and its texts (Qt-free)."""
