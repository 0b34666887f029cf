"""CNN Studio's bundled data. Installed as the package ``cnn_studio_resources`` so that the data is
found after a plain ``pip install .`` as well as in a checkout (see ``core.data``)."""
