//! `object`, `array` and `geojson` (structure of RFC 7946, or with `format: topojson` a
//! TopoJSON topology or geometry, as the TopoJSON profile frictionless validates against).

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

/// `format: topojson`: a topology, or one TopoJSON geometry (geometries refer to the
/// topology's arcs by index: `{"type": "LineString", "arcs": [42]}`).
fn is_topology(v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    match o.get("type").and_then(Value::as_str) {
        Some("Topology") => {
            o.get("objects")
                .and_then(Value::as_object)
                .is_some_and(|objects| objects.values().all(is_topo_geometry))
                && o.get("arcs").is_some_and(|a| all(a, is_arc))
                && o.get("transform").is_none_or(is_transform)
        }
        Some(_) => is_topo_geometry(v),
        None => false,
    }
}

/// A TopoJSON position: at least two numbers.
fn is_topo_position(v: &Value) -> bool {
    v.as_array()
        .is_some_and(|p| p.len() >= 2 && p.iter().all(Value::is_number))
}

/// An arc: at least two positions (or nulls, as the profile allows).
fn is_arc(v: &Value) -> bool {
    v.as_array().is_some_and(|points| {
        points.len() >= 2 && points.iter().all(|p| p.is_null() || is_topo_position(p))
    })
}

fn is_transform(v: &Value) -> bool {
    let numbers = |k: &str| {
        v.get(k)
            .and_then(Value::as_array)
            .is_some_and(|a| a.len() >= 2 && a.iter().all(Value::is_number))
    };
    numbers("scale") && numbers("translate")
}

/// Arc indexes nested `depth` arrays deep (1: `[0, 1]`, 2: `[[0], [1]]`…).
fn arc_indexes(v: &Value, depth: usize) -> bool {
    match v.as_array() {
        Some(items) if depth == 1 => items.iter().all(|i| i.is_i64() || i.is_u64()),
        Some(items) => items.iter().all(|i| arc_indexes(i, depth - 1)),
        None => false,
    }
}

fn is_topo_geometry(v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    let id_ok = o
        .get("id")
        .is_none_or(|id| id.is_string() || id.is_i64() || id.is_u64());
    let properties_ok = o.get("properties").is_none_or(Value::is_object);
    let arcs = |depth| o.get("arcs").is_some_and(|a| arc_indexes(a, depth));
    let shape_ok = match o.get("type").and_then(Value::as_str) {
        Some("Point") => o.get("coordinates").is_some_and(is_topo_position),
        Some("MultiPoint") => o
            .get("coordinates")
            .is_some_and(|c| all(c, is_topo_position)),
        Some("LineString") => arcs(1),
        Some("MultiLineString" | "Polygon") => arcs(2),
        Some("MultiPolygon") => arcs(3),
        Some("GeometryCollection") => o
            .get("geometries")
            .is_some_and(|g| all(g, is_topo_geometry)),
        _ => false,
    };
    id_ok && properties_ok && shape_ok
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
    fn topojson_topologies_and_geometries() {
        let topo = |s: &str| parse_geojson(s, true).is_some();
        assert!(topo(r#"{"type":"LineString","arcs":[42]}"#));
        assert!(topo(r#"{"type":"Polygon","arcs":[[0,1,-3]],"id":"a"}"#));
        assert!(topo(r#"{"type":"MultiPolygon","arcs":[[[0]],[[1,2]]]}"#));
        assert!(topo(r#"{"type":"Point","coordinates":[2.3,48.8,35]}"#));
        assert!(topo(
            r#"{"type":"GeometryCollection","geometries":[{"type":"LineString","arcs":[0]}]}"#
        ));
        assert!(topo(
            r#"{"type":"Topology","objects":{"a":{"type":"LineString","arcs":[0]}},"arcs":[[[0,0],[1,1]]],"transform":{"scale":[1,1],"translate":[0,0]}}"#
        ));
        // Arc indexes are integers at the depth of their type; arcs have two points.
        assert!(!topo(r#"{"type":"LineString","arcs":[[42]]}"#));
        assert!(!topo(r#"{"type":"LineString","arcs":[4.5]}"#));
        assert!(!topo(
            r#"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#
        ));
        assert!(!topo(
            r#"{"type":"Topology","objects":{},"arcs":[[[0,0]]]}"#
        ));
        assert!(!topo(
            r#"{"type":"Topology","objects":{"a":{"type":"Circle"}},"arcs":[]}"#
        ));
        assert!(!topo(r#"{"type":"Point","coordinates":[2.3]}"#));
        assert!(!topo(r#"{"type":"Polygon","arcs":[[0]],"id":1.5}"#));
        assert!(!topo(r#"{"arcs":[0]}"#));
    }

    #[test]
    fn objects_and_arrays() {
        assert!(parse_object(r#"{"a":1}"#).is_some());
        assert!(parse_object("[1]").is_none());
        assert!(parse_array("[1]").is_some());
        assert!(parse_array("1,2").is_none());
    }
}
