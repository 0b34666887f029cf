"""The DMLP vs CNN page: the lesson's first idea, measured."""
