"""The Experiments page: the lesson's experiments, every run kept, compared and rewound."""
