"""The LeNet-5 page, in parts: side panels, a training session, one widget per tab, texts."""
