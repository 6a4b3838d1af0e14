//! `french-gps-coordinates`: a `geopoint` inside metropolitan France, Corsica or one of
//! the five overseas departments (landscape.md §3.11), with the diagnosis of swapped
//! longitude and latitude. Points on a box's edge are outside, as in Validata (shapely's
//! strict `within`).

use super::{CellState, Finding};
use crate::report::ErrorCode;
use crate::table::value::Value;

/// (lon min, lat min, lon max, lat max) of each territory.
const BOXES: &[(f64, f64, f64, f64)] = &[
    // Guadeloupe
    (-61.809839, 15.832041, -61.001959, 16.514488),
    // Martinique
    (-61.229033, 14.388646, -60.809655, 14.878723),
    // Guyane
    (-54.60239, 2.111055, -51.619041, 5.748138),
    // La Réunion
    (55.216526, -21.389631, 55.836654, -20.8718),
    // Mayotte
    (45.01833, -13.005254, 45.299985, -12.63659),
    // France métropolitaine et Corse
    (-5.141277, 41.333571, 9.560091, 51.088989),
];

/// Whether (`lon`, `lat`) is strictly inside one of the boxes.
pub(crate) fn in_france(lon: f64, lat: f64) -> bool {
    BOXES
        .iter()
        .any(|&(x0, y0, x1, y1)| lon > x0 && lon < x1 && lat > y0 && lat < y1)
}

pub(crate) fn check(cell: &CellState<'_>) -> Option<Finding> {
    let Some(&Value::GeoPoint(lon, lat)) = cell.value() else {
        return None;
    };
    if in_france(lon, lat) {
        None
    } else if in_france(lat, lon) {
        Some(Finding::new(ErrorCode::ReversedFrenchGpsCoordinates))
    } else {
        Some(Finding::new(ErrorCode::FrenchGpsCoordinates))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(lon: f64, lat: f64) -> Option<ErrorCode> {
        check(&CellState::Typed(Value::GeoPoint(lon, lat), "")).map(|f| f.code)
    }

    #[test]
    fn values() {
        use ErrorCode::*;
        let table = [
            (2.35, 48.85, None),                               // Paris
            (9.15, 42.15, None),                               // Corse
            (-61.5, 16.2, None),                               // Guadeloupe
            (-61.0, 14.6, None),                               // Martinique
            (-52.3, 4.9, None),                                // Guyane
            (55.5, -21.1, None),                               // La Réunion
            (45.1, -12.8, None),                               // Mayotte
            (48.85, 2.35, Some(ReversedFrenchGpsCoordinates)), // swapped
            (-70.0, 40.0, Some(FrenchGpsCoordinates)),
            (-56.2, 46.8, Some(FrenchGpsCoordinates)), // Saint-Pierre: not covered
            (-5.141277, 45.0, Some(FrenchGpsCoordinates)), // on the edge
            (0.0, 0.0, Some(FrenchGpsCoordinates)),
        ];
        for (lon, lat, want) in table {
            assert_eq!(code(lon, lat), want, "({lon}, {lat})");
        }
        assert_eq!(check(&CellState::Empty), None);
    }
}
