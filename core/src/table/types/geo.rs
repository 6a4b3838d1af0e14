//! `geopoint` in its three formats, parsed by hand (no allocation), with the range check
//! of frictionless (longitude ±180, latitude ±90).

/// Compiled `geopoint` format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GeoFormat {
    /// `"lon, lat"`
    Default,
    /// `[lon, lat]`
    Array,
    /// `{"lon": …, "lat": …}`
    Object,
}

fn coordinate(text: &str) -> Option<f64> {
    if let Some(v) = super::number::fast_decimal(text.trim_ascii()) {
        return Some(v);
    }
    let t = text.trim();
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    t.parse::<f64>().ok().filter(|f| f.is_finite())
}

fn in_range(lon: f64, lat: f64) -> Option<(f64, f64)> {
    ((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)).then_some((lon, lat))
}

fn pair(text: &str) -> Option<(f64, f64)> {
    let (a, b) = text.split_once(',')?;
    in_range(coordinate(a)?, coordinate(b)?)
}

impl GeoFormat {
    pub(crate) fn parse(self, cell: &str) -> Option<(f64, f64)> {
        match self {
            GeoFormat::Default => pair(cell),
            GeoFormat::Array => {
                let inner = cell.trim().strip_prefix('[')?.strip_suffix(']')?;
                pair(inner)
            }
            GeoFormat::Object => {
                let v: serde_json::Value = serde_json::from_str(cell).ok()?;
                let o = v.as_object()?;
                if o.len() != 2 {
                    return None;
                }
                in_range(o.get("lon")?.as_f64()?, o.get("lat")?.as_f64()?)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(GeoFormat::Default.parse("2.35, 48.85"), Some((2.35, 48.85)));
        assert_eq!(GeoFormat::Array.parse("[2.35, 48.85]"), Some((2.35, 48.85)));
        assert_eq!(GeoFormat::Array.parse("[2.35,48.85]"), Some((2.35, 48.85)));
        assert_eq!(GeoFormat::Array.parse("2.35,48.85"), None);
        assert_eq!(
            GeoFormat::Object.parse(r#"{"lon": 2.35, "lat": 48.85}"#),
            Some((2.35, 48.85))
        );
        assert_eq!(GeoFormat::Default.parse("200, 10"), None);
        assert_eq!(GeoFormat::Default.parse("10, 95"), None);
        assert_eq!(GeoFormat::Array.parse("[1, 2, 3]"), None);
        assert_eq!(GeoFormat::Default.parse("a, b"), None);
    }
}
