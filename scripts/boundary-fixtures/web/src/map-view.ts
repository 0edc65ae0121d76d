// Breaks no rule.
export const mapView = "map";
