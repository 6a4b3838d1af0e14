//! The Table Schema lint rules.

use super::{Finding, as_text, finding};
use crate::report::{CONSTRAINTS, Severity};
use crate::schema::{FieldDescriptor, FieldType, TableSchema};
use crate::table::CompiledField;
use serde_json::{Map, Value};

const FIELD_KEYS: &[&str] = &[
    "name",
    "title",
    "description",
    "type",
    "format",
    "constraints",
    "example",
    "rdfType",
    "missingValues",
    "trueValues",
    "falseValues",
    "bareNumber",
    "decimalChar",
    "groupChar",
    "categories",
    "categoriesOrdered",
    "itemType",
    "delimiter",
    "arrayItem",
    "customCheck",
];
const STRUCTURAL_KEYS: &[&str] = &[
    "fields",
    "missingValues",
    "primaryKey",
    "foreignKeys",
    "uniqueKeys",
    "fieldsMatch",
    "custom_checks",
];

/// Field keys that are common mistakes, with the key meant.
const KNOWN_MISTAKES: &[(&str, &str)] = &[
    ("contraints", "constraints"),
    ("constraint", "constraints"),
    ("exemple", "example"),
    ("examples", "example"),
    ("nullable", "constraints.required (false)"),
    ("required", "constraints.required"),
    ("enum", "constraints.enum"),
    ("pattern", "constraints.pattern"),
    ("unique", "constraints.unique"),
    ("minimum", "constraints.minimum"),
    ("maximum", "constraints.maximum"),
    ("minLength", "constraints.minLength"),
    ("maxLength", "constraints.maxLength"),
];

/// Custom checks known to Validata, with their parameters (`true`: required).
const CUSTOM_CHECKS: &[(&str, &[(&str, bool)])] = &[
    ("siret", &[("column", true)]),
    ("siren", &[("column", true)]),
    ("french-siret-value", &[("column", true)]),
    ("french-siren-value", &[("column", true)]),
    (
        "compare-columns-value",
        &[("column", true), ("column2", true), ("op", true)],
    ),
    (
        "cohesive-columns-value",
        &[("column", true), ("othercolumns", true)],
    ),
    ("sum-columns-value", &[("column", true), ("columns", true)]),
    ("one-of-required", &[("column1", true), ("column2", true)]),
    (
        "year-interval-value",
        &[("column", true), ("allow-year-only", false)],
    ),
    ("nomenclature-acte", &[("column", true)]),
    ("nomenclature-actes-value", &[("column", true)]),
    ("opening-hours-value", &[("column", true)]),
    ("phone-number-value", &[("column", true)]),
    ("french-gps-coordinates", &[("column", true)]),
    ("coordonnees-gps-francaises", &[("column", true)]),
    // conforme's own lookup in a reference list (not run by Validata).
    (
        "reference-list-value",
        &[("column", true), ("list", true), ("list_column", false)],
    ),
    // frformat's referential checks: `cog` is the COG vintage ("2024", "latest").
    ("code-commune-insee", &[("column", true), ("cog", true)]),
    ("numero-departement", &[("column", true), ("cog", true)]),
    ("departement", &[("column", true), ("cog", true)]),
    ("code-region", &[("column", true), ("cog", true)]),
    ("region", &[("column", true), ("cog", true)]),
    ("commune", &[("column", true), ("cog", true)]),
    ("canton", &[("column", true), ("cog", true)]),
    ("pays", &[("column", true), ("cog", true)]),
    ("code-pays-iso2", &[("column", true), ("cog", true)]),
    ("code-pays-iso3", &[("column", true), ("cog", true)]),
    ("code-postal", &[("column", true)]),
    ("code-fantoir", &[("column", true)]),
];

pub(super) fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Levenshtein distance, case-insensitive (keys are short).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn closest<'a>(key: &str, known: &[&'a str], max: usize) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (distance(key, k), *k))
        .filter(|(d, _)| *d <= max)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn misspelt(pointer: String, key: &str, meant: &str, out: &mut Vec<Finding>) {
    out.push(finding(
        "misspelt-key",
        Severity::Error,
        pointer,
        format!("the key {key:?} is not part of Table Schema and is ignored: did you mean \"{meant}\"?"),
        format!("la clé « {key} » n'existe pas dans Table Schema et est ignorée : vouliez-vous écrire « {meant} » ?"),
    ));
}

pub(super) fn table_schema(schema: &Value, out: &mut Vec<Finding>) {
    let Value::Object(top) = schema else {
        out.push(finding(
            "invalid-descriptor",
            Severity::Error,
            String::new(),
            "the schema is not a JSON object".into(),
            "le schéma n'est pas un objet JSON".into(),
        ));
        return;
    };
    for key in top.keys() {
        if STRUCTURAL_KEYS.contains(&key.as_str()) {
            continue;
        }
        if let Some(meant) = closest(key, STRUCTURAL_KEYS, 2).filter(|_| key.len() > 4) {
            misspelt(format!("/{}", escape(key)), key, meant, out);
        }
    }
    let violations = crate::profile::check(crate::profile::Profile::TableSchema, schema);
    let strict: Vec<String> = violations
        .iter()
        .filter(|v| !v.lenient)
        .map(|v| v.pointer.clone())
        .collect();
    out.extend(violations.into_iter().map(profile_finding));
    if let Err(e) = TableSchema::from_value(schema) {
        // The profile already says it, with the expected value: do not say it twice.
        let at = match &e {
            crate::error::SchemaError::Invalid { pointer, .. } => pointer.as_str(),
            _ => "",
        };
        let covered = strict
            .iter()
            .any(|p| at.starts_with(p.as_str()) || p.starts_with(at));
        if !covered {
            out.push(finding(
                "invalid-descriptor",
                Severity::Error,
                String::new(),
                format!("the descriptor is not a valid Table Schema: {e}"),
                format!("le descripteur n'est pas un Table Schema valide : {e}"),
            ));
        }
    }
    let descriptor = TableSchema::from_value(schema).ok();
    let fields = top
        .get("fields")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut names: Vec<&str> = Vec::new();
    // A set beside the list: 50 000 fields must not mean 10⁹ name comparisons.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, f) in fields.iter().enumerate() {
        let pointer = format!("/fields/{i}");
        let Value::Object(f) = f else { continue };
        // A field without a text name is the profile's finding, not a duplicate.
        if let Some(name) = f.get("name").and_then(Value::as_str) {
            if !seen.insert(name) {
                out.push(finding("duplicate-field", Severity::Error, format!("{pointer}/name"),
                    format!("the field name {name:?} is used twice: the header can only match one of them; rename one"),
                    format!("le nom de champ « {name} » est utilisé deux fois : renommez l'un des deux")));
            }
            names.push(name);
        }
        field_keys(f, &pointer, out);
        let v2 = descriptor.as_ref().is_some_and(|d| d.v2);
        if let Some(descriptor) = descriptor.as_ref().and_then(|d| d.fields.get(i)) {
            constraints_for_type(descriptor, f, &pointer, out);
            pattern(descriptor, &pointer, out);
            if let Ok(compiled) = CompiledField::compile(descriptor, &[], v2) {
                values(descriptor, &compiled, f, &pointer, out);
                super::bounds::check(&compiled, &pointer, out);
            }
        }
    }
    custom_checks(top, &names, out);
}

/// A profile violation as a finding: an error, or a warning when conforme reads the value
/// anyway.
pub(super) fn profile_finding(v: crate::profile::Violation) -> Finding {
    finding(
        "profile",
        if v.lenient {
            Severity::Warning
        } else {
            Severity::Error
        },
        v.pointer,
        v.message,
        v.message_fr,
    )
}

fn field_keys(f: &Map<String, Value>, pointer: &str, out: &mut Vec<Finding>) {
    for key in f.keys() {
        if FIELD_KEYS.contains(&key.as_str()) {
            continue;
        }
        let meant = KNOWN_MISTAKES
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, m)| *m)
            .or_else(|| closest(key, FIELD_KEYS, 2).filter(|_| key.len() > 3));
        if let Some(meant) = meant {
            misspelt(format!("{pointer}/{}", escape(key)), key, meant, out);
        }
    }
    if let Some(Value::Object(c)) = f.get("constraints") {
        for key in c.keys() {
            if CONSTRAINTS.contains(&key.as_str()) {
                continue;
            }
            let at = format!("{pointer}/constraints/{}", escape(key));
            match closest(key, CONSTRAINTS, 3) {
                Some(meant) => misspelt(at, key, meant, out),
                None => out.push(finding("misspelt-key", Severity::Error, at,
                    format!("{key:?} is not a Table Schema constraint and is ignored (constraints are {})", CONSTRAINTS.join(", ")),
                    format!("« {key} » n'est pas une contrainte Table Schema et est ignorée (contraintes : {})", CONSTRAINTS.join(", ")))),
            }
        }
    }
}

fn constraints_for_type(
    d: &FieldDescriptor,
    f: &Map<String, Value>,
    pointer: &str,
    out: &mut Vec<Finding>,
) {
    use FieldType::*;
    let Some(Value::Object(c)) = f.get("constraints") else {
        return;
    };
    let t = d.field_type;
    for key in c.keys() {
        let applies = match key.as_str() {
            "minLength" | "maxLength" => matches!(t, String | Array | Object | List | Any),
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => {
                matches!(
                    t,
                    Number | Integer | Date | Time | DateTime | Year | YearMonth | Duration | Any
                )
            }
            "pattern" => matches!(t, String | Any),
            "jsonSchema" => matches!(t, Object | Array | GeoJson | Any),
            _ => true,
        };
        if !applies {
            out.push(finding("constraint-not-for-type", Severity::Warning, format!("{pointer}/constraints/{}", escape(key)),
                format!("the constraint {key:?} does not apply to a field of type {:?}: it checks nothing (change the type or remove it)", t.name()),
                format!("la contrainte « {key} » ne s'applique pas à un champ de type « {} » : elle ne vérifie rien (changez le type ou retirez-la)", t.name())));
        }
    }
}

/// `a|b` at the top level: frictionless anchors patterns as `^a|b$`, which matches any
/// text starting with `a` or ending with `b`.
fn top_level_alternation(p: &str) -> bool {
    let (mut depth, mut class, mut escaped) = (0i32, false, false);
    for c in p.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !class => class = true,
            ']' if class => class = false,
            '(' if !class => depth += 1,
            ')' if !class => depth -= 1,
            '|' if !class && depth == 0 => return true,
            _ => {}
        }
    }
    false
}

fn pattern(d: &FieldDescriptor, pointer: &str, out: &mut Vec<Finding>) {
    let Some(p) = &d.constraints.pattern else {
        return;
    };
    let at = format!("{pointer}/constraints/pattern");
    if regex::Regex::new(p).is_err() && fancy_regex::Regex::new(p).is_ok() {
        let lookaround = ["(?=", "(?!", "(?<=", "(?<!"].iter().any(|s| p.contains(s))
            || (1..=9).any(|n| p.contains(&format!("\\{n}")));
        let (why, why_fr) = if lookaround {
            (
                "it uses look-around or a back-reference",
                "il utilise des assertions ou des références arrière",
            )
        } else {
            (
                "it escapes characters that need no escape (such as `\\–` or `\\'`), which linear engines refuse",
                "il échappe des caractères qui n'en ont pas besoin (comme `\\–` ou `\\'`), ce que les moteurs linéaires refusent",
            )
        };
        out.push(finding("pattern-backtracking", Severity::Warning, at.clone(),
            format!("the pattern {p:?} only runs on a backtracking regex engine ({why}): slower on long cells and not portable to every validator; rewrite it if you can"),
            format!("le motif « {p} » ne fonctionne qu'avec un moteur à retour arrière ({why_fr}) : plus lent sur de longues cellules et non portable ; réécrivez-le si possible")));
    }
    if top_level_alternation(p) {
        out.push(finding("pattern-half-anchored", Severity::Warning, at,
            format!("the pattern {p:?} has a top-level `|`: frictionless anchors it as `^{p}$`, so each alternative is only anchored on one side; write `(?:{p})`"),
            format!("le motif « {p} » contient un `|` au premier niveau : frictionless l'ancre en `^{p}$`, chaque alternative n'est ancrée que d'un côté ; écrivez `(?:{p})`")));
    }
}

fn values(
    d: &FieldDescriptor,
    compiled: &CompiledField,
    f: &Map<String, Value>,
    pointer: &str,
    out: &mut Vec<Finding>,
) {
    if let Some(values) = &d.constraints.enum_values {
        for (k, v) in values.iter().enumerate() {
            let text = as_text(v);
            if compiled.checker.caster.cast(&text).is_err() {
                out.push(finding("enum-not-castable", Severity::Error, format!("{pointer}/constraints/enum/{k}"),
                    format!("the enum value {text:?} is not a valid {} (format {:?}): no cell can ever equal it", d.field_type.name(), d.format),
                    format!("la valeur d'énumération « {text} » n'est pas un « {} » valide (format « {} ») : aucune cellule ne pourra l'égaler", d.field_type.name(), d.format)));
            }
        }
    }
    let Some(example) = f.get("example") else {
        return;
    };
    let text = as_text(example);
    let fails = match compiled.checker.caster.cast(&text) {
        Err(()) => Some(format!("it is not a valid {}", d.field_type.name())),
        Ok(value) => compiled
            .checker
            .constraints
            .iter()
            .find(|c| !c.holds(&text, &value))
            .map(|c| format!("it breaks the constraint {:?}", c.name)),
    };
    if let Some(why) = fails {
        out.push(finding("example-fails-constraints", Severity::Error, format!("{pointer}/example"),
            format!("the example {text:?} fails the field's own rules ({why}): Validata rejects such schemas; fix the example or the constraint"),
            format!("l'exemple « {text} » ne respecte pas les règles de son propre champ ({why}) : Validata rejette ces schémas ; corrigez l'exemple ou la contrainte")));
    }
}

fn custom_checks(top: &Map<String, Value>, names: &[&str], out: &mut Vec<Finding>) {
    let Some(Value::Array(checks)) = top.get("custom_checks") else {
        return;
    };
    for (i, check) in checks.iter().enumerate() {
        let pointer = format!("/custom_checks/{i}");
        let name = check.get("name").and_then(Value::as_str).unwrap_or("");
        let Some((_, params)) = CUSTOM_CHECKS.iter().find(|(n, _)| *n == name) else {
            let known: Vec<&str> = CUSTOM_CHECKS.iter().map(|(n, _)| *n).collect();
            let hint = closest(name, &known, 3)
                .map(|k| format!(" (did you mean {k:?}?)"))
                .unwrap_or_default();
            out.push(finding(
                "unknown-custom-check",
                Severity::Error,
                format!("{pointer}/name"),
                format!(
                    "the custom check {name:?} is unknown{hint}: known checks are {}",
                    known.join(", ")
                ),
                format!(
                    "le contrôle personnalisé « {name} » est inconnu{hint} : contrôles connus : {}",
                    known.join(", ")
                ),
            ));
            continue;
        };
        let given = check
            .get("params")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for key in given.keys() {
            if !params.iter().any(|(p, _)| p == key) {
                out.push(finding("unknown-custom-check-param", Severity::Error, format!("{pointer}/params/{}", escape(key)),
                    format!("the check {name:?} has no parameter {key:?} (its parameters: {})", params.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(", ")),
                    format!("le contrôle « {name} » n'a pas de paramètre « {key} » (ses paramètres : {})", params.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(", "))));
            }
        }
        for (p, required) in params.iter() {
            match given.get(*p) {
                None if *required => out.push(finding(
                    "unknown-custom-check-param",
                    Severity::Error,
                    format!("{pointer}/params"),
                    format!("the check {name:?} needs the parameter {p:?}"),
                    format!("le contrôle « {name} » a besoin du paramètre « {p} »"),
                )),
                Some(Value::String(col))
                    if p.starts_with("column") && !names.contains(&col.as_str()) =>
                {
                    out.push(finding("unknown-custom-check-param", Severity::Error, format!("{pointer}/params/{p}"),
                        format!("the check {name:?} names the column {col:?}, which the schema does not define"),
                        format!("le contrôle « {name} » porte sur la colonne « {col} », que le schéma ne définit pas")));
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_alternation() {
        assert_eq!(distance("contraints", "constraints"), 1);
        assert!(top_level_alternation("a|b"));
        assert!(!top_level_alternation("(a|b)"));
        assert!(!top_level_alternation("[|]x"));
        assert!(!top_level_alternation("a\\|b"));
    }
}
