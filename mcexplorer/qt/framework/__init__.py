"""The generic tab of a framework: weights panel, options table, details, sliders."""
