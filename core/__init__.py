"""CNN Studio's numpy core: a convolutional network written in plain numpy (no Qt here)."""
