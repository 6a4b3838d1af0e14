//! Repairs that are judgement calls, each applied only when asked for: the closest allowed
//! value of an enum, and longitude and latitude put back in order.

use crate::table::CompiledField;
use crate::table::value::Value;

/// The allowed value closest to `text` (edit distance), for an enum.
pub(crate) fn closest_enum(field: &CompiledField, text: &str) -> Option<String> {
    let allowed = super::enums::allowed(field)?;
    crate::table::closest_allowed(text, allowed.into_iter()).map(str::to_owned)
}

/// A valid geopoint of France written latitude first, in the right order.
pub(crate) fn swapped_coordinates(field: &CompiledField, text: &str) -> Option<String> {
    match field.checker.caster.cast(text) {
        Ok(Value::GeoPoint(lon, lat)) if crate::table::lon_lat_swapped(lon, lat) => {
            Some(crate::table::geopoint_text(&field.format, lat, lon))
        }
        _ => None,
    }
}
