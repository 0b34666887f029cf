"""CNN Studio's PySide6 + pyqtgraph interface. It may import core; core never imports it."""
