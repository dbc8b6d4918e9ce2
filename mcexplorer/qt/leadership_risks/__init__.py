"""The leadership-and-risks tab (Qt): strategy on a page, leadership, culture, risks, plan B."""
