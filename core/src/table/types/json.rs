//! `object`, `array` and `geojson` (structure of RFC 7946, or a TopoJSON topology).

use serde_json::Value;

pub(crate) fn parse_object(cell: &str) -> Option<Value> {
    serde_json::from_str::<Value>(cell)
        .ok()
        .filter(Value::is_object)
}

pub(crate) fn parse_array(cell: &str) -> Option<Value> {
    serde_json::from_str::<Value>(cell)
        .ok()
        .filter(Value::is_array)
}

pub(crate) fn parse_geojson(cell: &str, topojson: bool) -> Option<Value> {
    let v = parse_object(cell)?;
    let ok = if topojson {
        is_topology(&v)
    } else {
        is_geojson(&v)
    };
    ok.then_some(v)
}

fn is_position(v: &Value) -> bool {
    v.as_array()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.iter().all(Value::is_number))
}

fn positions(v: &Value, min: usize) -> bool {
    v.as_array()
        .is_some_and(|a| a.len() >= min && a.iter().all(is_position))
}

fn ring(v: &Value) -> bool {
    positions(v, 4)
}

fn polygon(v: &Value) -> bool {
    v.as_array().is_some_and(|rings| rings.iter().all(ring))
}

fn all(v: &Value, f: fn(&Value) -> bool) -> bool {
    v.as_array().is_some_and(|a| a.iter().all(f))
}

fn is_geometry(v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    let coords = o.get("coordinates");
    match o.get("type").and_then(Value::as_str) {
        Some("Point") => coords.is_some_and(is_position),
        Some("MultiPoint") => coords.is_some_and(|c| positions(c, 0)),
        Some("LineString") => coords.is_some_and(|c| positions(c, 2)),
        Some("MultiLineString") => coords.is_some_and(|c| all(c, |l| positions(l, 2))),
        Some("Polygon") => coords.is_some_and(polygon),
        Some("MultiPolygon") => coords.is_some_and(|c| all(c, polygon)),
        Some("GeometryCollection") => o.get("geometries").is_some_and(|g| all(g, is_geometry)),
        _ => false,
    }
}

fn is_feature(v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    o.get("type").and_then(Value::as_str) == Some("Feature")
        && o.get("geometry")
            .is_some_and(|g| g.is_null() || is_geometry(g))
        && o.get("properties")
            .is_some_and(|p| p.is_null() || p.is_object())
}

fn is_geojson(v: &Value) -> bool {
    match v.get("type").and_then(Value::as_str) {
        Some("Feature") => is_feature(v),
        Some("FeatureCollection") => v.get("features").is_some_and(|f| all(f, is_feature)),
        _ => is_geometry(v),
    }
}

fn is_topology(v: &Value) -> bool {
    v.get("type").and_then(Value::as_str) == Some("Topology")
        && v.get("objects").is_some_and(Value::is_object)
        && v.get("arcs").is_some_and(Value::is_array)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geojson_structures() {
        assert!(parse_geojson(r#"{"type":"Point","coordinates":[2.3,48.8]}"#, false).is_some());
        assert!(parse_geojson(r#"{"type":"Point","coordinates":[2.3]}"#, false).is_none());
        assert!(
            parse_geojson(
                r#"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#,
                false
            )
            .is_some()
        );
        assert!(
            parse_geojson(
                r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#,
                false
            )
            .is_some()
        );
        assert!(
            parse_geojson(
                r#"{"type":"Feature","geometry":null,"properties":{}}"#,
                false
            )
            .is_some()
        );
        assert!(parse_geojson(r#"{"type":"Circle"}"#, false).is_none());
        assert!(parse_geojson(r#"{"type":"Topology","objects":{},"arcs":[]}"#, true).is_some());
        assert!(parse_geojson("[1,2]", false).is_none());
    }

    #[test]
    fn objects_and_arrays() {
        assert!(parse_object(r#"{"a":1}"#).is_some());
        assert!(parse_object("[1]").is_none());
        assert!(parse_array("[1]").is_some());
        assert!(parse_array("1,2").is_none());
    }
}
